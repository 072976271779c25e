/** Signals for the `negative_feedback` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './negative_feedback.model.js';
import criticism from './negative_feedback.criticism.js';
import frustration from './negative_feedback.frustration.js';
import sarcasm from './negative_feedback.sarcasm.js';

export const signals: readonly Signal[] = [
  criticism,
  frustration,
  sarcasm,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
