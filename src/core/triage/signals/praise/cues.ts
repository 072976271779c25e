/**
 * What the praise signals share: whether a positive phrase is meant (not sarcastic, negated,
 * hypothetical, quoted or asked about) and whether the item is a request whose "thanks" is mere
 * politeness ("could you tell me…? Thanks").
 */
import { isHypothetical, isQuoted, type PreparedItem } from '../../prepare.js';
import { isSarcastic } from '../../sentiment.js';
import { isNegatedNear, isQuestionSentence, sentenceIndexAt } from '../../text/desk-cues.js';

// A request in the sentence: "please", "can you", "could someone", "I'd like".
const REQUEST = /(?<![\p{L}])(?:please|pls|plz|can\s+(?:you|u|someone|anyone|i)|could\s+(?:you|u|someone|anyone|i)|would\s+(?:you|u)|i'?d\s+like|i\s+would\s+like|do\s+you\s+know|let\s+me\s+know)(?![\p{L}])/u;

/** Is the positive phrase at `at` meant: not sarcastic, negated, hypothetical or quoted? */
export function isMeant(p: PreparedItem, at: number): boolean {
  return !isSarcastic(p, at) && !isNegatedNear(p, at, 20) && !isHypothetical(p, at) && !isQuoted(p, at);
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
  return p.sentences.some((s) => isQuestionSentence(p, s) || REQUEST.test(p.lower.slice(s.start, s.end)));
}
