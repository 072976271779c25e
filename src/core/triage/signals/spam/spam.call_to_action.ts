/**
 * spam.call_to_action — a call to act elsewhere: "DM me", "link in bio", "message me on
 * whatsapp", "click to watch 👉", "contact now on telegram". Supporting evidence (INB-1).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { negatedAt, quotedAt } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';

export default defineSignal({
  meta: {
    id: 'spam.call_to_action',
    label: 'spam',
    description: 'A call to message, click or follow elsewhere',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const cta = phraseIndex('spam-promotion', ['cta']);
    return (p, report) => {
      for (const m of hitsOf(p, cta)) {
        if (negatedAt(p, m.index!) || quotedAt(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m.text.length,
          weight: 0.5,
          note: `Call to action: "${m.text}"`,
        });
        return;
      }
    };
  },
});
