/**
 * misinformation.hearsay — passing on what others say: "apparently", "I heard", "everyone's
 * saying", "my neighbour works there and told me", "saw it in the local paper", "PSA:", "share so
 * people know". Supporting evidence: a rumour needs a claim beside it (INB-17).
 */
import { z } from 'zod';
import { isNegated } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';

// A second-hand source: "my neighbour works there", "my friend's a receptionist", "my aunt got hers".
const SOURCE =
  /(?<![\p{L}])(?:my|a)\s+(?:neighbour|friend|mate|aunt|auntie|uncle|cousin|sister|brother|mum|mam|dad|colleague|pal|nan|sister-in-law|brother-in-law)(?:'s|\s+(?:works|worked|said|says|told|heard|got|is\s+a|is\s+an|who\s+works))(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'misinformation.hearsay',
    label: 'misinformation',
    description: 'Passes on a rumour or second-hand claim',
    requirements: ['INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    const hearsay = new RegExp(phraseSource('misinformation-claims', ['hearsay']), 'gu');
    return (p, report) => {
      for (const re of [hearsay, SOURCE]) {
        for (const m of matchesIn(p, re)) {
          if (isNegated(p, m.index!)) continue;
          report({ start: m.index!, end: m.index! + m[0].length, weight: 0.5, note: `Second-hand claim: "${m[0]}"` });
          return;
        }
      }
    };
  },
});
