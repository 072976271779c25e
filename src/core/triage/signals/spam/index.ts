/** Signals for the `spam` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './spam.model.js';
import callToAction from './spam.call_to_action.js';
import promotion from './spam.promotion.js';
import reportedScam from './spam.reported_scam.js';
import scam from './spam.scam.js';
import suspiciousLink from './spam.suspicious_link.js';

export const signals: readonly Signal[] = [
  scam,
  promotion,
  callToAction,
  suspiciousLink,
  reportedScam,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
