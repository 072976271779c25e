/**
 * foi_request.document_request — asks for a record the organisation keeps: minutes, board papers,
 * a policy, a contract, a risk register, correspondence, a business case ("please publish the
 * minutes…", "could you send me a copy of your chaperone policy"). Someone's own records ("a copy
 * of my x-ray report") are a service question, not FOI (INB-7).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { matchesIn, negatedAt, sentenceIndexAt } from '../../text/desk-cues.js';
import { hitsOf } from '../../text/phrase-index.js';
import { foiCues, isPersonalRecord } from './cues.js';

export default defineSignal({
  meta: {
    id: 'foi_request.document_request',
    label: 'foi_request',
    description:
      'Asks for a document or record the organisation holds (minutes, policy, contract, register, correspondence)',
    requirements: ['INB-7'],
  },
  options: z.object({}).strict(),
  create() {
    const cues = foiCues();
    // "Does the ICB keep data on…", "do you hold any records of…": whether information is held.
    const holds =
      /(?<![\p{L}])(?:do|does|did)\s+(?:you|the\s+[\p{L}]+|your\s+[\p{L}]+)\s+(?:hold|keep|record|collect|have|publish)\s+(?:any\s+)?(?:data|records|information|figures|statistics|stats|details)\s+(?:on|about|of|for|showing|regarding)(?![\p{L}])/gu;
    return (p, report) => {
      for (const m of matchesIn(p, holds)) {
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: 1,
          note: 'Asks whether recorded information is held',
        });
        return;
      }
      const docs = hitsOf(p, cues.document);
      if (docs.length === 0) return;
      const asks = matchesIn(p, cues.ask);
      if (asks.length === 0) return;
      const askBySentence = new Map<number, RegExpMatchArray>();
      for (const a of asks) {
        const s = sentenceIndexAt(p, a.index!);
        if (!askBySentence.has(s)) askBySentence.set(s, a);
      }
      for (const d of docs) {
        const at = d.index;
        if (negatedAt(p, at) || isPersonalRecord(p, at)) continue;
        const ask = askBySentence.get(sentenceIndexAt(p, at));
        if (!ask) continue;
        const start = Math.min(ask.index!, at);
        const end = Math.max(ask.index! + ask[0].length, d.end);
        report({ start, end, weight: 1, note: `Asks for recorded information: "${d.text}"` });
      }
    };
  },
});
