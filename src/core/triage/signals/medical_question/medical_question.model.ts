/**
 * medical_question.model — the statistical triage model's evidence for `medical_question`: a one-vs-rest logistic
 * regression over words and word pairs (../../model/), trained on data/triage-training. It reports
 * the words that raised the score most, so the label can still be explained. Thresholds and any
 * guard: ../../model/specs.ts.
 */
import { modelSignal } from '../../model/signal.js';
import { MODEL_SIGNALS } from '../../model/specs.js';

export default modelSignal('medical_question', MODEL_SIGNALS.medical_question!);
