import { describe, expect, it } from 'vitest';
import rule from './pii.postcode.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { findPostcodes } from '../../text/uk-postcode.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Clinics across the BA1 and BA2 areas are open this weekend.',
    {
      text: 'COVID19 cases are falling. Avoid the A1 road and the M25 if you can.',
      name: 'road names and COVID19',
    },
    {
      text: 'Our HQ is at 1 Example Way, Exampletown ZZ99 3AA.',
      name: 'the organisation’s own address (nhs-default)',
    },
    {
      text: 'Drop in at 2 Mill Lane, BA2 3RT.',
      profile: 'pii-contacts',
      name: 'own address from the profile, written in lower case there',
    },
    {
      text: 'Our new ward is on the A1 2nd floor.',
      name: 'an ordinal in lower case is not an inward code',
    },
    { text: 'Vitamin B12 3 times a week? Ask your pharmacist.', name: 'a vitamin and a number' },
    { text: 'Use code B12AB at checkout.', name: 'a code labelled as one' },
    {
      text: 'Vaccine pop-up at Trowbridge Civic Centre, St Stephen’s Place, BA14 8AH on Saturday.',
      name: 'a public venue',
    },
    {
      text: 'Meet us at the Royal United Hospital, Combe Park, Bath BA1 3NG.',
      name: 'a hospital address',
    },
    { text: 'The pharmacy at 3 High Street, SN1 1AA, is open late.', name: 'a pharmacy' },
    { text: 'Contact pals@example.nhs.uk or see https://example.com/SN27QP', name: 'inside a URL' },
    { text: 'Model XY1 2AB is not a postcode area.', name: 'not a real postcode area' },
    { text: 'Ward C4 2nd bay', name: 'ward and bay codes' },
    { text: 'Sector SN2 7 is busy.', name: 'a postcode sector is not a full postcode' },
    {
      text: 'Join us at the community centre, Broad Street, GL1 2AB, for the flu clinic.',
      name: 'community centre',
    },
    {
      text: 'Flu clinic at Hilltop Health Centre, Station Road, ZZ1 1AB, every Tuesday.',
      name: 'a venue address in the ZZ area',
    },
  ],
  invalid: [
    {
      text: 'We’ve arranged for the district nursing team to visit 14 Cedar Close, SN2 7QP tomorrow morning.',
      errors: [{ actual: 'SN2 7QP', suggestion: '[postcode removed]', message: /postcode/ }],
    },
    {
      text: 'Can the patient at BA1 3NG who messaged us please DM us their details?',
      errors: [{ actual: 'BA1 3NG' }],
    },
    {
      text: 'Send it to sn27qp please.',
      errors: [{ actual: 'sn27qp' }],
      name: 'lower case, no space',
    },
    { text: 'They live at 22 Mill Lane, SN15 1AB.', errors: [{ actual: 'SN15 1AB' }] },
    {
      text: 'Address: Flat 2, 10 Downing Street, SW1A 2AA',
      errors: [{ actual: 'SW1A 2AA' }],
      name: 'AA9A outward code',
    },
    { text: 'Postcode W1A 0AX', errors: [{ actual: 'W1A 0AX' }], name: 'A9A outward code' },
    { text: 'EH1 1YZ', errors: [{ actual: 'EH1 1YZ' }], name: 'a bare postcode' },
    {
      text: 'M1  1AE and B33 8TH',
      errors: [{ actual: 'M1  1AE' }, { actual: 'B33 8TH' }],
      name: 'one-letter areas, double space, upper-case TH',
    },
    {
      text: 'Mrs Jones lives near the hospital, 3 Park Road, GL1 2AB.',
      errors: [{ actual: 'GL1 2AB' }],
      name: 'a venue word does not protect a home',
    },
    {
      text: 'Pop-up clinic at the Civic Centre, BA14 8AH.',
      profile: 'pii-postcode-strict',
      errors: [{ actual: 'BA14 8AH' }],
      name: 'venues reported when allowVenues is off',
    },
    {
      text: 'Her postcode is bt1 5gs.',
      audience: 'personal',
      errors: [{ actual: 'bt1 5gs' }],
      name: 'Northern Ireland, personal account',
    },
    {
      text: 'A purse was handed in at the hospital shop. The bank card inside has ZZ3 6PL on it.',
      errors: [{ actual: 'ZZ3 6PL' }],
      name: 'the NHS pseudo-postcode area ZZ, and a venue in another sentence',
    },
    {
      text: 'Found a bank card in the hospital car park belonging to someone at LS99 4QT. Please DM us.',
      errors: [{ actual: 'LS99 4QT' }],
      name: 'a venue word earlier in the sentence is not the address',
    },
    {
      text: 'Congratulations to our raffle winner from 8 Elm Grove, NE99 2BW!',
      errors: [{ actual: 'NE99 2BW' }],
      name: 'a winner’s address',
    },
  ],
});

describe('[PUB-3] pii.postcode helpers and speed', () => {
  it('normalises what it finds', () => {
    expect(findPostcodes('sn27qp and SW1A 1AA').map((p) => p.normalised)).toEqual([
      'SN2 7QP',
      'SW1A 1AA',
    ]);
  });

  it('returns on a 1 MB input and pathological strings', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    const inputs = [
      'Visit 14 Cedar Close, SN2 7QP or the Civic Centre, BA1 3NG. '.repeat(17_000),
      'SN2 '.repeat(50_000),
      'A1'.repeat(50_000),
      '9'.repeat(100_000),
      '#'.repeat(10_000),
      '. '.repeat(50_000),
    ];
    for (const text of inputs)
      expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
  });
});
