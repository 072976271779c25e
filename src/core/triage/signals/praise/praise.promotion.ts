/**
 * praise.promotion — argues against praise when the compliment is a promoter's hook: "Great
 * video! Check out my channel…", "We love your content 😍 DM us for a collab". Negative weight
 * when the item carries a call to action or self-promotion (the spam lists) (INB-6, INB-1).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { negatedAt } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';

export default defineSignal({
  meta: {
    id: 'praise.promotion',
    label: 'praise',
    description: 'A call to action or self-promotion argues against praise',
    requirements: ['INB-6', 'INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const extra = ['check out my', 'check out our', 'my channel', 'collab', 'subscribe'].map(
      (phrase) => ({ phrase, kind: 'promo' }),
    );
    const hook = phraseIndex('spam-promotion', ['cta', 'scam'], extra);
    return (p, report) => {
      for (const m of hitsOf(p, hook)) {
        if (negatedAt(p, m.index!)) continue;
        report({ start: m.start, end: m.end, weight: -1, note: 'Promotion, not praise' });
        return;
      }
    };
  },
});
