/**
 * The model signals, one per label listed here: where the model's score becomes evidence, what the
 * signal is for, and any structural guard (see docs/decisions/0006-triage-model.md for how the
 * thresholds were chosen). Labels not listed get no model signal: their hand-written signals
 * (abuse, legal matters, personal data) rest on patterns a word model cannot check.
 */
import type { Label } from '../labels.js';
import { episodeOver } from '../text/risk-context.js';
import type { ModelSignalSpec } from './signal.js';

/** Every model signal's spec, by label. */
export const MODEL_SIGNALS: Readonly<Partial<Record<Label, ModelSignalSpec>>> = {
  praise: {
    strong: 0.8,
    weak: 0.5,
    description:
      'Thanks, compliments or a good experience, in wordings the lexicons do not list (statistical model)',
    requirements: ['INB-6', 'INB-17'],
  },
  negative_feedback: {
    strong: 0.8,
    weak: 0.5,
    description:
      'General criticism or unhappiness without a case to investigate (statistical model)',
    requirements: ['INB-6'],
  },
  complaint: {
    strong: 0.7,
    weak: 0.5,
    description:
      'A specific grievance someone could investigate, worded without the usual complaint words (statistical model)',
    requirements: ['INB-8'],
  },
  patient_safety: {
    strong: 0.55,
    weak: 0.45,
    description:
      'An immediate risk to someone in care, in wordings the hand-written signals do not know (statistical model)',
    requirements: ['INB-6', 'INB-4'],
    // The words of a report read the same whether it is happening now or was years ago; labels.md's
    // patient_safety is a risk *now*, so an item that tells of an episode that is over is left to
    // the complaint signals.
    guard: (p) => (episodeOver(p) ? 'the episode is over' : undefined),
  },
  foi_request: {
    strong: 0.7,
    weak: 0.4,
    description:
      'Asks for recorded organisational information (figures, spend, contracts, minutes) in any wording (statistical model)',
    requirements: ['INB-7'],
  },
  media_enquiry: {
    strong: 0.7,
    weak: 0.4,
    description:
      'A journalist, producer or outlet asking for comment, interview or information, whether or not they say so (statistical model)',
    requirements: ['INB-15'],
  },
  medical_question: {
    strong: 0.7,
    weak: 0.5,
    description:
      'Asks for clinical advice about symptoms, treatment or medication (statistical model)',
    requirements: ['INB-10'],
  },
  service_question: {
    strong: 0.9,
    weak: 0.6,
    description:
      'A practical question about services: hours, where to go, how to book (statistical model)',
    requirements: ['INB-1'],
  },
  misinformation: {
    strong: 0.85,
    weak: 0.4,
    description:
      'Asserts a false or misleading claim about the organisation or public health (statistical model)',
    requirements: ['INB-17'],
  },
  spam: {
    strong: 0.8,
    weak: 0.5,
    description: 'Promotion, scams, bots and irrelevant links (statistical model)',
    requirements: ['INB-1'],
  },
};
