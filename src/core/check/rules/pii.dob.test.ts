import { describe, expect, it } from 'vitest';
import rule from './pii.dob.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Our flu clinic on 3 March is fully booked. Next one: 10/03/2025.',
    {
      text: 'Please bring proof of your date of birth to your appointment on 3 March.',
      name: 'the words "date of birth" without a date',
    },
    { text: 'Enter your date of birth (DD/MM/YYYY) on the form.', name: 'a format hint' },
    { text: 'Born and bred in Swindon, Sam joined us on 3 March 2010.', name: '"born and bred"' },
    {
      text: 'Congratulations to our new-born twins’ parents! Our first-born baby of 2025 arrived on 1 January.',
      name: 'new-born, first-born',
    },
    { text: 'Bath-born artist opens our exhibition on 3 March 2024.', name: 'place-born' },
    { text: 'The NHS was born in 1948 and turns 77 this year.', name: 'the NHS, not a person' },
    {
      text: 'Happy 75th birthday to the NHS! Born on 5 July 1948, it has cared for generations.',
      name: 'the NHS’s birthday',
    },
    {
      text: 'Florence Nightingale was born on 12 May 1820.',
      name: 'a historical figure (before 1900)',
    },
    {
      text: 'Our volunteer Joan, born in 1925, has knitted 200 blankets.',
      name: 'a year alone without an age or birthday is not reported',
    },
    { text: 'Happy 100th birthday Joan! 🎂', name: 'a birthday without a date' },
    {
      text: 'Your date of birth, which we need for the form, must match your ID.',
      name: 'a label with no date after it',
    },
    {
      text: 'Please have your date of birth ready when you call on 3 March.',
      name: 'a label, then an unrelated date',
    },
    {
      text: 'Happy birthday to our midwife Sam on 3 March!',
      name: 'a birthday greeting with the day only',
    },
    { text: 'Born Free is showing at the cinema on 3 March.', name: 'a title' },
    {
      text: 'The idea was born out of a staff survey on 3 March.',
      name: 'an idea is born, not a person (words between break the link)',
    },
    { text: 'Mia was born here. We opened the unit on 3 March.', name: 'different sentences' },
  ],
  invalid: [
    {
      text: 'Happy 100th birthday to our oldest volunteer, born 3 March 1925! Thank you for 30 years of tea and kindness.',
      media: [
        { type: 'image', alt: 'A volunteer with a cake', identifiable_people: true, consent: true },
      ],
      errors: [
        {
          actual: 'born 3 March 1925',
          suggestion: '[date of birth removed]',
          message: /date of birth/,
        },
      ],
      name: 'fc-0009: reported even with consent on the photo',
    },
    {
      text: 'Ellie Thompson (DOB 21/06/2012) is booked in.',
      errors: [{ actual: 'DOB 21/06/2012' }],
    },
    {
      text: 'Baby Mia, born here on 14/02/2024, came back to visit.',
      errors: [{ actual: 'born here on 14/02/2024' }],
    },
    { text: 'd.o.b. 3rd March 1980', errors: [{ actual: 'd.o.b. 3rd March 1980' }] },
    { text: 'Date of birth: 1980-04-03', errors: [{ actual: 'Date of birth: 1980-04-03' }] },
    {
      text: 'She was born on the 3rd of March 1925 in Bath.',
      errors: [{ actual: 'born on the 3rd of March 1925' }],
    },
    { text: 'He was born March 3, 1961.', errors: [{ actual: 'born March 3, 1961' }] },
    {
      text: 'DOB - 03.04.80',
      errors: [{ actual: 'DOB - 03.04.80' }],
      name: 'dots and a two-digit year',
    },
    { text: 'D.O.B: 3/4/1980', errors: [{ actual: 'D.O.B: 3/4/1980' }] },
    { text: 'Birth date 12 Dec 1975', errors: [{ actual: 'Birth date 12 Dec 1975' }] },
    { text: 'DOB 1980', errors: [{ actual: 'DOB 1980' }], name: 'a labelled year' },
    {
      text: 'Her birthday: 03/04/1980',
      errors: [{ actual: 'birthday: 03/04/1980' }],
      name: 'a birthday with a full date',
    },
    {
      text: 'Born at the RUH on 1 January 2025, baby Jack is doing well.',
      errors: [{ actual: 'Born at the RUH on 1 January 2025' }],
    },
    {
      text: 'Baby Mia was born on 3 March weighing 7lb.',
      errors: [{ actual: 'born on 3 March' }],
      name: 'a baby’s birth day without the year',
    },
    {
      text: 'Our oldest volunteer Joan, born 1925, turns 100 today!',
      errors: [{ actual: 'born 1925' }],
      name: 'a year with an age',
    },
    { text: 'Happy 90th birthday Sam, born in 1935!', errors: [{ actual: 'born in 1935' }] },
    {
      text: '21/06/2012 (DOB)',
      errors: [{ actual: '21/06/2012 (DOB)' }],
      name: 'the label after the date',
    },
    {
      text: 'My child’s born 21/06/2019, can you check her jabs?',
      audience: 'personal',
      errors: [{ actual: 'born 21/06/2019' }],
    },
    {
      text: 'We matched the referral using the date of birth, 04.09.1971, you gave us.',
      errors: [{ actual: 'date of birth, 04.09.1971' }],
      name: 'a date set off by commas after the label',
    },
    {
      text: 'The date of birth we hold on file as 9 October 1988 looks wrong to us.',
      errors: [{ message: /date of birth/ }],
      name: 'linking words before the date',
    },
    {
      text: 'DOB given as 12.11.1982 on the referral letter.',
      errors: [{ actual: 'DOB given as 12.11.1982' }],
    },
    {
      text: 'Happy 60th birthday to our porter Dev, born 4 May 1965!',
      errors: [{ actual: 'born 4 May 1965' }],
      name: 'a member of staff’s birth date in a birthday post',
    },
  ],
});

describe('[PUB-3] pii.dob speed', () => {
  it('returns on a 1 MB input and pathological strings', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    const inputs = [
      'DOB 03/04/1980 and born on the 3rd of March 1925 in Bath. '.repeat(18_000),
      'born '.repeat(50_000),
      'DOB '.repeat(50_000),
      '3 March '.repeat(30_000),
      '1'.repeat(100_000),
      '/'.repeat(10_000),
      'd.o.b.'.repeat(20_000),
    ];
    for (const text of inputs)
      expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
  });
});
