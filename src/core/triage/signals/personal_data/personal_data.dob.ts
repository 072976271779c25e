/**
 * personal_data.dob — a date of birth: "DOB 12/04/1961", "born 21/06/2019", "date of birth: 3rd
 * March 1948". With a name or an NHS number it identifies a patient.
 *
 * A full date after a birth label is enough; "born in 1948" (a year only) only supports.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matches } from '../../text/risk-context.js';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH}\\.?,? (?:\\d{4}|'?\\d{2})|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})`;
const LABEL =
  '(?:dob|d\\.o\\.b\\.?|d\\.o\\.b|date of birth|birth date|birthdate|born(?: on)?|b\\.|birthday(?: is)?)';
const FULL = new RegExp(`(?<![\\p{L}])${LABEL}\\s*(?:is|was|:|-|–)?\\s*${DATE}(?![\\p{N}])`, 'gu');
const YEAR = new RegExp(
  `(?<![\\p{L}])(?:born in|dob|year of birth|born)\\s*:?\\s*(?:19|20)\\d\\d(?![\\p{N}])`,
  'gu',
);

export default defineSignal({
  meta: {
    id: 'personal_data.dob',
    label: 'personal_data',
    description: 'A date of birth',
    requirements: ['INB-16', 'INB-11'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      for (const m of matches(FULL, p.lower))
        report({ start: m.index, end: m.index + m[0].length, weight: 1, note: 'Date of birth' });
      for (const m of matches(YEAR, p.lower))
        report({ start: m.index, end: m.index + m[0].length, weight: 0.5, note: 'Year of birth' });
    };
  },
});
