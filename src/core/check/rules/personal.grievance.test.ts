import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';
import rule from './personal.grievance.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'Exhausted after a long shift but so proud of my team. '.repeat(20000);
const p = (text: string, name?: string) => ({
  text,
  audience: 'personal' as const,
  ...(name ? { name } : {}),
});

ruleTester(rule, {
  valid: [
    p('Night shift done, time for bed!', 'tiredness is not a grievance'),
    p('Exhausted after a long shift but so proud of my team.'),
    p('My manager is amazing, thank you for supporting my leave request!'),
    p('Our new ward manager is brilliant.'),
    p('Huge thanks to management for the new staff room.'),
    p('The rota for the charity bake sale is up, sign up!'),
    p('Christmas chaos at home with the kids, what a mess!'),
    p('Rubbish weather for the walk to work today.'),
    p('Proud to have been part of the team that opened our new stroke unit today. Views my own.'),
    p('Great to see the new community diagnostic centre open at my trust this week.'),
    p('Busy shift in ED tonight but we got everyone seen. Proud of this team.'),
    { text: 'Management don’t care about us at all.', name: 'corporate drafts are not checked' },
    p('Still not used to night shifts! Send coffee.', 'getting used to shifts is not a grievance'),
    p('Got paid today, treating myself to a takeaway.'),
    p('Lost my badge at work today, what a day.'),
    p('Still waiting for the kettle in the staff room to boil 😂', 'a joke about a kettle'),
    p('My banding review was approved, so happy!'),
    p(
      'Brilliant news at work today: the new staff room opens next week. Nobody can wait!',
      'good news at work',
    ),
    p(
      'No answer from the council about my bins. Work was lovely though.',
      'a complaint about something other than work',
    ),
    p('Loved my break today in the hospital garden, lovely sunshine.'),
    p('Great shift today, no drama at all!', 'a good shift'),
    p('Had a day off so took the kids to the beach.'),
    p('Nobody makes a brew like my mum.', '"nobody" with no workplace'),
    p('Off nights for a week now! Time for a lie-in.'),
    p('Five nights in a row done, now sleep!', 'nights in a row with no complaint'),
    p(big, '1 MB text'),
  ],
  invalid: [
    {
      ...p(
        'Working at the Royal United Hospital is chaos right now, the new rota system is a total mess.',
      ),
      errors: [{ actual: 'rota system is a total mess' }],
    },
    {
      ...p(
        'Third time this month my manager has refused my leave request while approving everyone else’s. Favouritism is alive and well on our ward. (Views my own.)',
      ),
      errors: [{ actual: 'refused my leave' }, { actual: 'Favouritism is alive' }],
    },
    {
      ...p(
        'Honestly our trust management couldn’t organise a p*ss-up in a brewery. Another week of no beds.',
      ),
      errors: [{ actual: 'couldn’t organise a p*ss-up in a brewery' }],
    },
    {
      ...p(
        'Six years qualified and still being told by management to ‘just get on with it’ while we’re three nurses short every night. Something has to give.',
      ),
      errors: [{ actual: 'management to ‘just get on with it' }],
    },
    {
      ...p('Management don’t care about us at all.'),
      errors: [{ actual: 'Management don’t care' }],
    },
    { ...p('My boss is useless and HR never listen.'), errors: [{ actual: 'boss is useless' }] },
    { ...p('Another unpaid shift. Love it.'), errors: [{ actual: 'Another unpaid shift' }] },
    {
      ...p('Six months and still no pay rise. Management are a joke.'),
      errors: [{ actual: 'no pay rise' }, { actual: 'Management are a joke' }],
    },
    {
      ...p('HR have ignored my emails for 3 weeks. Unbelievable.'),
      errors: [{ actual: 'HR have ignored' }],
    },
    {
      ...p('Bullied by my ward manager for months and nobody cares.'),
      errors: [{ message: /grievance/ }],
    },
    { ...p('The trust treats us like dirt.'), errors: [{ actual: 'treats us like dirt' }] },
    {
      ...p('Six weeks and HR still haven’t sorted my back pay.'),
      errors: [{ actual: 'HR still haven’t sorted' }],
      name: 'pay not sorted',
    },
    {
      ...p('Did four extra shifts over Easter and they still haven’t been paid. Views my own.'),
      errors: [{ message: /grievance/ }],
      name: 'unpaid shifts, even with a disclaimer',
    },
    {
      ...p('Applied for my regrading in January. Still no decision and nobody cares.'),
      errors: [{ actual: 'Still no decision' }],
      name: 'the target in one sentence and the complaint in the next',
    },
    {
      ...p('Worked through my break again because we were two nurses down.'),
      errors: [{ message: /grievance/ }],
      name: 'no breaks, short staffed',
    },
    {
      ...p('Staff parking now costs £8 a day. Absolute joke.'),
      errors: [{ actual: 'Absolute joke' }],
      name: 'staff parking charges',
    },
    {
      ...p('Put in for two days off at Christmas and was told no. Again.'),
      errors: [{ actual: 'days off at Christmas and was told no' }],
      name: 'leave refused',
    },
    {
      ...p('Third late shift this week with no break. I give up.'),
      errors: [{ message: /grievance/ }],
      name: 'no breaks on shift',
    },
    {
      ...p('Two nurses down on nights all month and nobody on the top floor cares.'),
      errors: [{ message: /grievance/ }],
      name: 'short staffed and nobody cares',
    },
    {
      ...p('They have cut our breaks again and still expect a smile.'),
      errors: [{ actual: 'cut our breaks' }],
    },
    {
      ...p('Been paid wrong since April. Payroll don’t even reply to my emails.'),
      errors: [{ message: /grievance/ }],
    },
    {
      ...p('Got overlooked for the band 6 post again for someone with half my experience.'),
      errors: [{ message: /grievance/ }],
    },
  ],
});

describe('[PUB-3] personal.grievance on huge inputs with many matches', () => {
  it('returns', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    for (const text of [
      'My manager is useless. Nobody cares. '.repeat(30_000),
      'nobody '.repeat(100_000),
    ])
      for (const audience of ['corporate', 'personal'] as const)
        expect(Array.isArray(checker.check(toDraft({ text, audience })).findings)).toBe(true);
  });
});
