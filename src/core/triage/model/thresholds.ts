/**
 * Where the model's score becomes evidence, per label (see docs/decisions/0006-triage-model.md for
 * how these were chosen). Labels not listed get no model signal: their hand-written signals
 * generalise well enough, or the model was not better than them on unseen text.
 */
import type { Label } from '../labels.js';
import type { ModelThresholds } from './signal.js';

/** Thresholds of each label's model signal. */
export const MODEL_THRESHOLDS: Readonly<Partial<Record<Label, ModelThresholds>>> = {
  patient_safety: { strong: 0.8, weak: 0.5 },
  complaint: { strong: 0.8, weak: 0.5 },
  medical_question: { strong: 0.8, weak: 0.5 },
  media_enquiry: { strong: 0.8, weak: 0.5 },
  foi_request: { strong: 0.8, weak: 0.5 },
};
