import { expect, it } from 'vitest';
import rule from './a11y.reading_age.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

const HARD =
  'Notwithstanding the considerable operational pressures currently being experienced across the integrated care system, the organisation remains fundamentally committed to the progressive optimisation of elective pathways, contingent upon the sustained availability of appropriately configured workforce capacity.';

ruleTester(rule, {
  valid: [
    'We want to hear what you think about community physiotherapy. Fill in our short survey by 30 June. It takes about 5 minutes.',
    "We're delighted to announce that our maternity unit has been rated outstanding by the Care Quality Commission following its latest inspection.",
    'Congratulations to Amir Hussain, our Volunteer of the Year, for five years of helping patients find their way around the hospital 🎉',
    'Scunthorpe, Penistone and Middlesex all sent teams to our regional quality improvement day. Thank you for coming!',
    {
      text: 'Notwithstanding considerable operational complexity.',
      name: 'too short to judge (under 12 words)',
    },
    {
      text: 'Colleagues from across the organisation came together to celebrate the centre’s anniversary.',
      name: 'a short post with a few long everyday words',
    },
    {
      text: 'Read more: https://www.example.nhs.uk/services/physiotherapy-musculoskeletal-rehabilitation-information #PhysiotherapyAwarenessWeek @ExampleNHSPhysiotherapy Book online today and bring your letter.',
      name: 'links, hashtags and handles are not counted',
    },
    { text: HARD, audience: 'personal', name: 'personal accounts are not held to house style' },
    { text: HARD, profile: 'a11y-reading-age-lenient', name: 'a larger margin' },
    {
      text: 'If you have symptoms of norovirus, such as sudden vomiting and diarrhoea, please stay away from our wards until you have been symptom-free for 48 hours.',
      name: 'a long sentence of everyday medical words',
    },
  ],
  invalid: [
    {
      text: HARD,
      errors: [
        {
          actual: HARD,
          message: /reading age of over 18 \(university level\), expected 11 or under/,
        },
      ],
    },
    {
      text: 'In accordance with the aforementioned strategic commissioning intentions, stakeholders are invited to participate in a comprehensive consultation exercise, the outcomes of which will inform the reconfiguration of community-based musculoskeletal provision across the locality.',
      errors: [{ message: /reading age/ }],
    },
    {
      text: 'Following a comprehensive review of service provision, the trust board has approved the reconfiguration of stroke rehabilitation services. Individuals experiencing symptoms consistent with respiratory infection are requested to refrain from visiting inpatient areas until asymptomatic.',
      errors: [
        {
          actual:
            'Individuals experiencing symptoms consistent with respiratory infection are requested to refrain from visiting inpatient areas until asymptomatic.',
        },
      ],
      name: 'the hardest sentence is reported',
    },
    {
      text: 'The organisation is committed to the implementation of a comprehensive programme of quality improvement initiatives across all clinical directorates.',
      errors: [{ message: /reading age/ }],
    },
    {
      text: 'Our new leaflet explains what happens at your appointment and who you will see when you arrive at the clinic.',
      profile: 'a11y-reading-age-strict',
      errors: [{ message: /expected 9 or under/ }],
      name: 'a lower profile reading age and no margin',
    },
  ],
});

it('[PUB-4] a11y.reading_age stays fast on long and pathological input', () => {
  const checker = createChecker(testProfile('nhs-default'), [rule]);
  const inputs = [
    (HARD + ' ').repeat(3_500),
    'a'.repeat(1_000_000),
    '1'.repeat(100_000),
    '#'.repeat(10_000),
    '.!?'.repeat(100_000),
    'Dr. '.repeat(100_000),
    'https://'.repeat(50_000),
    '@a.b'.repeat(100_000),
  ];
  for (const text of inputs)
    expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
});
