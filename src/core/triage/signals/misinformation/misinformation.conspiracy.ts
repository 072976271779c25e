/**
 * misinformation.conspiracy — the vocabulary of health conspiracy theories: "microchip",
 * "plandemic", "depopulation", "clot shot", "organ harvesting" (enough alone), and the rhetoric that
 * goes with them — "wake up", "big pharma", "covering it up", "do your own research", "look it
 * up", "share before they delete this" (supporting) (INB-17).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
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
    const strong = phraseIndex(LIST, ['conspiracy']);
    const hint = phraseIndex(LIST, ['conspiracy-hint']);
    return (p, report) => {
      for (const m of hitsOf(p, strong)) {
        if (!isAsserted(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m.text.length,
          weight: 1,
          note: `Conspiracy vocabulary: "${m.text}"`,
        });
        return;
      }
      for (const m of hitsOf(p, hint)) {
        if (!isAsserted(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m.text.length,
          weight: 0.5,
          note: `Conspiracy rhetoric: "${m.text}"`,
        });
        return;
      }
    };
  },
});
