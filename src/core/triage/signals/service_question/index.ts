/** Signals for the `service_question` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './service_question.model.js';
import ownRecords from './service_question.own_records.js';
import practicalQuestion from './service_question.practical_question.js';
import whoToContact from './service_question.who_to_contact.js';

export const signals: readonly Signal[] = [
  practicalQuestion,
  ownRecords,
  whoToContact,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
