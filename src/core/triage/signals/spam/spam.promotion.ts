/**
 * spam.promotion — selling or self-promotion ("check out my new mixtape", "we'd like to collab",
 * "discount code", "crypto", "cheap", 🚀💰). Supporting evidence: it makes spam with a call to
 * action or a suspicious link; alone it may be a user talking about spam ("delete the crypto
 * ones") (INB-1).
 */
import { z } from 'zod';
import { isNegated } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';

export default defineSignal({
  meta: {
    id: 'spam.promotion',
    label: 'spam',
    description: 'Selling or self-promotion wording',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const promo = new RegExp(phraseSource('spam-promotion', ['promo']), 'gu');
    return (p, report) => {
      for (const m of matchesIn(p, promo)) {
        if (isNegated(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 0.5, note: `Promotion: "${m[0]}"` });
        return;
      }
    };
  },
});
