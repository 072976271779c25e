/**
 * foi_request.aggregate_scope — a request or question about figures that sets a period or a
 * breakdown ("each year since 2019", "in 2023/24, broken down by month", "at each site"): the mark
 * of a question only the organisation's records can answer. Counted in the sentence that asks, or
 * anywhere for a breakdown ("…? Breakdown by specialty would be great"). Supporting evidence (INB-7).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn, sentenceIndexAt } from '../../text/desk-cues.js';
import { foiCues, scopesIn } from './cues.js';

export default defineSignal({
  meta: {
    id: 'foi_request.aggregate_scope',
    label: 'foi_request',
    description: 'A period or breakdown in a sentence that asks for information',
    requirements: ['INB-7'],
  },
  options: z.object({}).strict(),
  create() {
    const cues = foiCues();
    return (p, report) => {
      const scopes = scopesIn(p);
      if (scopes.length === 0) return;
      const askSentences = new Set<number>();
      for (const a of matchesIn(p, cues.ask)) askSentences.add(sentenceIndexAt(p, a.index!));
      if (askSentences.size === 0) return;
      // The period is usually in the question; a breakdown may follow it ("…? Breakdown by specialty please").
      for (const s of scopes) {
        const here = askSentences.has(sentenceIndexAt(p, s.index));
        if (!here && !/^(?:broken|break|breakdown|by|each|per|at)/.test(s.text)) continue;
        report({
          start: s.index,
          end: s.end,
          weight: 0.5,
          note: `Period or breakdown of figures: "${s.text.trim()}"`,
        });
        return;
      }
    };
  },
});
