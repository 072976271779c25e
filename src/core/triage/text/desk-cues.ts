/**
 * Small shared helpers for the triage signals of the comms-desk labels (praise, feedback,
 * complaints, FOI, media, service questions, misinformation, spam): turning the YAML phrase lists
 * into regular-expression pieces, reading the kind of a matched phrase, and telling whether a
 * place in the text is asserted plainly or sits in a negation, hypothetical or quotation.
 */
import { insideSorted } from '../../text/ranges.js';
import { compilePhrases } from '../../text/phrases.js';
import type { Sentence } from '../../text/sentences.js';
import { triagePhrases } from '../phrases/index.js';
import {
  ItemCache,
  isHypothetical,
  isNegated,
  isQuoted,
  type PreparedItem,
  type Range,
} from '../prepare.js';
import { GatedPattern } from './phrase-index.js';
import { execAll } from '../../text/exec-all.js';

/** The phrases of a triage list, optionally only the entries of some kinds. */
export function listPhrases(list: string, kinds?: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of triagePhrases(list).entries) {
    if (!kinds || kinds.includes(e.kind ?? '')) out.push(...e.phrases);
  }
  return out;
}

/**
 * A regular-expression source matching any phrase of a list (whole words, any spacing, longest
 * first), to embed in a larger pattern. Matches nothing when the list has no such phrases.
 */
export function phraseSource(
  list: string,
  kinds?: readonly string[],
  extra: readonly string[] = [],
): string {
  const re = compilePhrases([...listPhrases(list, kinds), ...extra]);
  return re ? re.source : '(?!)';
}

/** Is the offset in a negation scope? (prepare's `isNegated`.) */
export function negatedAt(p: PreparedItem, at: number): boolean {
  return isNegated(p, at);
}

/** Is the offset in a hypothetical clause? (prepare's `isHypothetical`.) */
export function hypotheticalAt(p: PreparedItem, at: number): boolean {
  return isHypothetical(p, at);
}

/** Is the offset inside quotation marks? (prepare's `isQuoted`.) */
export function quotedAt(p: PreparedItem, at: number): boolean {
  return isQuoted(p, at);
}

// 'Single quotes' around a phrase (not apostrophes inside words): "all these 'thank you NHS' posts".
const SINGLE_QUOTED = /(?<![\p{L}\p{N}'])'([^'\n]{1,80})'(?![\p{L}\p{N}])/gu;
const singleQuoteCache = new ItemCache<Range[]>();

/** Is the offset inside single quotation marks (someone else's words, a slogan, a sneer)? */
export function singleQuotedAt(p: PreparedItem, at: number): boolean {
  let ranges = singleQuoteCache.get(p);
  if (!ranges) {
    ranges = [];
    if (p.lower.includes("'"))
      for (const m of execAll(SINGLE_QUOTED, p.lower))
        ranges.push({ start: m.index + 1, end: m.index + m[0].length - 1 });
    singleQuoteCache.set(p, ranges);
  }
  return insideSorted(ranges, at, 82);
}

// "Nothing says X like Y" praises nothing and negates nothing: it is irony about Y.
const SAYS_IRONY = /^nothing\s+says/;

/**
 * Is the offset negated by a negation at most `maxDistance` characters before it? Closer than the
 * clause-long scope of `isNegated`, for idioms such as "nothing says 'we care' like cancelling".
 */
export function isNegatedNear(p: PreparedItem, at: number, maxDistance: number): boolean {
  // prepare.ts merges negation scopes, so the negators themselves are found here (once per item).
  const negators = matchesIn(p, NEGATOR);
  let lo = 0;
  let hi = negators.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (negators[mid]!.index! + negators[mid]![0].length <= at) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0; i--) {
    const m = negators[i]!;
    const end = m.index! + m[0].length;
    if (at - end > maxDistance) break;
    if (CLAUSE_BREAK.test(p.lower.slice(end, at))) continue;
    if (SAYS_IRONY.test(p.lower.slice(m.index!, end + 6))) continue;
    return true;
  }
  return false;
}

// The negators and clause ends of prepare.ts.
const NEGATOR =
  /(?<![\p{L}])(?:not|no|never|nothing|nobody|none|neither|nor|without|hardly|cannot|can't|cant|won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|wasnt|aren't|arent|haven't|havent|hasn't|hasnt|shouldn't|wouldn't|couldn't)(?![\p{L}])/gu;
const CLAUSE_BREAK = /[.!?;:,\n—–]|\s(?:but|however|although|though|yet)\s/;

// A question without a question mark usually opens with an interrogative or an inverted verb,
// after an optional greeting ("hi", "quick question").
const OPENER =
  /^(?:(?:hi+|hiya|hello|hey|morning|evening|afternoon|ok|okay|so|also|and|sorry|please|pls|quick question|just wondering|excuse me)[\s,!.:-]{1,4}){0,3}(?:what(?!\s+an?\s)|wat|wot|whats|what's|when|whens|where|wheres|where's|which|who|whos|who's|how|hw|is|isnt|are|r|does|do|did|can|could|will|would|should|(?:has|have)(?!\s+to\s)|any ?(?:one|1|body|bdy) know|anyone|any1|anybody)(?![\p{L}])/u;
// Indirect questions anywhere in a sentence: "wondering whether", "do you know if".
const INDIRECT =
  /(?<![\p{L}])(?:wonder(?:ing)? (?:if|whether|what|when|where|how|who|which)|(?:do|does) (?:you|u|any ?one|any ?body) know|(?:can|could) (?:you|u|someone|anyone|somebody) (?:tell|let) (?:me|us)|(?:please|pls|plz) (?:advise|let (?:me|us) know)|need to know (?:if|whether|what|when|where|how)|not sure (?:if|whether|where|when|how|what))(?![\p{L}])/u;

const questionCache = new ItemCache<Map<number, boolean>>();

/** Does the sentence ask something (a question mark, an interrogative opener or an indirect question)? */
export function isQuestionSentence(p: PreparedItem, s: Sentence): boolean {
  let byStart = questionCache.get(p);
  if (!byStart) {
    byStart = new Map();
    questionCache.set(p, byStart);
  }
  let q = byStart.get(s.start);
  if (q === undefined) {
    const lower = p.lower.slice(s.start, s.end);
    q = s.text.includes('?') || OPENER.test(lower) || INDIRECT.test(lower);
    byStart.set(s.start, q);
  }
  return q;
}

/** The index of the sentence containing an offset, or -1. Binary search: sentences are ordered. */
export function sentenceIndexAt(p: PreparedItem, at: number): number {
  let lo = 0;
  let hi = p.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = p.sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const matchCache = new ItemCache<Map<RegExp, RegExpMatchArray[]>>();

/**
 * Every match of a compiled global pattern in the lower-cased text, optionally only those starting
 * in [from, to). Computed once per item and pattern: several signals share patterns.
 */
export function matchesIn(
  p: PreparedItem,
  re: RegExp | GatedPattern | null,
  from = 0,
  to = p.lower.length,
): RegExpMatchArray[] {
  if (!re) return [];
  if (re instanceof GatedPattern)
    return from === 0 && to >= p.lower.length ? re.matches(p) : re.matchesBetween(p, from, to);
  let byRe = matchCache.get(p);
  if (!byRe) {
    byRe = new Map();
    matchCache.set(p, byRe);
  }
  let all = byRe.get(re);
  if (!all) {
    re.lastIndex = 0;
    all = execAll(re, p.lower);
    byRe.set(re, all);
  }
  return from === 0 && to >= p.lower.length
    ? all
    : all.filter((m) => m.index! >= from && m.index! < to);
}
