/** Signals for the `foi_request` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './foi_request.model.js';
import aggregateScope from './foi_request.aggregate_scope.js';
import documentRequest from './foi_request.document_request.js';
import explicit from './foi_request.explicit.js';
import figuresRequest from './foi_request.figures_request.js';

export const signals: readonly Signal[] = [
  explicit,
  documentRequest,
  figuresRequest,
  aggregateScope,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
