import { describe, expect, it } from 'vitest';
import rule from './pii.email.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { findEmails } from '../../text/email-address.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Email our PALS team at pals@example.nhs.uk or write to foi@example.nhs.uk.',
    {
      text: 'Questions about your care? Email our PALS team at pals.bsw@nhs.net.',
      profile: 'dev-set',
      name: 'fc-0036: listed in the dev-set profile',
    },
    {
      text: 'Email our PALS team at ruh-tr.pals@nhs.net or call them.',
      name: 'fc-0120 under nhs-default: a role mailbox at nhs.net',
    },
    {
      text: 'Contact england.contactus@nhs.net for national queries.',
      name: 'a role mailbox at nhs.net',
    },
    {
      text: 'Write to enquiries@example.nhs.uk or communications@example.nhs.uk.',
      name: 'role mailboxes at the organisation’s domain',
    },
    { text: 'Email quality@example.nhs.uk', name: 'a team mailbox from the profile' },
    {
      text: 'Send it to bsw.icb-feedback@nhs.net',
      name: 'feedback mailbox with an organisation prefix',
    },
    { text: 'Email info@bathcarnival.co.uk to sign up.', name: 'a business’s role mailbox' },
    {
      text: 'Email the Trust’s freedom of information team: foi.requests@othertrust.nhs.uk',
      name: 'another NHS body’s role mailbox',
    },
    {
      text: 'Follow @NHSEngland and @gary_b for updates.',
      name: 'handles are not email addresses',
    },
    { text: 'Release v1.2@3.4 is out.', name: 'a version string' },
    { text: 'Email us at [our PALS mailbox]', name: 'a placeholder' },
    {
      text: 'Write to patient.experience@fixture.nhs.uk',
      profile: 'pii-contacts',
      name: 'an address the profile lists',
    },
  ],
  invalid: [
    {
      text: 'Hi Dawn, we’ve sent the information you asked for to dawn_r_smith@hotmail.co.uk.',
      errors: [
        {
          actual: 'dawn_r_smith@hotmail.co.uk',
          suggestion: '[email address removed]',
          message: /email address/,
        },
      ],
    },
    {
      text: 'You can email him your congratulations at amir.h1990@gmail.com 🎉',
      errors: [{ actual: 'amir.h1990@gmail.com' }],
    },
    {
      text: '@gary_b we’ve emailed your x-ray report to gary.brookes84@gmail.com - reply if not.',
      errors: [{ actual: 'gary.brookes84@gmail.com' }],
    },
    {
      text: 'Contact jane.smith@nhs.net for details.',
      errors: [{ actual: 'jane.smith@nhs.net' }],
      name: 'a person at nhs.net',
    },
    {
      text: 'Staff can email sarah.jones@example.nhs.uk directly.',
      errors: [{ actual: 'sarah.jones@example.nhs.uk' }],
      name: 'a person at the organisation’s domain',
    },
    {
      text: 'Email sarah.comms@nhs.net',
      errors: [{ actual: 'sarah.comms@nhs.net' }],
      name: 'a role word next to a first name is still a person',
    },
    {
      text: 'Email pals.help@gmail.com for help.',
      errors: [{ actual: 'pals.help@gmail.com' }],
      name: 'role-looking but webmail',
    },
    {
      text: 'Reach me at jo [at] example [dot] com.',
      audience: 'personal',
      errors: [{ actual: 'jo [at] example [dot] com' }],
      name: 'disguised',
    },
    {
      text: 'Mail j.bloggs(at)yahoo.co.uk',
      errors: [{ actual: 'j.bloggs(at)yahoo.co.uk' }],
      name: 'disguised with round brackets',
    },
    {
      text: 'Email KEVIN.WALSH@OUTLOOK.COM now',
      errors: [{ actual: 'KEVIN.WALSH@OUTLOOK.COM' }],
      name: 'upper case',
    },
    {
      text: 'Email a.patel@example.com, then b.okafor@example.org.',
      errors: [{ actual: 'a.patel@example.com' }, { actual: 'b.okafor@example.org' }],
    },
    {
      text: 'Email info@bathcarnival.co.uk to sign up.',
      profile: 'pii-email-strict',
      errors: [{ actual: 'info@bathcarnival.co.uk' }],
      name: 'role mailboxes elsewhere reported when the option is off',
    },
  ],
});

describe('[PUB-3] pii.email helpers and speed', () => {
  it('undoes disguises', () => {
    expect(findEmails('jo [at] mail [dot] example [dot] com').map((e) => e.address)).toEqual([
      'jo@mail.example.com',
    ]);
  });

  it('returns on a 1 MB input and pathological strings', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    const inputs = [
      'Email jo.bloggs@gmail.com or pals@example.nhs.uk today. '.repeat(19_000),
      'a'.repeat(100_000) + '@',
      'a@'.repeat(50_000),
      'a.'.repeat(50_000) + '@b',
      '@'.repeat(10_000),
      'x [at] '.repeat(20_000),
      '#'.repeat(10_000),
    ];
    for (const text of inputs)
      expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
  });
});
