/**
 * personal_data.nhs_number — a ten-digit NHS number that passes the modulus-11 check, written
 * 3-3-4, with dashes or run together. An NHS number identifies one patient for life.
 *
 * A number labelled as some other reference ("complaint ref", "order no") is not one; a number
 * that fails the check is not one whatever its label says it is.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { isValidNhsNumber } from '../../../text/nhs-number.js';
import { before, matches } from '../../text/risk-context.js';

const CANDIDATE = /(?<![\p{N}\p{L}])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\p{N}])/gu;
const NHS_LABEL = /(?:nhs|chi|h&c)(?:\s*(?:no|number|num|#))?\.?\s*(?:is|:|-|–)?\s*$/;
const OTHER_LABEL =
  /(?:order|invoice|tracking|parcel|consignment|isbn|account|acct|card|serial|ticket|booking|complaint|claim|policy|transaction|receipt|crime|incident|job|case|ref|reference|pcn)(?:\s+(?:no|number|num|ref|reference|id|code))?\.?(?:\s+(?:is|was))?\s*[:#.-]?\s*$/;

export default defineSignal({
  meta: {
    id: 'personal_data.nhs_number',
    label: 'personal_data',
    description: 'An NHS number (ten digits passing the modulus-11 check, any common spacing)',
    requirements: ['INB-16', 'INB-11'],
  },
  options: z.object({}).strict(),
  create(_options, profile) {
    // A published number of the organisation's own is not personal data.
    const own = new Set(
      profile.organisation.servicePhoneNumbers.map((s) => s.number.replace(/\D/g, '')),
    );
    return (p, report) => {
      for (const m of matches(CANDIDATE, p.lower)) {
        const digits = m[1]! + m[3]! + m[4]!;
        if (own.has(digits) || !isValidNhsNumber(digits)) continue;
        const lead = before(p, m.index, 30);
        if (!NHS_LABEL.test(lead) && OTHER_LABEL.test(lead)) continue;
        report({ start: m.index, end: m.index + m[0].length, weight: 1, note: 'NHS number' });
      }
    };
  },
});
