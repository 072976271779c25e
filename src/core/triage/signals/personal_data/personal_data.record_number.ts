/**
 * personal_data.record_number — a hospital or medical record number given with its label:
 * "hospital number RH4829173", "MRN 00123456", "patient no. K123456".
 *
 * The label is required: a bare code could be anything (an order, a parking charge).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matches } from '../../text/risk-context.js';

const RECORD =
  /(?<![\p{L}])(?:(?:hospital|hosp|patient|unit|medical record|health record|case ?note|clinic|rtx|crn)\.? ?(?:number|no\.?|num|#|id|ref)|mrn|hosp no|pt no\.?)\s*(?:is|:|-|–|#)?\s*[a-z]{0,3}[- ]?\d{5,10}[a-z]?(?![\p{L}\p{N}])/gu;

export default defineSignal({
  meta: {
    id: 'personal_data.record_number',
    label: 'personal_data',
    description: 'A hospital or medical record number given with its label',
    requirements: ['INB-16', 'INB-11'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      for (const m of matches(RECORD, p.lower))
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: 1,
          note: 'Hospital or record number',
        });
    };
  },
});
