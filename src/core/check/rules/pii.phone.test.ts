import { describe, expect, it } from 'vitest';
import rule from './pii.phone.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { findPhoneNumbers, ukNationalDigits } from '../../text/uk-phone.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

// Numbers are from Ofcom's drama ranges (07700 900xxx, 01632 960xxx, 020 7946 0xxx, 0117 496 0xxx)
// or are the published example numbers of the profiles.
ruleTester(rule, {
  valid: [
    'Need help? Call NHS 111, or 999 in an emergency. Samaritans are on 116 123.',
    {
      text: 'In an emergency call 999 or 112; for the police, 101.',
      name: 'short service codes are never phone numbers',
    },
    { text: 'Call Samaritans free on 116 123, any time.', name: 'Samaritans short number' },
    {
      text: 'Questions about your care? Call our PALS team on 0300 123 4567 (Monday to Friday, 9am to 5pm) or email our PALS team at pals.bsw@nhs.net.',
      profile: 'dev-set',
      name: 'dev-set fc-0036 with its profile',
    },
    {
      text: 'Questions about your care? Call our PALS team on 0300 123 4567 (Monday to Friday, 9am to 5pm) or email our PALS team at pals.bsw@nhs.net.',
      name: 'fc-0036 under nhs-default: introduced as the PALS team’s line',
    },
    {
      text: 'Reminder: our switchboard is 01225 428331 and the PALS team can be reached on 01225 825656. For medical advice, call NHS 111.',
      profile: 'dev-set',
      name: 'dev-set fc-0080 with its profile',
    },
    {
      text: 'Reminder: our switchboard is 01225 428331 and the PALS team can be reached on 01225 825656. For medical advice, call NHS 111.',
      name: 'fc-0080 under nhs-default: switchboard and PALS team lines',
    },
    {
      text: 'Want to feed back about your care? Email our PALS team at ruh-tr.pals@nhs.net or call them on 01225 825656.',
      name: 'fc-0120 under nhs-default: "call them" after naming the team',
    },
    { text: 'Our switchboard is on 01632 960000.', name: 'the profile’s own switchboard' },
    { text: 'PALS: +44 1632 960001', name: 'profile number written internationally' },
    { text: 'Press enquiries: 01632 960002', name: 'a team phone from the profile' },
    { text: 'Call the ward on 0117 496 0123 for visiting times.', name: 'the ward’s line' },
    {
      text: 'You can call the ward directly on 0117 496 0124.',
      name: '"directly" alone does not make a line personal',
    },
    {
      text: 'Text our school nursing team on 07700 900321 (ChatHealth).',
      name: 'a service text line on a mobile number',
    },
    {
      text: 'Ring the appointments line on 020 7946 0321, Monday to Friday.',
      name: 'appointments line',
    },
    {
      text: 'Call 020 7946 0999 (Mon–Fri, 8am to 6pm) to book.',
      name: 'opening hours after the number',
    },
    { text: 'Contact Healthwatch Swindon on 01632 960555.', name: 'a named public service' },
    {
      text: 'Call 07700 900555 to speak to the ward.',
      name: 'introduced after as the ward’s line',
    },
    { text: 'Freephone 0800 123 456 from any phone.', name: 'freephone line' },
    {
      text: 'For more information call 0300 123 4567.',
      name: 'a bare 03 number: non-geographic lines belong to organisations',
    },
    {
      text: 'Our stop smoking service can help. Text QUIT to 66777 or call 0300 123 1044.',
      name: 'an 03 number after a service in the previous sentence',
    },
    { text: 'Order ref 0123456789 has shipped.', name: 'a reference, not a phone number' },
    {
      text: 'Open 09.00-17.00; our 2023-2024 report shows 12,345 patients and £1,234,567.',
      name: 'times, years, counts, money',
    },
    { text: 'Clinics on 01/02/2024, 03.04.2024 and 05-06-2024.', name: 'dates with leading zeros' },
    {
      text: 'NHS number 943 476 5919 is on your letter.',
      name: 'an NHS number is not a phone number',
    },
    { text: 'Visit https://example.com/01174960000 for details', name: 'digits inside a URL' },
    { text: 'Ref #07700900123', name: 'digits after a hash' },
    { text: 'Version 0.7700900123', name: 'a decimal' },
    {
      text: 'Call 0117 496 0999 or text 07700 900999.',
      profile: 'pii-contacts',
      name: 'numbers the profile allows',
    },
    {
      text: 'Call the diabetes nurse team on 01632 960555, Monday to Friday.',
      name: 'a team’s line (a role with a team word)',
    },
    {
      text: 'Call 0300 123 4567 to speak to a nurse.',
      name: 'a non-geographic line that reaches a nurse',
    },
    {
      text: 'Call our switchboard on 0117 496 0000 and ask for the matron.',
      name: 'a switchboard, with a role after the number',
    },
  ],
  invalid: [
    {
      text: 'Thanks Lisa, our PALS team will call you back on 07911 123456 this afternoon.',
      errors: [
        { actual: '07911 123456', suggestion: '[phone number removed]', message: /phone number/ },
      ],
      name: 'fc-0007: "call you back on" beats "our PALS team"',
    },
    {
      text: 'Please call Sharon directly on 01793 604020 ext 5512 or her mobile 07700 900123 to rebook.',
      errors: [{ actual: '01793 604020' }, { actual: '07700 900123' }],
    },
    {
      text: 'Hi Margaret, your GP surgery will ring you on 07700 900412 about your insulin.',
      errors: [{ actual: '07700 900412' }],
    },
    { text: 'You can reach me on +44 7700 900456.', errors: [{ actual: '+44 7700 900456' }] },
    {
      text: 'My mobile is 07700 900789, text me any time.',
      audience: 'personal',
      errors: [{ actual: '07700 900789' }],
    },
    {
      text: 'Dad’s number is (01632) 960456, please call him.',
      errors: [{ actual: '(01632) 960456' }],
    },
    {
      text: 'Call Sharon on 01632 960789.',
      errors: [{ actual: '01632 960789' }],
      name: 'a given name after a call verb',
    },
    {
      text: 'For more information call 0117 496 0555.',
      errors: [{ actual: '0117 496 0555' }],
      name: 'no context: a landline is reported (could be anyone’s)',
    },
    {
      text: 'Call Dave on 0300 123 4568 about your results.',
      errors: [{ actual: '0300 123 4568' }],
      name: 'a non-geographic number tied to a person',
    },
    { text: 'Lisa 07700 900123', errors: [{ actual: '07700 900123' }] },
    {
      text: '+447700900123',
      errors: [{ actual: '+447700900123' }],
      name: 'international, no spaces',
    },
    { text: 'Ring +44 (0)20 7946 0123 now', errors: [{ actual: '+44 (0)20 7946 0123' }] },
    { text: 'Call 0044 7700 900124', errors: [{ actual: '0044 7700 900124' }] },
    { text: 'Tel: 07700-900-125', errors: [{ actual: '07700-900-125' }] },
    { text: 'Tel:07700900126', errors: [{ actual: '07700900126' }] },
    { text: 'Mob 07700 900 127', errors: [{ actual: '07700 900 127' }] },
    { text: 'Phone 01632.960.128', errors: [{ actual: '01632.960.128' }] },
    { text: 'Call 0117 496 0129.', errors: [{ actual: '0117 496 0129' }] },
    {
      text: 'The ward manager will phone you on 020 7946 0130 tomorrow.',
      errors: [{ actual: '020 7946 0130' }],
    },
    {
      text: 'Our nurse Dr Okafor’s direct line is 01632 960131.',
      errors: [{ actual: '01632 960131' }],
      name: 'a named individual’s line',
    },
    {
      text: 'Her number in France is +33 6 12 34 56 78.',
      errors: [{ actual: '+33 6 12 34 56 78' }],
      name: 'another country’s number',
    },
    { text: 'The patient’s mobile 07700 900132 is on file.', errors: [{ actual: '07700 900132' }] },
    {
      text: 'Call our PALS team on 07700 900133 (my mobile).',
      errors: [{ actual: '07700 900133' }],
      name: 'a personal note after the number wins',
    },
    {
      text: 'Call 0300 123 4567 (Mon–Fri).',
      profile: 'pii-contacts',
      errors: [{ actual: '0300 123 4567' }],
      name: 'context reading switched off',
    },
    {
      text: 'Call 0800 123 456 9am-5pm or 07700 900134.',
      errors: [{ actual: '07700 900134' }],
      name: 'a 10-digit freephone number with hours is left, a bare mobile is not',
    },
    {
      text: 'Questions about your feet? Our podiatry nurses are on 01632 960718, Monday to Friday.',
      errors: [{ actual: '01632 960718' }],
      name: 'a staff group’s direct line, not configured, even with opening days',
    },
    {
      text: 'The renal unit’s direct line is 01632 960888 if you are running late.',
      errors: [{ actual: '01632 960888' }],
      name: 'a direct line, not configured',
    },
    {
      text: 'Parking problems? Ring the estates manager on 0117 496 0412.',
      errors: [{ actual: '0117 496 0412' }],
      name: 'a role-holder’s line',
    },
  ],
});

describe('[PUB-3] pii.phone helpers and speed', () => {
  it('normalises written forms to national digits', () => {
    expect(ukNationalDigits('+44 (0)7911 123 456')).toBe('07911123456');
    expect(ukNationalDigits('0044 7911 123456')).toBe('07911123456');
    expect(ukNationalDigits('(01225) 428331')).toBe('01225428331');
    expect(ukNationalDigits('111')).toBe('111');
    expect(ukNationalDigits('+33 6 12 34 56 78')).toBeNull();
    expect(ukNationalDigits('0461 234 5678')).toBeNull();
  });

  it('finds Ofcom drama-range numbers that libraries reject', () => {
    const found = findPhoneNumbers('07700 900123, 01632 960000, 020 7946 0000, 0117 496 0000');
    expect(found.map((f) => f.number)).toEqual([
      '07700900123',
      '01632960000',
      '02079460000',
      '01174960000',
    ]);
  });

  it('returns on a 1 MB input and pathological strings', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    const inputs = [
      'Call you on 07700 900123 or our PALS team on 0300 123 4567. '.repeat(17_000),
      '0'.repeat(100_000),
      '07 '.repeat(50_000),
      '+4'.repeat(50_000),
      '(0) '.repeat(30_000),
      '#'.repeat(10_000),
      '-.'.repeat(50_000),
    ];
    for (const text of inputs)
      expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
  });
});
