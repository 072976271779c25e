/**
 * complaint.action_request — asks for the case to be investigated, explained or put right ("I want
 * this investigated", "please look into this", "can someone find out what happened", "I want an
 * apology", "I want it cancelled"). Supporting evidence: with a failure it makes a complaint
 * (INB-8).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { negatedAt } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';

export default defineSignal({
  meta: {
    id: 'complaint.action_request',
    label: 'complaint',
    description: 'Asks for a case to be investigated, explained or put right',
    requirements: ['INB-8'],
  },
  options: z.object({}).strict(),
  create() {
    const action = phraseIndex('complaint-grievance', ['action']);
    return (p, report) => {
      for (const m of hitsOf(p, action)) {
        if (negatedAt(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m.text.length,
          weight: 0.5,
          note: 'Asks for the case to be looked into',
        });
        return;
      }
    };
  },
});
