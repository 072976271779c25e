/**
 * Finding disguised swear words and slurs: "f***ing", "sh1t", "fuuuuck", "b*stards", "c***s".
 * Each word of the text is normalised (digits and symbols read as the letters they stand for,
 * stretched letters shortened) and looked up; a word with masking stars is compared with the list
 * letter by letter. Linear in the length of the text: one pass, a hash look-up per word, and a
 * bounded number of masked words compared with a short list.
 */
import { execAll } from '../../text/exec-all.js';

/** One word found in a text. */
export interface WordHit {
  start: number;
  end: number;
  /** The listed word it was read as. */
  word: string;
  /** The kind of the listed word (e.g. "strong", "mild", "slur"). */
  kind: string;
}

/** A compiled list of words to find. */
export interface WordMatcher {
  find(text: string): WordHit[];
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
const MASK = /[*#_•]/;
// A word: letters, digits and the symbols people use in place of letters; stars may start a word
// only after a letter ("f***") — a leading star is punctuation ("*sigh*").
const TOKEN = /[\p{L}\p{N}@$][\p{L}\p{N}@$*#_•!]*[\p{L}\p{N}*#]/gu;
const MAX_MASKED = 200;
// "F U C K", "f.u.c.k": single letters spelled out with spaces, dots or dashes.
const SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*]\p{L}){2,9}(?![\p{L}\p{N}])/gu;

const LEET_CHAR = /[0-9@$!]/;
const DOUBLE = /(\p{L})\1/u;
const TRIPLE = /(\p{L})\1\1/u;
const collapse = (w: string): string => w.replace(/(\p{L})\1+/gu, '$1');

function leet(token: string): string {
  let out = '';
  for (const ch of token) out += LEET[ch] ?? ch;
  return out;
}

/**
 * Compile a list of `[word, kind]` pairs (lower case; multi-word entries are matched as written).
 * `find` expects lower-cased text (prepare's `lower`).
 * `weaker` decides which kind wins when a masked word could be several listed words.
 */
export function compileWords(
  words: readonly (readonly [string, string])[],
  weaker: (a: string, b: string) => string,
): WordMatcher {
  const single = new Map<string, { word: string; kind: string }>();
  const loose = new Map<string, { word: string; kind: string }>();
  const add = (
    map: Map<string, { word: string; kind: string }>,
    key: string,
    word: string,
    kind: string,
  ) => {
    const prev = map.get(key);
    map.set(key, prev ? { word: prev.word, kind: weaker(prev.kind, kind) } : { word, kind });
  };
  const multi: { re: RegExp; word: string; kind: string }[] = [];
  for (const [w, kind] of words) {
    if (/\s/.test(w)) {
      const body = w
        .split(/\s+/)
        .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+');
      multi.push({
        re: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu'),
        word: w,
        kind,
      });
    } else {
      add(single, w, w, kind);
      // "fuuuck" → "fuck": only words without double letters of their own are found this way, so
      // "coon" never turns up inside "con".
      if (collapse(w) === w) add(loose, w, w, kind);
    }
  }
  const plain = [...single.values()];
  // All multi-word phrases in one pass: one alternation, the match looked up by its words.
  const multiByWords = new Map<string, { word: string; kind: string }>();
  for (const m of multi)
    multiByWords.set(m.word.split(/\s+/).join(' '), { word: m.word, kind: m.kind });
  const multiRe = multi.length
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${multi
          .map((m) =>
            m.re.source.replace('(?<![\\p{L}\\p{N}])', '').replace('(?![\\p{L}\\p{N}])', ''),
          )
          .join('|')})(?![\\p{L}\\p{N}])`,
        'gu',
      )
    : null;

  return {
    find(text: string): WordHit[] {
      const out: WordHit[] = [];
      const { tokens, spaced } = tokensOf(text);
      let masked = 0;
      for (const t of tokens) {
        if (t.letters !== undefined) {
          if (++masked > MAX_MASKED) continue;
          let best: { word: string; kind: string } | undefined;
          for (const cand of plain) {
            if (t.letters.test(cand.word))
              best = best ? { word: best.word, kind: weaker(best.kind, cand.kind) } : cand;
          }
          if (best) out.push({ start: t.start, end: t.end, word: best.word, kind: best.kind });
          continue;
        }
        const hit =
          single.get(t.read) ??
          single.get(t.readDouble) ??
          single.get(t.readSingle) ??
          loose.get(t.collapsed);
        if (hit) out.push({ start: t.start, end: t.end, word: hit.word, kind: hit.kind });
      }
      for (const sp of spaced) {
        const hit = single.get(sp.joined);
        if (hit) out.push({ start: sp.start, end: sp.end, word: hit.word, kind: hit.kind });
      }
      if (multiRe) {
        multiRe.lastIndex = 0;
        for (const m of execAll(multiRe, text)) {
          const hit = multiByWords.get(m[0].split(/\s+/).join(' '));
          if (hit)
            out.push({
              start: m.index,
              end: m.index + m[0].length,
              word: hit.word,
              kind: hit.kind,
            });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

interface Token {
  start: number;
  end: number;
  read: string;
  readDouble: string;
  readSingle: string;
  collapsed: string;
  /** For a masked token ("f***ing"): a pattern the hidden word must match. */
  letters?: RegExp;
}

// Several signals read the same item: tokenise it once (the last text is kept).
let cachedText: string | undefined;
let cached: { tokens: Token[]; spaced: { start: number; end: number; joined: string }[] } = {
  tokens: [],
  spaced: [],
};

function tokensOf(text: string): typeof cached {
  if (text === cachedText) return cached;
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (const m of execAll(TOKEN, text)) {
    let tok = m[0];
    // A trailing "!" is punctuation, not a letter.
    while (tok.length > 1 && tok.endsWith('!')) tok = tok.slice(0, -1);
    const start = m.index;
    const end = start + tok.length;
    if (!/\p{L}/u.test(tok)) continue;
    if (MASK.test(tok)) {
      // "f***ing": letters as written, each run of masks stands for one to four letters.
      const letters = tok.replace(/[*#_•]+/g, '*');
      if (letters.replace(/\*/g, '').length < 1 || letters.length > 16) continue;
      const re = new RegExp(
        `^${[...letters].map((c) => (c === '*' ? '\\p{L}{1,4}' : (LEET[c] ?? c).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
        'u',
      );
      tokens.push({
        start,
        end,
        read: '',
        readDouble: '',
        readSingle: '',
        collapsed: '',
        letters: re,
      });
      continue;
    }
    // Most tokens are plain words: skip the rewrites they cannot need.
    const read = LEET_CHAR.test(tok) ? leet(tok) : tok;
    const doubled = DOUBLE.test(read);
    const tripled = doubled && TRIPLE.test(read);
    tokens.push({
      start,
      end,
      read,
      readDouble: tripled ? read.replace(/(\p{L})\1{2,}/gu, '$1$1') : read,
      readSingle: tripled ? read.replace(/(\p{L})\1{2,}/gu, '$1') : read,
      collapsed: doubled ? collapse(read) : read,
    });
  }
  const spaced: { start: number; end: number; joined: string }[] = [];
  for (const m of execAll(SPACED, text))
    spaced.push({
      start: m.index,
      end: m.index + m[0].length,
      joined: m[0].replace(/[^\p{L}]/gu, ''),
    });
  cachedText = text;
  cached = { tokens, spaced };
  return cached;
}
