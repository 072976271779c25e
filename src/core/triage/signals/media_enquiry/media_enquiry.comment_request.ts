/**
 * media_enquiry.comment_request — asks for a comment, statement, quote, interview or spokesperson,
 * a right of reply or "confirm or deny". Supporting evidence: members of the public ask for
 * responses too, so it needs a story or an introduction beside it (INB-15).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { negatedAt } from '../../text/desk-cues.js';
import { hitsOf } from '../../text/phrase-index.js';
import { mediaCues } from './cues.js';

export default defineSignal({
  meta: {
    id: 'media_enquiry.comment_request',
    label: 'media_enquiry',
    description: 'Asks for a comment, statement, quote, interview or spokesperson',
    requirements: ['INB-15'],
  },
  options: z.object({}).strict(),
  create() {
    const { ask } = mediaCues();
    return (p, report) => {
      for (const m of hitsOf(p, ask)) {
        if (negatedAt(p, m.index)) continue;
        report({ start: m.start, end: m.end, weight: 0.5, note: 'Asks for comment or interview' });
        return;
      }
    };
  },
});
