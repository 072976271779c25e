import rule from './personal.disclaimer.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'Lovely walk with the dog this morning. '.repeat(27000);
const p = (text: string, name?: string) => ({
  text,
  audience: 'personal' as const,
  ...(name ? { name } : {}),
});

ruleTester(rule, {
  valid: [
    p('Proud to have been part of the team that opened our new stroke unit today. Views my own.'),
    p(
      'Lovely sunny walk with the dog this morning before my night shift ☀️🐕',
      'a shift is not the organisation',
    ),
    p('Night shift done, time for bed!'),
    p('Off to the gym'),
    p('Nurse by day, baker by night. New sourdough recipe up on the blog 🍞', 'a job title alone'),
    p('Third time this month my manager has refused my leave request. (Views my own.)'),
    p('Had a great day at our hospital’s research open day. Views are my own.'),
    p(
      'Loved presenting our falls prevention work at the regional conference today. Thoughts here are my own, not my employer’s.',
    ),
    p('Off to run the Bristol 10k for our hospital charity! All views my own.'),
    p('Great day at my trust. Opinions expressed here are entirely my own.', 'a looser disclaimer'),
    p('Our ward is the best. RTs ≠ endorsements', 'RTs are not endorsements'),
    p(
      'Pain management clinic was really helpful for my back.',
      'pain management is not the management',
    ),
    p('The management of type 2 diabetes has changed a lot.'),
    p('Visiting my nan at Southmead Hospital today.', 'a hospital as a visitor'),
    p('Christmas chaos at home with the kids!'),
    {
      text: 'Great to see the new centre open at my trust.',
      name: 'corporate drafts are not checked',
    },
    p(
      'My manager let me swap shifts so I can go to my sister’s wedding!',
      'a manager is not the organisation',
    ),
    p(
      'Long day on the ward with my patients. Tired but happy.',
      'the ward and its patients are not the organisation',
    ),
    p(
      'Working at Glastonbury Festival this weekend as a first aider!',
      'a named place that is not a health body',
    ),
    p(
      'Still no answer about my banding. Nobody at work seems to care.',
      'work, not the organisation',
    ),
    p(big, '1 MB text'),
  ],
  invalid: [
    {
      ...p(
        'Working at the Royal United Hospital is chaos right now, the new rota system is a total mess.',
      ),
      errors: [{ actual: 'Working at the Royal United Hospital' }],
    },
    {
      ...p(
        'Great to see the new community diagnostic centre open at my trust this week, a real boost for local patients.',
      ),
      errors: [
        {
          actual: 'my trust',
          suggestion:
            'Great to see the new community diagnostic centre open at my trust this week, a real boost for local patients. Views my own.',
        },
      ],
    },
    {
      ...p('Shout out to everyone at Sheffield CCG for a brilliant away day!'),
      profile: 'dev-set',
      errors: [{ actual: 'Sheffield CCG' }],
      name: 'the organisation by a profile name variant',
    },
    {
      ...p('Six years qualified and still being told by management to just get on with it.'),
      errors: [{ actual: 'by management' }],
    },
    {
      ...p(
        'Interesting to see the ICB’s new plan for GP access published today. Lots in there for our practice to think about.',
      ),
      errors: [{ actual: 'the ICB’s' }],
    },
    {
      ...p('Honestly our trust management couldn’t organise a p*ss-up in a brewery.'),
      errors: [{ actual: 'our trust' }],
    },
    {
      ...p('Just had a chat with the chief exec about the new hub.'),
      errors: [{ actual: 'the chief exec' }],
    },
    {
      ...p('Proud to work at Great Western Hospital 💙'),
      errors: [{ actual: 'to work at Great Western Hospital' }],
    },
    { ...p('I work for Example NHS Trust and I love it.'), errors: [{ message: /disclaimer/ }] },
    {
      ...p('My new placement at Riverside Health Centre starts on Monday!'),
      errors: [{ actual: 'My new placement at Riverside Health Centre' }],
      name: 'a named health body',
    },
    {
      ...p('Our CEO says the new wing will open next year.'),
      errors: [{ actual: 'Our CEO' }],
      name: 'the chief executive speaks for the organisation',
    },
  ],
});
