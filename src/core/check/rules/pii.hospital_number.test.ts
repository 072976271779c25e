import { describe, expect, it } from 'vitest';
import rule from './pii.hospital_number.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Our new ward has 28 beds and a CT scanner. Use code NHS10 for 10% off.',
    {
      text: 'Patient 4259235788 has now been seen in the eye clinic.',
      name: 'an NHS number is another rule’s business',
    },
    {
      text: 'Hospital number: 943 476 5919',
      name: 'an NHS number labelled as a hospital number is still the NHS rule’s',
    },
    { text: 'Order ref AB1234567 has shipped.', name: 'an order reference' },
    { text: 'Your complaint ref is PC1234567.', name: 'a complaint reference' },
    { text: 'Registered in Scotland SC123456.', name: 'a company number' },
    { text: 'Registered charity number 1234567.', name: 'a charity number' },
    { text: 'The grant ID is ABC12345678.', name: 'a grant ID' },
    { text: 'Unit 4, Riverside Business Park, SN1 1AA.', name: 'a business unit address' },
    { text: 'Flight BA1234 lands at 10am.', name: 'too few digits for an unlabelled number' },
    { text: 'Ward 5 and bay 12 are open.', name: 'ward and bay numbers' },
    { text: 'Reference rh4829173 in lower case', name: 'unlabelled shape is case-sensitive' },
    {
      text: 'Call the hospital number 01632 960000 for help.',
      name: 'a phone number after "hospital number"',
    },
    { text: 'Token ABCD1234567 has four letters', name: 'four letters is not the default shape' },
    {
      text: 'Booking RH4829173 confirmed',
      profile: 'pii-hospital-number-custom',
      name: 'custom shapes replace the default',
    },
  ],
  invalid: [
    {
      text: 'We’ve checked hospital number RH4829173 and the operation has been rebooked for next Tuesday.',
      errors: [
        {
          actual: 'RH4829173',
          suggestion: '[hospital number removed]',
          message: /hospital number/,
        },
      ],
    },
    {
      text: 'MRN K7731920 - your records request has been processed and is in the post.',
      errors: [{ actual: 'K7731920' }],
    },
    {
      text: 'Thanks Robert. Hospital no. RH1029384 shows you’re booked in.',
      errors: [{ actual: 'RH1029384' }],
    },
    {
      text: 'Patient ID: 556677 was seen today.',
      errors: [{ actual: '556677' }],
      name: 'labelled digits',
    },
    { text: 'hosp no 1234567', errors: [{ actual: '1234567' }] },
    { text: 'Medical record number is 00123456.', errors: [{ actual: '00123456' }] },
    { text: 'Unit number: A123456', errors: [{ actual: 'A123456' }] },
    { text: 'MRN#12345678', errors: [{ actual: '12345678' }] },
    { text: 'Case note number 445566 is on file.', errors: [{ actual: '445566' }] },
    {
      text: 'Please quote RXH1234567 when you call.',
      errors: [{ actual: 'RXH1234567' }],
      name: 'unlabelled default shape',
    },
    {
      text: 'My son’s number is K1234567, can you check?',
      audience: 'personal',
      errors: [{ actual: 'K1234567' }],
    },
    { text: 'RH4829173 and RH1029384', errors: [{ actual: 'RH4829173' }, { actual: 'RH1029384' }] },
    {
      text: 'Please quote RBB12345.',
      profile: 'pii-hospital-number-custom',
      errors: [{ actual: 'RBB12345' }],
      name: 'a custom shape',
    },
    {
      text: 'K number 99887766',
      profile: 'pii-hospital-number-custom',
      errors: [{ actual: '99887766' }],
      name: 'a custom label',
    },
  ],
});

describe('[PUB-3] pii.hospital_number options and speed', () => {
  it('rejects bad patterns as option issues, not crashes', () => {
    const bad = [['('], ['(a+)+'], ['(\\d*\\s?)*'], ['[0-9]*'], ['(a)\\1'], ['']];
    for (const patterns of bad) {
      const result = rule.options.safeParse({ patterns });
      expect(result.success, JSON.stringify(patterns)).toBe(false);
    }
    expect(rule.options.safeParse({ patterns: ['K[0-9]{7}', 'RBB[0-9]{5}'] }).success).toBe(true);
    expect(rule.options.safeParse({ unknown: true }).success).toBe(false);
  });

  it('returns on a 1 MB input and pathological strings', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    const inputs = [
      'hospital number RH4829173 and K7731920 and 4069326200 and order AB1234567. '.repeat(14_000),
      'A1'.repeat(50_000),
      'MRN '.repeat(30_000),
      '9'.repeat(100_000),
      'RH'.repeat(50_000) + '1234567',
      '#'.repeat(10_000),
    ];
    for (const text of inputs)
      expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
  });
});
