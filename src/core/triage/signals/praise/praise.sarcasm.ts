/**
 * praise.sarcasm — argues against praise when the item's positive words are sarcastic ("Great job
 * everyone, really great, losing my mum's hearing aids… Stellar work 👏👏", "thanks so much 😒").
 * Negative weight: it cancels stray praise the other praise signals might still find (INB-6).
 */
import { z } from 'zod';
import { ironicApproval } from '../../text/feedback-irony.js';
import { defineSignal } from '../../signal.js';
import { toneOf } from '../../sentiment.js';

export default defineSignal({
  meta: {
    id: 'praise.sarcasm',
    label: 'praise',
    description: 'Sarcasm in a negative item argues against praise',
    requirements: ['INB-6'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      const tone = toneOf(p);
      const first = tone.sarcasm[0];
      if (first && tone.score < 0)
        report({ start: first.start, end: first.end, weight: -1, note: 'Sarcastic, not praise' });
      else {
        const irony = ironicApproval(p);
        if (irony) report({ ...irony, weight: -1, note: 'Approval next to a grievance: ironic' });
      }
    };
  },
});
