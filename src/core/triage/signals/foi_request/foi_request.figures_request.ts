/**
 * foi_request.figures_request — asks for figures the organisation records: an aggregate
 * ("what percentage of your beds…", "what was the total…") or a sum spent or paid ("how much did
 * the trust spend…", "how much has been paid to…"), each enough alone; a count ("how many
 * incidents…") or a request naming figures ("I'd like the number of complaints…"), which need
 * support such as a period or breakdown (INB-7).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { matchesIn, negatedAt, sentenceIndexAt } from '../../text/desk-cues.js';
import { hitsOf } from '../../text/phrase-index.js';
import { foiCues, isPersonalRecord } from './cues.js';

export default defineSignal({
  meta: {
    id: 'foi_request.figures_request',
    label: 'foi_request',
    description: 'Asks for aggregate figures, counts or sums the organisation records',
    requirements: ['INB-7'],
  },
  options: z.object({}).strict(),
  create() {
    const cues = foiCues();
    return (p, report) => {
      for (const m of matchesIn(p, cues.aggregateQuestion)) {
        if (negatedAt(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: 1,
          note: 'Asks for an aggregate figure',
        });
        return;
      }
      for (const m of matchesIn(p, cues.countQuestion)) {
        if (negatedAt(p, m.index!)) continue;
        const end = m.index! + m[0].length;
        if (m[0].startsWith('how much')) {
          report({ start: m.index!, end, weight: 1, note: 'Asks how much was spent or paid' });
          return;
        }
        // Carry the evidence to the end of the word counted ("how many nurses").
        const word = /^[\p{L}-]*/u.exec(p.lower.slice(end))![0];
        report({ start: m.index!, end: end + word.length, weight: 0.5, note: 'Asks for a count' });
        return;
      }
      const figures = hitsOf(p, cues.figure);
      if (figures.length === 0) return;
      const askSentences = new Map<number, RegExpMatchArray>();
      for (const a of matchesIn(p, cues.ask)) {
        const s = sentenceIndexAt(p, a.index!);
        if (!askSentences.has(s)) askSentences.set(s, a);
      }
      for (const f of figures) {
        const at = f.index;
        if (negatedAt(p, at) || isPersonalRecord(p, at)) continue;
        const ask = askSentences.get(sentenceIndexAt(p, at));
        if (!ask) continue;
        const start = Math.min(ask.index!, at);
        report({
          start,
          end: Math.max(ask.index! + ask[0].length, f.end),
          weight: 0.5,
          note: `Asks for figures: "${f.text}"`,
        });
        return;
      }
    };
  },
});
