/**
 * praise.promotion — argues against praise when the compliment is a promoter's hook: "Great
 * video! Check out my channel…", "We love your content 😍 DM us for a collab". Negative weight
 * when the item carries a call to action or self-promotion (the spam lists) (INB-6, INB-1).
 */
import { z } from 'zod';
import { isNegated } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';

export default defineSignal({
  meta: {
    id: 'praise.promotion',
    label: 'praise',
    description: 'A call to action or self-promotion argues against praise',
    requirements: ['INB-6', 'INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const hook = new RegExp(phraseSource('spam-promotion', ['cta', 'scam'], ['check out my', 'check out our', 'my channel', 'collab', 'subscribe']), 'gu');
    return (p, report) => {
      for (const m of matchesIn(p, hook)) {
        if (isNegated(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: -1, note: 'Promotion, not praise' });
        return;
      }
    };
  },
});
