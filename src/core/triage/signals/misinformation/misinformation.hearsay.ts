/**
 * misinformation.hearsay — passing on what others say: "apparently", "I heard", "everyone's
 * saying", "my neighbour works there and told me", "saw it in the local paper", "PSA:", "share so
 * people know". Supporting evidence: a rumour needs a claim beside it (INB-17).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { matchesIn, negatedAt } from '../../text/desk-cues.js';
import { GatedPattern, hitsOf, phraseIndex } from '../../text/phrase-index.js';

// A second-hand source: "my neighbour works there", "my friend's a receptionist", "my aunt got hers".
const SOURCE = new GatedPattern([
  {
    triggers: [
      'neighbour',
      'friend',
      'mate',
      'aunt',
      'auntie',
      'uncle',
      'cousin',
      'sister',
      'brother',
      'mum',
      'mam',
      'dad',
      'colleague',
      'pal',
      'nan',
      'sister-in-law',
      'brother-in-law',
      "neighbour's",
      "friend's",
      "mate's",
      "aunt's",
      "auntie's",
      "uncle's",
      "cousin's",
      "sister's",
      "brother's",
      "mum's",
      "mam's",
      "dad's",
      "colleague's",
      "pal's",
      "nan's",
      "sister-in-law's",
      "brother-in-law's",
    ],
    source: String.raw`(?<![\p{L}])(?:my|a)\s+(?:neighbour|friend|mate|aunt|auntie|uncle|cousin|sister|brother|mum|mam|dad|colleague|pal|nan|sister-in-law|brother-in-law)(?:'s|\s+(?:works|worked|said|says|told|heard|got|is\s+a|is\s+an|who\s+works))(?![\p{L}])`,
  },
]);

export default defineSignal({
  meta: {
    id: 'misinformation.hearsay',
    label: 'misinformation',
    description: 'Passes on a rumour or second-hand claim',
    requirements: ['INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    // "Share!!!", "share this everywhere": a call to spread a claim.
    const hearsay = phraseIndex('misinformation-claims', ['hearsay']);
    const share = new GatedPattern([
      {
        triggers: ['share'],
        source: String.raw`(?<![\p{L}])share(?:\s+(?:this|it|widely|everywhere|now))?\s*!+`,
      },
    ]);
    return (p, report) => {
      // "Heard the hospital's making people pay…": a sentence opening on "heard".
      for (const s of p.sentences) {
        const m = /^(?:[\s\p{P}]*(?:just|i've|ive|i|we|have)\s+)?heard(?![\p{L}])/u.exec(
          p.lower.slice(s.start, s.end),
        );
        if (m) {
          report({
            start: s.start,
            end: s.start + m[0].length,
            weight: 0.5,
            note: 'Second-hand claim: "heard"',
          });
          return;
        }
      }
      const regexHits = [...matchesIn(p, share), ...matchesIn(p, SOURCE)].map((m) => ({
        index: m.index!,
        end: m.index! + m[0].length,
        text: m[0],
      }));
      for (const m of [...hitsOf(p, hearsay), ...regexHits]) {
        if (negatedAt(p, m.index)) continue;
        report({ start: m.index, end: m.end, weight: 0.5, note: `Second-hand claim: "${m.text}"` });
        return;
      }
    };
  },
});
