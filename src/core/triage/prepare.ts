/**
 * Preparing an item's text once so every signal can read it cheaply: a lower-cased copy with the
 * same offsets, sentences, and the scopes of negation, hypotheticals and quoted speech.
 */
import { sentences, type Sentence } from '../text/sentences.js';
import type { InboundItem } from './labels.js';
import { execAll } from '../text/exec-all.js';

/** A range of text. */
export interface Range {
  start: number;
  end: number;
}

/** An item ready for the signals. */
export interface PreparedItem {
  item: InboundItem;
  /** The text as written. */
  text: string;
  /**
   * Lower-cased, curly quotes straightened, letters repeated three or more times kept as written
   * (so offsets match `text` exactly). Match patterns against this, report offsets into `text`.
   */
  lower: string;
  sentences: Sentence[];
  /** Words that follow a negation ("not", "never", "n't", "no") up to the end of the clause. */
  negated: Range[];
  /** Clauses under "if", "what if", "imagine", "in case", "would … if" — hypothetical. */
  hypothetical: Range[];
  /** Text inside quotation marks — often someone else's words. */
  quoted: Range[];
  /** What signals worked out about this item once and share (see `ItemCache`). */
  readonly memo: Map<object, unknown>;
}

/**
 * One value per prepared item, computed once and shared by the signals. Kept on the item rather
 * than in a WeakMap: an item lives for one triage, and a dozen weak maps keyed by short-lived items
 * cost the garbage collector more than one small map on the item.
 */
export class ItemCache<T> {
  get(p: PreparedItem): T | undefined {
    return p.memo.get(this) as T | undefined;
  }

  has(p: PreparedItem): boolean {
    return p.memo.has(this);
  }

  set(p: PreparedItem, value: T): this {
    p.memo.set(this, value);
    return this;
  }
}

/** Binary search over sorted, non-overlapping ranges. */
function inside(ranges: readonly Range[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (at < r.start) hi = mid - 1;
    else if (at >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Sort and merge ranges so lookups can binary-search. */
function merged(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Is the offset inside a negation scope? */
export function isNegated(p: PreparedItem, at: number): boolean {
  return inside(p.negated, at);
}

/** Is the offset inside a hypothetical clause? */
export function isHypothetical(p: PreparedItem, at: number): boolean {
  return inside(p.hypothetical, at);
}

/** Is the offset inside quoted speech? */
export function isQuoted(p: PreparedItem, at: number): boolean {
  return inside(p.quoted, at);
}

/** The sentence containing an offset (or undefined between sentences). */
export function sentenceAt(p: PreparedItem, at: number): Sentence | undefined {
  return p.sentences.find((s) => at >= s.start && at < s.end);
}

// Clause ends: punctuation or a contrastive conjunction starts a new clause.
const CLAUSE_END = /[.!?;:,\n—–]|\s(?:but|however|although|though|yet)\s/;

function scopes(lower: string, trigger: RegExp, maxChars: number): Range[] {
  const out: Range[] = [];
  for (const m of execAll(trigger, lower)) {
    const start = m.index + m[0].length;
    // Look for the clause end only within the scope's reach, so the scan stays linear overall.
    const window = lower.slice(start, start + maxChars + 10);
    const stop = CLAUSE_END.exec(window);
    const end = Math.min(stop ? start + stop.index : lower.length, start + maxChars);
    if (end > start) out.push({ start, end });
  }
  return merged(out);
}

const NEGATION =
  /(?<![\p{L}])(?:not|no|never|nothing|nobody|none|neither|nor|without|hardly|cannot|can't|cant|won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|wasnt|aren't|arent|haven't|havent|hasn't|hasnt|shouldn't|wouldn't|couldn't)(?![\p{L}])/gu;
// "tell me if", "wondering if", "not sure if" introduce a real question, not a hypothetical.
const HYPOTHETICAL =
  /(?<![\p{L}])(?<!(?:tell me|tell us|wondering|wonder|know|ask|asking|see|check|checking|sure|unsure|confirm|advise)\s)(?:if|what if|imagine|in case|suppose|supposing|hypothetically|unless)(?![\p{L}])/gu;

/** Lower-case a text keeping every offset (characters whose lower case changes length stay). */
export function lowerSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    const mapped = l.length === ch.length ? l : ch;
    out += mapped === '’' || mapped === '‘' ? "'" : mapped === '“' || mapped === '”' ? '"' : mapped;
  }
  return out;
}

/** Prepare an item for the signals. Linear in the length of the text. */
export function prepare(item: InboundItem): PreparedItem {
  const text = item.text;
  const lower = lowerSameLength(text);
  const quoted: Range[] = [];
  for (const m of execAll(/"([^"\n]{1,500})"/g, lower))
    quoted.push({ start: m.index + 1, end: m.index + m[0].length - 1 });
  return {
    item,
    text,
    lower,
    sentences: sentences(text),
    negated: scopes(lower, NEGATION, 60),
    hypothetical: scopes(lower, HYPOTHETICAL, 120),
    quoted,
    memo: new Map(),
  };
}
