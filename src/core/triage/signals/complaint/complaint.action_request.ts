/**
 * complaint.action_request — asks for the case to be investigated, explained or put right ("I want
 * this investigated", "please look into this", "can someone find out what happened", "I want an
 * apology", "I want it cancelled"). Supporting evidence: with a failure it makes a complaint
 * (INB-8).
 */
import { z } from 'zod';
import { isNegated } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';

export default defineSignal({
  meta: {
    id: 'complaint.action_request',
    label: 'complaint',
    description: 'Asks for a case to be investigated, explained or put right',
    requirements: ['INB-8'],
  },
  options: z.object({}).strict(),
  create() {
    const action = new RegExp(phraseSource('complaint-grievance', ['action']), 'gu');
    return (p, report) => {
      for (const m of matchesIn(p, action)) {
        if (isNegated(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 0.5, note: 'Asks for the case to be looked into' });
        return;
      }
    };
  },
});
