/**
 * misinformation.conspiracy — the vocabulary of health conspiracy theories: "microchip",
 * "plandemic", "depopulation", "clot shot", "organ harvesting" (enough alone), and the rhetoric that
 * goes with them — "wake up", "big pharma", "covering it up", "do your own research", "look it
 * up", "share before they delete this" (supporting) (INB-17).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';
import { isAsserted } from './cues.js';

const LIST = 'misinformation-claims';

export default defineSignal({
  meta: {
    id: 'misinformation.conspiracy',
    label: 'misinformation',
    description: 'Conspiracy-theory vocabulary and rhetoric',
    requirements: ['INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    const strong = new RegExp(phraseSource(LIST, ['conspiracy']), 'gu');
    const hint = new RegExp(phraseSource(LIST, ['conspiracy-hint']), 'gu');
    return (p, report) => {
      for (const m of matchesIn(p, strong)) {
        if (!isAsserted(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 1, note: `Conspiracy vocabulary: "${m[0]}"` });
        return;
      }
      for (const m of matchesIn(p, hint)) {
        if (!isAsserted(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 0.5, note: `Conspiracy rhetoric: "${m[0]}"` });
        return;
      }
    };
  },
});
