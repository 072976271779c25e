/**
 * media_enquiry.story_in_progress — a story, piece, feature, programme or broadcast being made
 * ("we're running a story tomorrow", "I'm writing a piece for…", "we've had a tip-off", "for
 * broadcast"). Supporting evidence for a media enquiry from someone who never says "journalist"
 * (INB-15).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { matchesIn, negatedAt } from '../../text/desk-cues.js';
import { GatedPattern, hitsOf } from '../../text/phrase-index.js';
import { mediaCues } from './cues.js';

export default defineSignal({
  meta: {
    id: 'media_enquiry.story_in_progress',
    label: 'media_enquiry',
    description: 'A story, piece, programme or broadcast in progress',
    requirements: ['INB-15'],
  },
  options: z.object({}).strict(),
  create() {
    const { story } = mediaCues();
    // "we're making a TV programme about…", "filming a series on…".
    const making = new GatedPattern([
      {
        triggers: [
          'making',
          'filming',
          'producing',
          'recording',
          'shooting',
          'putting',
          'researching',
        ],
        source: String.raw`(?<![\p{L}])(?:making|filming|producing|recording|shooting|putting\s+together|researching)\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:programme|program|documentary|series|episode|film|podcast|feature|report|segment|show|item|article|piece)(?![\p{L}])`,
      },
    ]);
    return (p, report) => {
      const madeNow = matchesIn(p, making).map((m) => ({
        index: m.index!,
        end: m.index! + m[0].length,
      }));
      for (const m of [...hitsOf(p, story), ...madeNow]) {
        if (negatedAt(p, m.index)) continue;
        report({
          start: m.index,
          end: m.end,
          weight: 0.5,
          note: 'A story or programme in progress',
        });
        return;
      }
    };
  },
});
