import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';
import rule from './political.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'Our labour ward has two new birthing pools. '.repeat(24000);

ruleTester(rule, {
  valid: [
    'Election day: polling stations are open 7am to 10pm. Remember to bring photo ID.',
    'Our Christmas party raised £500 for the hospital charity.',
    'We share data with a third party only where the law allows.',
    'Our labour ward has two new birthing pools.',
    'Labour and birth: what to expect at our unit.',
    'What to expect in Labour: our midwives explain.',
    'Early Labour: when to call the maternity unit.',
    'Labour ward tours are back every Tuesday.',
    'Conservative treatment, such as physiotherapy, is usually tried first.',
    'Enjoy our green space this summer. Eat your greens!',
    'We are consulting on the reform of services in the north of the county.',
    'Apply a liberal use of sunscreen.',
    { text: 'Vote for our nurse Sarah in the Nursing Times Awards!', name: 'voting in an award' },
    'Welcome to the Health Secretary, who visited our new diagnostic centre today.',
    'The government has announced funding for two new scanners at our hospital.',
    {
      text: 'Register to vote by 17 April so you can vote in the general election.',
      name: 'civic information',
    },
    {
      text: 'New scanner announced today!',
      publishAt: '2029-03-01T10:00:00Z',
      profile: 'political-periods',
      name: 'an announcement outside any restricted period',
    },
    {
      text: 'Our flu clinics are open this weekend.',
      publishAt: '2029-04-25T10:00:00Z',
      profile: 'political-periods',
      name: 'routine service information in a pre-election period',
    },
    {
      text: 'Polling stations are open until 10pm. Bring photo ID.',
      publishAt: '2029-05-02T10:00:00Z',
      profile: 'political-periods',
      name: 'civic information in a pre-election period',
    },
    {
      text: 'Our new unit opens today.',
      publishAt: '2029-07-01T10:00:00Z',
      profile: 'political-periods',
      name: 'an embargo that needs an approver is left to the approval workflow',
    },
    {
      text: 'We are pleased to announce a new service.',
      profile: 'political-periods',
      name: 'no publishAt: not scheduled',
    },
    {
      text: 'Nice day.',
      publishAt: 'not a date',
      profile: 'political-periods',
      name: 'an invalid publishAt is ignored',
    },
    {
      text: 'Our annual report is out now.',
      publishAt: '2029-06-12T23:30:00Z',
      profile: 'political-periods',
      name: '23:30 UTC on the last day is already the next day in London',
    },
    { text: big, name: '1 MB text' },
    {
      text: 'The Health Secretary opened our new stroke ward today and met staff and patients.',
      name: 'a minister’s visit, reported neutrally',
    },
    {
      text: 'Ministers have announced new funding for children’s mental health services.',
      name: 'a funding announcement',
    },
    'Thank you to our local MP for visiting the renal unit.',
    { text: 'Our charity is standing up for unpaid carers this week.', name: 'no politician' },
    { text: 'The storm destroyed our garden, but volunteers rebuilt it.', name: 'no politician' },
    {
      text: 'Polling day is Thursday. Remember to bring photo ID to the polling station.',
      name: 'civic information',
    },
    { text: 'Our green space is open to staff. The Green team meets on Fridays.', name: 'green' },
    {
      text: 'Labour can feel like a mess at times, but our midwives are brilliant.',
      audience: 'personal',
      name: 'labour as childbirth, with criticism',
    },
    {
      text: 'Reform of the referral system will ruin GP access, say patients.',
      name: 'reform as a change, not the party',
    },
  ],
  invalid: [
    {
      text: 'Ten years of Tory cuts have left our A&E on its knees. Vote for change on 4 July.',
      errors: [{ actual: 'Tory' }, { actual: 'Vote for change', message: /campaigning/ }],
    },
    {
      text: 'Only one party has a real plan for the NHS. Make sure you vote Labour next Thursday. #GeneralElection',
      errors: [{ actual: 'Only one party' }, { actual: 'vote Labour' }],
    },
    {
      text: 'Sign the Save Our Hospital petition and join the march against the government’s cuts on Saturday! The minister must go.',
      errors: [
        { actual: 'march against' },
        { actual: 'the government’s cuts' },
        { actual: 'minister must go' },
      ],
    },
    {
      text: 'Can’t believe how the Conservatives have wrecked our NHS. Don’t let them back in. (All views my own.)',
      audience: 'personal',
      errors: [
        { actual: 'Conservatives', message: /political party/ },
        { actual: 'wrecked our NHS' },
        { actual: 'Don’t let them back in' },
      ],
    },
    {
      text: 'Reform UK would scrap the NHS as we know it.',
      audience: 'personal',
      errors: [{ actual: 'Reform UK' }],
    },
    { text: 'Vote Green!', audience: 'personal', errors: [{ actual: 'Vote Green' }] },
    {
      text: 'Labour’s plan for the NHS is a joke.',
      errors: [{ actual: 'Labour’s' }, { actual: 'a joke', message: /party-political comment/ }],
    },
    { text: 'Our Lib Dem councillor opened the fete.', errors: [{ actual: 'Lib Dem' }] },
    {
      text: 'We’re pleased to announce £2m of new investment in our A&E.',
      publishAt: '2029-04-25T10:00:00+01:00',
      profile: 'political-periods',
      errors: [{ actual: 'announce', message: /General election 2029/ }],
      name: 'an announcement in a pre-election period',
    },
    {
      text: 'Our annual report is out now.',
      publishAt: '2029-06-11T09:00:00Z',
      profile: 'political-periods',
      errors: [{ actual: '', message: /Annual report embargo/ }],
      name: 'any post in a blocking embargo',
    },
    {
      text: 'Our annual report is out now.',
      publishAt: '2029-06-09T23:30:00Z',
      profile: 'political-periods',
      errors: [{ message: /Annual report embargo/ }],
      name: 'the London date decides: 23:30 UTC the day before is 00:30 on the first day',
    },
    {
      text: 'Keir Starmer is the only leader who can save our NHS.',
      audience: 'personal',
      errors: [{ actual: 'Keir Starmer' }, { actual: 'the only leader' }],
      name: 'praise of a party leader',
    },
    {
      text: 'The Prime Minister has let patients down. Time for a change.',
      errors: [{ actual: 'let patients down' }, { actual: 'Time for a change' }],
      name: 'blame of the government, then a call for change',
    },
    {
      text: 'Our MP has been brilliant for this town. Re-elect him on Thursday!',
      audience: 'personal',
      errors: [{ actual: 'Re-elect' }],
    },
    {
      text: 'Join the protest outside Downing Street on Saturday to save our services.',
      errors: [{ message: /campaigning against the government/ }],
    },
    {
      text: 'Proud to be out canvassing for our Green candidate tonight.',
      audience: 'personal',
      errors: [{ actual: 'out canvassing' }, { actual: 'Green' }],
    },
    {
      text: 'Reform will ruin the NHS. Do not vote for them.',
      audience: 'personal',
      errors: [{ actual: 'Reform' }, { actual: 'will ruin' }, { actual: 'Do not vote for them' }],
      name: 'a party word at the start of a sentence that blames it',
    },
    {
      text: 'The Chancellor’s budget is a disaster for nurses.',
      errors: [{ actual: 'a disaster' }],
      name: 'blame of a minister',
    },
  ],
});

describe('[PUB-3] political on huge inputs with many matches', () => {
  it('returns', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    for (const text of [
      'The government has failed. Shame on them. '.repeat(25_000),
      'Reform will ruin it. '.repeat(40_000),
    ])
      for (const audience of ['corporate', 'personal'] as const)
        expect(Array.isArray(checker.check(toDraft({ text, audience })).findings)).toBe(true);
  });
});
