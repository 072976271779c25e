import { describe, expect, it } from 'vitest';
import rule from './pii.nhs_number.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { findNhsNumbers, isValidNhsNumber } from '../../text/nhs-number.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

// Every number below was generated for these tests: the valid ones pass modulus 11, the
// "invalid" ones are the same numbers with the check digit changed.
ruleTester(rule, {
  valid: [
    'Please send us a private message with your NHS number and we will look into it.',
    {
      text: 'My complaint ref is 6708517688 and I have heard nothing.',
      name: 'a 10-digit reference that fails modulus 11',
    },
    {
      text: 'NHS number 406 932 6201 is on the letter.',
      name: 'labelled, but the check digit is wrong: strict modulus 11',
    },
    { text: 'Your NHS number is 4545838147.', name: 'check digit wrong, contiguous' },
    {
      text: 'Test value 1111111111 is a repdigit',
      name: 'a repeated digit passes the arithmetic but is never issued',
    },
    {
      text: 'Call 0117 496 0000 or 07700 900123 today.',
      name: 'UK phone numbers (11 digits) are not read as NHS numbers',
    },
    {
      text: 'Call +44 117 496 0000 for the switchboard.',
      name: '+44 then ten digits grouped 3-3-4 is a phone number',
    },
    { text: 'Call +44 (0)117 496 0000.', name: '(0) before the digits marks a phone number' },
    { text: 'Reference 124069326200 was issued.', name: 'ten valid digits inside a 12-digit run' },
    {
      text: 'Card 4069326200123 expires soon',
      name: 'ten valid digits at the start of a longer run',
    },
    { text: 'Order number: 4069326200 has been dispatched.', name: 'labelled as an order number' },
    {
      text: 'Your tracking ref 4545838146 shows it was delivered.',
      name: 'labelled as a tracking reference',
    },
    {
      text: 'In 2023-2024 we saw 12,345 patients; budget £4,069,326,200.',
      name: 'years, counts and money',
    },
    { text: 'Dates 01/02/2024 and 03.04.2024 at 10.30', name: 'dates and times' },
    { text: '406-932-6200-1 is a serial', name: 'followed by a dash and more digits' },
    { text: 'ISBN 4069326200 for the book', name: 'an ISBN label' },
    {
      text: 'Use test number 406 932 6200 in training.',
      profile: 'pii-contacts',
      name: 'allowed by option',
    },
  ],
  invalid: [
    {
      text: 'We have located the record for NHS number 573 856 3913 and passed it on.',
      errors: [
        { actual: '573 856 3913', suggestion: '[NHS number removed]', message: /NHS number/ },
      ],
    },
    {
      text: 'Found your referral under NHS no. 4809865347 - dermatology will write.',
      errors: [{ actual: '4809865347' }],
    },
    {
      text: 'Patient 4259235788 has now been seen in the eye clinic.',
      errors: [{ actual: '4259235788' }],
      name: 'unlabelled but valid',
    },
    {
      text: 'NHS no:4069326200',
      errors: [{ actual: '4069326200' }],
      name: 'label touching the number',
    },
    {
      text: 'nhs number 458-247-9499 please',
      errors: [{ actual: '458-247-9499' }],
      name: 'dashes',
    },
    {
      text: 'Ref: NHS 438.638.3573',
      errors: [{ actual: '438.638.3573' }],
      name: 'dots, and an NHS label beats "ref"',
    },
    {
      text: 'Number 459 1324303 was quoted',
      errors: [{ actual: '459 1324303' }],
      name: 'mixed grouping',
    },
    {
      text: 'Two patients: 4455214224 and 470 866 1797.',
      errors: [{ actual: '4455214224' }, { actual: '470 866 1797' }],
    },
    {
      text: 'Hi, my dad’s NHS number is 611 969 2495, he’s on the cardiac ward.',
      audience: 'personal',
      errors: [{ actual: '611 969 2495' }],
    },
    {
      text: 'NHS number\n496 597 5863\nthanks',
      errors: [{ actual: '496 597 5863' }],
      name: 'across lines',
    },
    {
      text: 'Chi number 010 119 0018 (Scotland)',
      errors: [{ actual: '010 119 0018' }],
      name: 'a Scottish CHI number passes the same check',
    },
    {
      text: 'NHS number 406  932  6200.',
      errors: [{ actual: '406  932  6200' }],
      name: 'double spaces',
    },
  ],
});

describe('[PUB-3] pii.nhs_number helpers and speed', () => {
  it('checks modulus 11 exactly', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    // A remainder giving check digit 10 is never valid.
    expect(isValidNhsNumber('1234567890')).toBe(false);
  });

  it('finds numbers with their offsets', () => {
    const text = 'a 943 476 5919 b';
    const [m] = findNhsNumbers(text);
    expect(m && text.slice(m.start, m.end)).toBe('943 476 5919');
  });

  it('returns on a 1 MB input and pathological strings', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    const inputs = [
      'NHS number 943 476 5919, call 0117 496 0000. '.repeat(25_000),
      '7'.repeat(100_000),
      '123 '.repeat(50_000),
      '#'.repeat(10_000),
      '.-'.repeat(50_000),
    ];
    for (const text of inputs)
      expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
  });
});
