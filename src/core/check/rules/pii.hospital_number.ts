/**
 * pii.hospital_number — a hospital or medical record number: any value labelled as one
 * ("hospital no. RH1029384", "MRN 12345678", "unit number 1234567", "patient ID 556677"), and
 * unlabelled tokens in the shape of the organisation's numbers (by default one to three capital
 * letters and six to eight digits, such as "RH4829173" or "K7731920"). Like an NHS number it
 * identifies one patient (PUB-3).
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { findNhsNumbers } from '../../text/nhs-number.js';
import { execAll } from '../../text/exec-all.js';

/** The flags every option pattern is compiled with (and validated with). */
const FLAGS = 'gu';

/** Wrap a pattern so it only matches a whole token, never part of a longer word or number. */
const wrap = (source: string): string => `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;

// Rough signs of a pattern that can take exponential time: a quantified group that itself
// contains a quantifier ("(a+)+", "(\d*\s?)*"), or a back-reference.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]|\\[1-9]/;

const patternSchema = z
  .string()
  .min(1)
  .max(200, 'expected a pattern of at most 200 characters')
  .superRefine((source, ctx) => {
    let re: RegExp;
    try {
      re = new RegExp(wrap(source), FLAGS);
    } catch (e) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a valid regular expression: ${(e as Error).message}`,
      });
      return;
    }
    if (NESTED_QUANTIFIER.test(source)) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected no nested quantifiers or back-references (they can make matching slow)',
      });
    }
    if (new RegExp(`^(?:${source})$`, 'u').test('') || re.test(' ')) {
      ctx.addIssue({ code: 'custom', message: 'expected a pattern that cannot match empty text' });
    }
  });

/** Default shapes of an unlabelled hospital number: one to three capitals and six to eight digits. */
export const DEFAULT_HOSPITAL_NUMBER_PATTERNS = ['[A-Z]{1,3}[0-9]{6,8}'];

// Labels that make a value certainly a hospital number. "unit" and "patient" need a following
// "number/no/ID" ("Unit 4" is an address, "patient 4259235788" is usually an NHS number).
const LABELS =
  '(?:hospital|hosp|medical\\s+records?|health\\s+records?|case\\s+notes?|patient|unit|pas|crn|mrn|k)\\s*(?:number|no\\.?|num|id|identifier|#)' +
  '|mrn|m\\.r\\.n\\.?|crn|hospital\\s+(?:ref(?:erence)?|record)|medical\\s+record|case\\s+note\\s+ref(?:erence)?';
const VALUE = '([A-Za-z]{0,3}[ \\-]?[0-9]{4,10}[A-Za-z]?)';

// Labels that say an unlabelled-shape token is something else: an order, a company, a ticket.
const OTHER_LABEL =
  /\b(?:order|invoice|tracking|parcel|consignment|ticket|booking|flight|product|model|serial|part|sku|item|licence|license|permit|registration|reg|registered(?:\s+in\s+(?:england|scotland|wales|northern\s+ireland)(?:\s+and\s+wales)?)?|company|charity|grant|vat|ods|promo|discount|voucher|code|complaint|foi|pals|crime|incident|claim|policy|account|job|ref|reference)(?:\s+(?:no|number|num|ref|reference|id|code))?\.?(?:\s+(?:is|was))?\s*[:#.-]?\s*$/i;

/** The text just before `pos` on the same line, at most `max` characters. */
const lineBefore = (text: string, pos: number, max: number): string => {
  const s = text.slice(Math.max(0, pos - max), pos);
  return s.slice(s.lastIndexOf('\n') + 1);
};

export default defineRule({
  meta: {
    id: 'pii.hospital_number',
    description:
      'A hospital or medical record number (labelled, or in the profile’s number shapes)',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /**
       * Regular expressions (JavaScript syntax, Unicode mode) for the shape of an unlabelled
       * hospital number at this organisation. Each is matched as a whole token only.
       */
      patterns: z.array(patternSchema).default(DEFAULT_HOSPITAL_NUMBER_PATTERNS),
      /** More label words that introduce a hospital number here, e.g. "K number", "RD1 number". */
      labels: z.array(z.string().min(2)).default([]),
    })
    .strict(),
  create(options) {
    const shapes = options.patterns.map((p) => new RegExp(wrap(p), FLAGS));
    const extra = options.labels.map((l) =>
      l
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    );
    const labelled = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[LABELS, ...extra].join('|')})(?![\\p{L}\\p{N}])\\s*[:#.\\-–]?\\s*(?:is\\s+)?${VALUE}(?![\\p{L}\\p{N}_])(?![ \\-][0-9])`,
      'giu',
    );

    return (draft, report) => {
      const text = draft.text;
      if (!/[0-9]{4}/.test(text)) return;
      // Candidates from labels first (they win a tie), then from the shapes; kept in order of
      // position, without overlaps and without NHS numbers (another rule's business).
      const candidates: { start: number; end: number }[] = [];
      for (const m of execAll(labelled, text)) {
        const value = m[1]!;
        const start = m.index + m[0].length - value.length;
        // A phone number (0 and ten or eleven digits) is the phone rule's business.
        if (/^0[0-9]{9,10}$/.test(value.replace(/[ -]/g, ''))) continue;
        candidates.push({ start, end: start + value.length });
      }
      for (const re of shapes) {
        re.lastIndex = 0;
        for (const m of execAll(re, text)) {
          if (m[0].length === 0) continue;
          if (OTHER_LABEL.test(lineBefore(text, m.index, 40))) continue;
          candidates.push({ start: m.index, end: m.index + m[0].length });
        }
      }
      if (candidates.length === 0) return;
      candidates.sort((a, b) => a.start - b.start);
      const nhs = findNhsNumbers(text);
      const found: { start: number; end: number }[] = [];
      let k = 0;
      let lastEnd = -1;
      for (const c of candidates) {
        while (k < nhs.length && nhs[k]!.end <= c.start) k++;
        if (k < nhs.length && nhs[k]!.start < c.end) continue;
        if (c.start < lastEnd) continue;
        lastEnd = c.end;
        found.push(c);
      }
      for (const f of found) {
        const actual = text.slice(f.start, f.end);
        report({
          start: f.start,
          end: f.end,
          message: `Unexpected hospital number "${actual}", expected it removed: a hospital or medical record number identifies a patient`,
          expected: ['[hospital number removed]'],
          note: 'Never confirm or repeat a patient’s record number in public. Continue by private message or through PALS.',
        });
      }
    };
  },
});
