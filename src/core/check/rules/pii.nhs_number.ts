/**
 * pii.nhs_number — a ten-digit NHS number that passes the modulus-11 check, in any common
 * spacing. An NHS number identifies one patient for life; it never belongs in a public post (PUB-3).
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { findNhsNumbers } from '../../text/nhs-number.js';

// Labels that say a number is some other kind of reference. Checked on the same line just before
// the number; an "NHS" label nearby always wins.
const OTHER_LABEL =
  /\b(?:order|invoice|tracking|parcel|consignment|isbn|account|acct|card|serial|ticket|booking|complaint|claim|policy|transaction|receipt|crime|incident|job|case|ref|reference)(?:\s+(?:no|number|num|ref|reference|id|code))?\.?(?:\s+(?:is|was))?\s*[:#.-]?\s*$/i;
const NHS_LABEL = /\b(?:NHS|CHI|H&C|health and care)\b/i;

/** The text just before `pos` on the same line, at most `max` characters. */
const lineBefore = (text: string, pos: number, max: number): string => {
  const s = text.slice(Math.max(0, pos - max), pos);
  return s.slice(s.lastIndexOf('\n') + 1);
};

export default defineRule({
  meta: {
    id: 'pii.nhs_number',
    description: 'A ten-digit NHS number that passes the modulus-11 check, in any common spacing',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /** Numbers that may appear (e.g. a published test number), in any spacing. */
      allow: z.array(z.string()).default([]),
    })
    .strict(),
  create(options) {
    const allowed = new Set(options.allow.map((n) => n.replace(/\D/g, '')));
    return (draft, report) => {
      const text = draft.text;
      if (!/\d{3}/.test(text)) return;
      for (const m of findNhsNumbers(text)) {
        if (allowed.has(m.digits)) continue;
        const before = lineBefore(text, m.start, 40);
        if (OTHER_LABEL.test(before) && !NHS_LABEL.test(before)) continue;
        const actual = text.slice(m.start, m.end);
        report({
          start: m.start,
          end: m.end,
          message: `Unexpected NHS number "${actual}", expected it removed: an NHS number identifies a patient`,
          expected: ['[NHS number removed]'],
          note: 'Never confirm or repeat an NHS number in public. Ask the person to send it by private message or to contact PALS.',
        });
      }
    };
  },
});
