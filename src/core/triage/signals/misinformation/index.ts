/** Signals for the `misinformation` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './misinformation.model.js';
import conspiracy from './misinformation.conspiracy.js';
import drasticClaim from './misinformation.drastic_claim.js';
import falseHealthClaim from './misinformation.false_health_claim.js';
import hearsay from './misinformation.hearsay.js';

export const signals: readonly Signal[] = [
  falseHealthClaim,
  conspiracy,
  hearsay,
  drasticClaim,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
