/**
 * misinformation.drastic_claim — a drastic change to services stated as fact: closing, shutting,
 * "stopped doing", "refusing to treat", "now charging £20", "privatised", "selling patient data",
 * "sacking nurses", "compulsory", "giving free iPads to everyone". Supporting evidence: real
 * changes are announced too, so it needs hearsay or conspiracy rhetoric beside it. Questions and
 * denials ("is it closing?", "it is NOT closing") are not claims (INB-17).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn } from '../../text/desk-cues.js';
import { GatedPattern, hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { isAsserted } from './cues.js';

export default defineSignal({
  meta: {
    id: 'misinformation.drastic_claim',
    label: 'misinformation',
    description: 'A drastic change to services stated as fact',
    requirements: ['INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    // Selling or handing over people's records: "selling our medical records to American companies".
    const records = String.raw`(?<![\p{L}])(?:selling|sold|sell|sells|handing\s+over|handed\s+over|giving\s+away|passing\s+on)\s+(?:our|your|patient|patients'?|people's|everyone's|the)\s+(?:[\p{L}]+\s+)?(?:data|records|information|details|notes)(?![\p{L}])`;
    // The organisation said to be secretly or soon doing something: "the trust is being taken over",
    // "the new hospital has no ICU", "GPs are only seeing…".
    const orgDoing = String.raw`(?<![\p{L}])(?:the\s+)?(?:nhs|trust|new\s+hospital|hospital|icb|gps|gp\s+surgeries|surgeries|a&e|maternity\s+unit|birth\s+centre|walk[\s-]in\s+centre|government)(?:'s|'re|\s+(?:is|are|will\s+be|has|have))\s+(?:now\s+|secretly\s+|quietly\s+|only\s+|going\s+to\s+|being\s+|no\s+longer\s+|about\s+to\s+|planning\s+to\s+|getting\s+rid\s+of\s+|got\s+no\s+|no\s+)[\p{L}]`;
    const claim = phraseIndex('misinformation-claims', ['claim']);
    const patterns = new GatedPattern([
      {
        triggers: ['selling', 'sold', 'sell', 'sells', 'handing', 'handed', 'giving', 'passing'],
        source: records,
      },
      {
        triggers: [
          'nhs',
          'trust',
          'hospital',
          'icb',
          'gps',
          'surgeries',
          'a&e',
          'maternity',
          'birth',
          'walk-in',
          'walk',
          'government',
          "nhs's",
          "trust's",
          "hospital's",
          "icb's",
          "gps're",
          "hospital's",
        ],
        source: orgDoing,
      },
    ]);
    return (p, report) => {
      const regexHits = matchesIn(p, patterns).map((m) => ({
        index: m.index!,
        end: m.index! + m[0].length,
        text: m[0],
      }));
      for (const m of [...hitsOf(p, claim), ...regexHits]) {
        if (!isAsserted(p, m.index)) continue;
        report({ start: m.index, end: m.end, weight: 0.5, note: `Drastic claim: "${m.text}"` });
        return;
      }
    };
  },
});
