/**
 * spam.promotion — selling or self-promotion ("check out my new mixtape", "we'd like to collab",
 * "discount code", "crypto", "cheap", 🚀💰). Supporting evidence: it makes spam with a call to
 * action or a suspicious link; alone it may be a user talking about spam ("delete the crypto
 * ones") (INB-1).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { negatedAt } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';

export default defineSignal({
  meta: {
    id: 'spam.promotion',
    label: 'spam',
    description: 'Selling or self-promotion wording',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const promo = phraseIndex('spam-promotion', ['promo']);
    return (p, report) => {
      for (const m of hitsOf(p, promo)) {
        if (negatedAt(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m.text.length,
          weight: 0.5,
          note: `Promotion: "${m.text}"`,
        });
        return;
      }
    };
  },
});
