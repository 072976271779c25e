/**
 * What the praise signals share: whether a positive phrase is meant (not sarcastic, negated,
 * hypothetical, quoted or asked about) and whether the item is a request whose "thanks" is mere
 * politeness ("could you tell me…? Thanks").
 */
import { type PreparedItem } from '../../prepare.js';
import { isSarcastic } from '../../sentiment.js';
import {
  hypotheticalAt,
  isNegatedNear,
  isQuestionSentence,
  quotedAt,
  sentenceIndexAt,
  singleQuotedAt,
} from '../../text/desk-cues.js';

// A request in the sentence: "please", "can you", "could someone", "I'd like".
const REQUEST =
  /(?<![\p{L}])(?:please|pls|plz|can\s+(?:you|u|someone|anyone|i)|could\s+(?:you|u|someone|anyone|i)|would\s+(?:you|u)|i'?d\s+like|i\s+would\s+like|do\s+you\s+know|let\s+me\s+know)(?![\p{L}])/u;

// Nostalgia is criticism of the present: "it used to be something to be proud of".
const USED_TO = /(?<![\p{L}])used\s+to(?![\p{L}])[^.!?\n]{0,60}$/u;

/** Is the positive phrase at `at` meant: not sarcastic, negated, hypothetical, quoted or nostalgic? */
export function isMeant(p: PreparedItem, at: number): boolean {
  if (
    isSarcastic(p, at) ||
    isNegatedNear(p, at, 20) ||
    hypotheticalAt(p, at) ||
    quotedAt(p, at) ||
    singleQuotedAt(p, at)
  )
    return false;
  return !USED_TO.test(p.lower.slice(Math.max(0, at - 70), at));
}

/** Is the sentence containing `at` a question? */
export function inQuestion(p: PreparedItem, at: number): boolean {
  const s = p.sentences[sentenceIndexAt(p, at)];
  return s !== undefined && isQuestionSentence(p, s);
}

/** Is the sentence containing `at` a request ("please send…", "can you…")? */
export function inRequest(p: PreparedItem, at: number): boolean {
  const s = p.sentences[sentenceIndexAt(p, at)];
  return s !== undefined && REQUEST.test(p.lower.slice(s.start, s.end));
}

/** Does any sentence of the item ask a question or make a request? */
export function asksSomething(p: PreparedItem): boolean {
  return p.sentences.some(
    (s) => isQuestionSentence(p, s) || REQUEST.test(p.lower.slice(s.start, s.end)),
  );
}
