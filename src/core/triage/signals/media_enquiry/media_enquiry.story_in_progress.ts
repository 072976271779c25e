/**
 * media_enquiry.story_in_progress — a story, piece, feature, programme or broadcast being made
 * ("we're running a story tomorrow", "I'm writing a piece for…", "we've had a tip-off", "for
 * broadcast"). Supporting evidence for a media enquiry from someone who never says "journalist"
 * (INB-15).
 */
import { z } from 'zod';
import { isNegated } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn } from '../../text/desk-cues.js';
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
    return (p, report) => {
      for (const m of matchesIn(p, story)) {
        if (isNegated(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 0.5, note: 'A story or programme in progress' });
        return;
      }
    };
  },
});
