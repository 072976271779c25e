/**
 * media_enquiry.model — the statistical triage model's evidence for `media_enquiry`: a one-vs-rest logistic
 * regression over words and word pairs (../../model/), trained on data/triage-training. It reports
 * the words that raised the score most, so the label can still be explained. Thresholds and any
 * guard: ../../model/specs.ts.
 */
import { modelSignal } from '../../model/signal.js';
import { MODEL_SIGNALS } from '../../model/specs.js';

export default modelSignal('media_enquiry', MODEL_SIGNALS.media_enquiry!);
