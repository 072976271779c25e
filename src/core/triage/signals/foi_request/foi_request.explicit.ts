/**
 * foi_request.explicit — the item names the Freedom of Information regime ("FOI", "Freedom of
 * Information Act", "EIR"). Whoever invokes it expects the statutory clock, so it is enough on its
 * own (INB-7).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { negatedAt } from '../../text/desk-cues.js';
import { hitsOf } from '../../text/phrase-index.js';
import { foiCues } from './cues.js';

export default defineSignal({
  meta: {
    id: 'foi_request.explicit',
    label: 'foi_request',
    description:
      'Names the Freedom of Information Act, FOI or the Environmental Information Regulations',
    requirements: ['INB-7'],
  },
  options: z.object({}).strict(),
  create() {
    const { act } = foiCues();
    return (p, report) => {
      for (const m of hitsOf(p, act)) {
        // "this isn't an FOI request, just a question" disowns the regime.
        if (negatedAt(p, m.index)) continue;
        report({ start: m.start, end: m.end, weight: 1, note: 'Names the FOI regime' });
      }
    };
  },
});
