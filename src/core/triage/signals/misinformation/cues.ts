/**
 * What the misinformation signals share: whether a claim is asserted (not asked, denied, imagined
 * or quoted) — "is the A&E closing?" and "the hospital is NOT closing" are not rumours.
 */
import { isHypothetical, isNegated, isQuoted, type PreparedItem } from '../../prepare.js';
import { isQuestionSentence, sentenceIndexAt } from '../../text/desk-cues.js';

/** Is the claim at `at` asserted as fact by the author? */
export function isAsserted(p: PreparedItem, at: number): boolean {
  if (isNegated(p, at) || isHypothetical(p, at) || isQuoted(p, at)) return false;
  const s = p.sentences[sentenceIndexAt(p, at)];
  return !(s && isQuestionSentence(p, s));
}
