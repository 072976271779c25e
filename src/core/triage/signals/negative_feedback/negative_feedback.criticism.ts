/**
 * negative_feedback.criticism — a verdict on the service or the organisation ("pathetic", "an
 * absolute joke", "daylight robbery", "couldn't care less", "gone right downhill", "spare us the
 * spin"). Enough on its own; when the item also describes a specific case the complaint label
 * takes over (the engine drops negative_feedback under complaint) (INB-6). Criticism inside a
 * thank-you ("after years of being fobbed off elsewhere") is background to praise, not feedback.
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { hypotheticalAt, isNegatedNear, quotedAt, sentenceIndexAt } from '../../text/desk-cues.js';

const THANKS = /(?<![\p{L}])(?:thank|thanks|grateful|shout\s+out|hats\s+off)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'negative_feedback.criticism',
    label: 'negative_feedback',
    description: 'A critical verdict on a service or the organisation',
    requirements: ['INB-6'],
  },
  options: z.object({}).strict(),
  create() {
    const criticism = phraseIndex('negative_feedback-criticism', ['criticism']);
    return (p, report) => {
      for (const m of hitsOf(p, criticism)) {
        const at = m.index!;
        if (isNegatedNear(p, at, 20) || hypotheticalAt(p, at) || quotedAt(p, at)) continue;
        const s = p.sentences[sentenceIndexAt(p, at)];
        if (s && THANKS.test(p.lower.slice(s.start, at))) continue;
        // "Shocking if true": a verdict on a rumour, not on the service.
        if (
          /^[\s,.!]*if\s+(?:true|that's\s+true|so|it's\s+true)(?![\p{L}])/u.test(
            p.lower.slice(m.end, m.end + 20),
          )
        )
          continue;
        report({ start: at, end: at + m.text.length, weight: 1, note: `Criticism: "${m.text}"` });
        return;
      }
    };
  },
});
