/**
 * foi_request.explicit — the item names the Freedom of Information regime ("FOI", "Freedom of
 * Information Act", "EIR"). Whoever invokes it expects the statutory clock, so it is enough on its
 * own (INB-7).
 */
import { z } from 'zod';
import { isNegated } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn } from '../../text/desk-cues.js';
import { foiCues } from './cues.js';

export default defineSignal({
  meta: {
    id: 'foi_request.explicit',
    label: 'foi_request',
    description: 'Names the Freedom of Information Act, FOI or the Environmental Information Regulations',
    requirements: ['INB-7'],
  },
  options: z.object({}).strict(),
  create() {
    const { act } = foiCues();
    return (p, report) => {
      for (const m of matchesIn(p, act)) {
        // "this isn't an FOI request, just a question" disowns the regime.
        if (isNegated(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 1, note: 'Names the FOI regime' });
      }
    };
  },
});
