/**
 * What the misinformation signals share: whether a claim is asserted (not asked, denied, imagined
 * or quoted) — "is the A&E closing?" and "the hospital is NOT closing" are not rumours.
 */
import { type PreparedItem } from '../../prepare.js';
import {
  hypotheticalAt,
  isQuestionSentence,
  negatedAt,
  quotedAt,
  sentenceIndexAt,
} from '../../text/desk-cues.js';

/** Is the claim at `at` asserted as fact by the author? */
export function isAsserted(p: PreparedItem, at: number): boolean {
  if (negatedAt(p, at) || hypotheticalAt(p, at) || quotedAt(p, at)) return false;
  const s = p.sentences[sentenceIndexAt(p, at)];
  return !(s && isQuestionSentence(p, s));
}
