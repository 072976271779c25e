/** Signals for the `complaint` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './complaint.model.js';
import actionRequest from './complaint.action_request.js';
import careFailure from './complaint.care_failure.js';
import explicit from './complaint.explicit.js';
import specificCriticism from './complaint.specific_criticism.js';

export const signals: readonly Signal[] = [
  explicit,
  careFailure,
  specificCriticism,
  actionRequest,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
