/** Signals for the `medical_question` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './medical_question.model.js';
import adviceRequest from './medical_question.advice_request.js';
import clinicalQuestion from './medical_question.clinical_question.js';

export const signals: readonly Signal[] = [
  clinicalQuestion,
  adviceRequest,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
