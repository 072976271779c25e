/**
 * spam.call_to_action — a call to act elsewhere: "DM me", "link in bio", "message me on
 * whatsapp", "click to watch 👉", "contact now on telegram". Supporting evidence (INB-1).
 */
import { z } from 'zod';
import { isNegated, isQuoted } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';

export default defineSignal({
  meta: {
    id: 'spam.call_to_action',
    label: 'spam',
    description: 'A call to message, click or follow elsewhere',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const cta = new RegExp(phraseSource('spam-promotion', ['cta']), 'gu');
    return (p, report) => {
      for (const m of matchesIn(p, cta)) {
        if (isNegated(p, m.index!) || isQuoted(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 0.5, note: `Call to action: "${m[0]}"` });
        return;
      }
    };
  },
});
