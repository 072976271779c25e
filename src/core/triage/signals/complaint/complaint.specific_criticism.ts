/**
 * complaint.specific_criticism — a severe verdict ("disgraceful", "unacceptable", "appalling") on a
 * specific case: a relative or the author's own care, a date, a named place ("the way the nurse
 * spoke to my mum last night on ward 9 was disgraceful"). Enough on its own when the case is in
 * the same sentence, supporting when it is up to two sentences away. A verdict on the service
 * in general ("your staff are criminally rude") stays negative feedback, and a verdict about a
 * member of staff alone is left to abuse and feedback (INB-8).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { hypotheticalAt, isNegatedNear, quotedAt, sentenceIndexAt } from '../../text/desk-cues.js';
import { specificNear, type MarkerKind } from './cues.js';

const CASE: readonly MarkerKind[] = ['person', 'time', 'place', 'reference'];

export default defineSignal({
  meta: {
    id: 'complaint.specific_criticism',
    label: 'complaint',
    description: 'A severe verdict on a specific case (a relative, a date, a ward)',
    requirements: ['INB-8'],
  },
  options: z.object({}).strict(),
  create() {
    const verdict = phraseIndex('complaint-grievance', ['verdict']);
    return (p, report) => {
      let weak: { start: number; end: number } | undefined;
      for (const m of hitsOf(p, verdict)) {
        const at = m.index!;
        if (isNegatedNear(p, at, 20) || hypotheticalAt(p, at) || quotedAt(p, at)) continue;
        const s = sentenceIndexAt(p, at);
        if (specificNear(p, s, 0, CASE)) {
          report({
            start: at,
            end: at + m.text.length,
            weight: 1,
            note: `Verdict on a specific case: "${m.text}"`,
          });
          return;
        }
        // Short sentences ("It's now May. Not good enough.") can put the case two sentences back.
        if (specificNear(p, s, 2, CASE)) weak ??= { start: at, end: at + m.text.length };
      }
      if (weak) report({ ...weak, weight: 0.5, note: 'Verdict next to a specific case' });
    };
  },
});
