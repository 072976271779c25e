/**
 * negative_feedback.sarcasm — praise meant the other way ("Oh brilliant, another 'your call is
 * important to us' message", "Cold chips and grey peas, lovely 🤢", "Nice try with the 'we're
 * listening' campaign 🙄"), read by the sentiment analysis. Enough on its own (INB-6); the praise
 * signals ignore the same words.
 */
import { z } from 'zod';
import { ironicApproval } from '../../text/feedback-irony.js';
import { defineSignal } from '../../signal.js';
import { toneOf } from '../../sentiment.js';

export default defineSignal({
  meta: {
    id: 'negative_feedback.sarcasm',
    label: 'negative_feedback',
    description: 'Sarcastic praise or an explicit sarcasm marker',
    requirements: ['INB-6'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      const first = toneOf(p).sarcasm[0];
      if (first) {
        report({ start: first.start, end: first.end, weight: 1, note: 'Sarcasm' });
        return;
      }
      const irony = ironicApproval(p);
      if (irony) report({ ...irony, weight: 1, note: 'Approval next to a grievance: ironic' });
    };
  },
});
