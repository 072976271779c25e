/**
 * Fast phrase lookup for the triage signals: the item's lower-cased text is split into tokens once
 * (cached per prepared item), and each phrase list becomes a trie over tokens. Finding every phrase
 * is then one walk over the tokens with hash-map steps — much cheaper than running a regular
 * expression with hundreds of alternatives over every character, which matters because triage
 * runs on every item (see docs/rules/README.md on speed).
 *
 * Matching follows `compilePhrases`: whole tokens, any spacing between words, the longest phrase
 * wins at a position, matches do not overlap, and a trailing `*` matches any ending of the last
 * word. Tokens are words (letters and digits, with inner apostrophes, hyphens, ampersands, slashes
 * and dots: "a&e", "x-ray", "24/7", "bit.ly", "don't"), single emoji, or single punctuation marks,
 * so "another year, another" and "free £" are phrases too.
 */
import { triagePhrases } from '../phrases/index.js';
import { ItemCache, type PreparedItem } from '../prepare.js';
import { execAll } from '../../text/exec-all.js';

/** A token of the lower-cased text. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** A phrase found in an item. */
export interface PhraseHit {
  start: number;
  end: number;
  /** Same as `start` (reads like a regular-expression match). */
  index: number;
  /** The lower-cased text matched. */
  text: string;
  /** The entry kind of the phrase ("" when the entry has none). */
  kind: string;
  /** The phrase as listed. */
  phrase: string;
}

// Zero-width joiners, variation selectors and skin-tone modifiers are skipped (no token).
const TOKEN =
  /[\p{L}\p{N}]+(?:['&/.-][\p{L}\p{N}]+)*|\p{Extended_Pictographic}|(?!\u200d|\ufe0f|\p{Emoji_Modifier})[^\s\p{L}\p{N}]/gu;

const tokenCache = new ItemCache<Token[]>();

/** Split a lower-cased text into tokens. Linear. */
export function tokenize(lower: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (const m of execAll(TOKEN, lower))
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** The item's tokens, computed once per prepared item. */
export function tokensOf(p: PreparedItem): Token[] {
  let tokens = tokenCache.get(p);
  if (!tokens) {
    tokens = tokenize(p.lower);
    tokenCache.set(p, tokens);
  }
  return tokens;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A phrase ends here: its kind and text. */
  end?: { kind: string; phrase: string };
  /** Phrases whose last word is a prefix (`vaccin*`) ending here. */
  prefixes?: { prefix: string; kind: string; phrase: string }[];
}

const node = (): TrieNode => ({ next: new Map() });

/** For each first token of any phrase, the indexes with a phrase starting with it. */
const byFirstToken = new Map<string, PhraseIndex[]>();
const startCache = new ItemCache<{ serial: number; starts: Map<PhraseIndex, number[]> }>();
let serials = 0;

/**
 * Where in the item's tokens each index may find a phrase: one pass over the tokens with one map
 * lookup each, shared by every index, instead of every index trying every token.
 */
function startsFor(p: PreparedItem, tokens: readonly Token[], index: PhraseIndex): number[] {
  const cached = startCache.get(p);
  if (cached) {
    if (index.serial <= cached.serial) return cached.starts.get(index) ?? [];
    // An index compiled after this item's pass (a list first used mid-run): scan for it alone.
    let own = cached.starts.get(index);
    if (!own) {
      own = [];
      for (let i = 0; i < tokens.length; i++) if (index.mayStartWith(tokens[i]!.text)) own.push(i);
      cached.starts.set(index, own);
    }
    return own;
  }
  const found = new Map<PhraseIndex, number[]>();
  const add = (indexes: PhraseIndex[] | undefined, i: number) => {
    if (!indexes) return;
    for (const x of indexes) {
      const list = found.get(x);
      if (!list) found.set(x, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    add(byFirstToken.get(word), i);
    const apostrophe = word.indexOf("'");
    if (apostrophe > 0) add(byFirstToken.get(word.slice(0, apostrophe)), i);
  }
  startCache.set(p, { serial: serials, starts: found });
  return found.get(index) ?? [];
}

/** A compiled phrase list. */
export class PhraseIndex {
  private readonly root = node();
  /** A phrase starts with a wildcard word: every token must be tried. */
  private scanAll = false;
  /** Creation order, so an item's shared start positions know which indexes they cover. */
  readonly serial = ++serials;
  /** Longest phrase, in tokens: bounds each walk. */
  private depth = 0;
  readonly size: number;

  constructor(phrases: readonly { phrase: string; kind: string }[]) {
    let size = 0;
    for (const { phrase, kind } of phrases) {
      const raw = phrase.trim().toLowerCase().replace(/[‘’]/g, "'");
      if (!raw) continue;
      const wild = raw.endsWith('*');
      const words = tokenize(wild ? raw.slice(0, -1) : raw).map((t) => t.text);
      if (words.length === 0) continue;
      let at = this.root;
      const last = wild ? words.length - 1 : words.length;
      for (let i = 0; i < last; i++) {
        let n = at.next.get(words[i]!);
        if (!n) {
          n = node();
          at.next.set(words[i]!, n);
        }
        at = n;
      }
      if (wild) (at.prefixes ??= []).push({ prefix: words[words.length - 1]!, kind, phrase });
      else if (!at.end) at.end = { kind, phrase };
      this.depth = Math.max(this.depth, words.length);
      size++;
    }
    this.size = size;
    this.scanAll = this.root.prefixes !== undefined;
    for (const first of this.root.next.keys()) {
      const list = byFirstToken.get(first);
      if (!list) byFirstToken.set(first, [this]);
      else if (!list.includes(this)) list.push(this);
    }
  }

  /** Could a phrase of this index start at a token with this text? */
  mayStartWith(word: string): boolean {
    if (this.root.next.has(word)) return true;
    const apostrophe = word.indexOf("'");
    return apostrophe > 0 && this.root.next.has(word.slice(0, apostrophe));
  }

  /** Every phrase in the item, left to right, longest first at a position, without overlaps. */
  find(p: PreparedItem): PhraseHit[] {
    const tokens = tokensOf(p);
    return this.findInTokens(
      tokens,
      p.lower,
      this.scanAll ? undefined : startsFor(p, tokens, this),
    );
  }

  /**
   * Every phrase in a token list of `lower` (see `find`), trying only the token positions in
   * `starts` when given (ascending).
   */
  findInTokens(tokens: readonly Token[], lower: string, starts?: readonly number[]): PhraseHit[] {
    const out: PhraseHit[] = [];
    const root = this.root;
    let covered = -1;
    const count = starts ? starts.length : tokens.length;
    for (let k = 0; k < count; k++) {
      const i = starts ? starts[k]! : k;
      if (i <= covered) continue;
      let at: TrieNode | undefined = root;
      let best: { j: number; kind: string; phrase: string; cut?: number } | undefined;
      for (let j = i; j < tokens.length && j - i < this.depth; j++) {
        const word = tokens[j]!.text;
        if (at.prefixes) {
          for (const w of at.prefixes)
            if (word.startsWith(w.prefix) && (!best || j >= best.j))
              best = { j, kind: w.kind, phrase: w.phrase };
        }
        const nextNode: TrieNode | undefined = at.next.get(word);
        if (!nextNode) {
          // A possessive or contraction ends a phrase as the plain word would: "a&e's" holds "a&e".
          const apostrophe = word.indexOf("'");
          const base = apostrophe > 0 ? at.next.get(word.slice(0, apostrophe)) : undefined;
          if (base?.end)
            best = {
              j,
              kind: base.end.kind,
              phrase: base.end.phrase,
              cut: tokens[j]!.start + apostrophe,
            };
          break;
        }
        at = nextNode;
        if (at.end) best = { j, kind: at.end.kind, phrase: at.end.phrase };
      }
      if (best) {
        const start = tokens[i]!.start;
        const end = best.cut ?? tokens[best.j]!.end;
        out.push({
          start,
          end,
          index: start,
          text: lower.slice(start, end),
          kind: best.kind,
          phrase: best.phrase,
        });
        covered = best.j;
      }
    }
    return out;
  }
}

const indexes = new Map<string, PhraseIndex>();
const hitCache = new ItemCache<Map<PhraseIndex, PhraseHit[]>>();

/** The hits of an index in an item, computed once per item and index (signals share lists). */
export function hitsOf(p: PreparedItem, index: PhraseIndex): PhraseHit[] {
  let byIndex = hitCache.get(p);
  if (!byIndex) {
    byIndex = new Map();
    hitCache.set(p, byIndex);
  }
  let hits = byIndex.get(index);
  if (!hits) {
    hits = index.find(p);
    byIndex.set(index, hits);
  }
  return hits;
}

/**
 * The phrase index of a triage list (optionally only some entry kinds, plus extra phrases), built
 * once and shared by every signal that asks for the same list and kinds.
 */
export function phraseIndex(
  list: string,
  kinds?: readonly string[],
  extra: readonly { phrase: string; kind: string }[] = [],
): PhraseIndex {
  const key = `${list}\u0000${kinds?.join(',') ?? '*'}\u0000${extra.map((e) => `${e.kind}:${e.phrase}`).join('|')}`;
  let index = indexes.get(key);
  if (!index) {
    const phrases: { phrase: string; kind: string }[] = [];
    for (const e of triagePhrases(list).entries) {
      if (kinds && !kinds.includes(e.kind ?? '')) continue;
      for (const phrase of e.phrases) phrases.push({ phrase, kind: e.kind ?? '' });
    }
    index = new PhraseIndex([...phrases, ...extra]);
    indexes.set(key, index);
  }
  return index;
}

const tokenSetCache = new ItemCache<Set<string>>();

/** The distinct tokens of an item, computed once per prepared item. */
export function tokenSetOf(p: PreparedItem): Set<string> {
  let set = tokenSetCache.get(p);
  if (!set) {
    set = new Set(tokensOf(p).map((t) => t.text));
    tokenSetCache.set(p, set);
  }
  return set;
}

/** Does the item contain any of the tokens (lower case, as the tokenizer splits them)? */
export function hasAnyToken(p: PreparedItem, tokens: ReadonlySet<string>): boolean {
  const set = tokenSetOf(p);
  if (set.size < tokens.size) {
    for (const t of set) if (tokens.has(t)) return true;
    return false;
  }
  for (const t of tokens) if (set.has(t)) return true;
  return false;
}

/** One part of a gated pattern: a regular expression run only when one of its trigger tokens is present. */
export interface GatedPart {
  /** Tokens one of which every match contains (e.g. the pattern's first word). */
  triggers: readonly string[];
  /** Or a cheap test on the lower-cased text (e.g. "has a year in it") that lets the part run. */
  test?: RegExp;
  /** Regular-expression source (Unicode flag). */
  source: string;
}

const gatedCache = new ItemCache<Map<GatedPattern, RegExpMatchArray[]>>();

/**
 * A large alternation split into parts, each run only when the item holds one of the part's
 * trigger tokens. Most items hold none of most triggers, so most parts never run — the cost of a
 * many-branch pattern drops to a few set lookups.
 */
export class GatedPattern {
  private readonly parts: { triggers: ReadonlySet<string>; test?: RegExp; re: RegExp }[];

  constructor(parts: readonly GatedPart[]) {
    this.parts = parts.map((part) => ({
      triggers: new Set(part.triggers),
      ...(part.test ? { test: part.test } : {}),
      re: new RegExp(part.source, 'gu'),
    }));
  }

  /** Every match of every triggered part in the lower-cased text, in text order; cached per item. */
  matches(p: PreparedItem): RegExpMatchArray[] {
    let byPattern = gatedCache.get(p);
    if (!byPattern) {
      byPattern = new Map();
      gatedCache.set(p, byPattern);
    }
    let out = byPattern.get(this);
    if (!out) {
      out = [];
      for (const part of this.parts) {
        if (!hasAnyToken(p, part.triggers) && !(part.test && part.test.test(p.lower))) continue;
        part.re.lastIndex = 0;
        for (const m of execAll(part.re, p.lower)) out.push(m);
      }
      if (this.parts.length > 1) out.sort((a, b) => a.index! - b.index!);
      byPattern.set(this, out);
    }
    return out;
  }

  /** The matches starting in [from, to). */
  matchesBetween(p: PreparedItem, from: number, to: number): RegExpMatchArray[] {
    return this.matches(p).filter((m) => m.index! >= from && m.index! < to);
  }
}
