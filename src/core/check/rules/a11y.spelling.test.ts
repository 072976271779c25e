import { expect, it } from 'vitest';
import rule from './a11y.spelling.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Our paediatric team and the organisation as a whole recognise your hard work at the centre.',
    {
      text: 'Staff at the World Health Organization and the Kennedy Center send their thanks.',
      name: 'proper names keep their spelling',
    },
    { text: 'Learn to write a computer program in our coding club.', name: 'program for software' },
    {
      text: 'We will license the new building to the charity.',
      name: 'license as a verb is UK spelling',
    },
    { text: 'Our licensed pharmacists can help.', name: 'licensed is UK spelling' },
    { text: 'Scan of a 20-week fetus. Fetal medicine unit.', name: 'fetus is NHS spelling' },
    {
      text: 'Check the size of the prize, then seize the day. Please advise.',
      name: 'words both countries spell alike',
    },
    {
      text: 'Read more at https://example.org/color-center #ColorRun @CenterStage',
      name: 'links, hashtags and handles',
    },
    {
      text: 'Colorectal surgery and the labour ward are here.',
      name: 'longer words that start like a listed one',
    },
    { text: 'We apologise for the delay.', audience: 'personal', name: 'corporate only' },
    {
      text: 'Join our behavior change program today.',
      profile: 'a11y-spelling-allow',
      name: 'allow option',
    },
  ],
  invalid: [
    {
      text: 'Colleagues from across the organization came together to celebrate the center’s anniversary.',
      errors: [
        { actual: 'organization', suggestion: 'organisation' },
        { actual: 'center', suggestion: 'centre' },
      ],
    },
    {
      text: 'Our pediatric ward has a new color scheme.',
      errors: [
        { actual: 'pediatric', suggestion: 'paediatric' },
        { actual: 'color', suggestion: 'colour' },
      ],
    },
    {
      text: 'Color and light help patients recover.',
      errors: [{ actual: 'Color', suggestion: 'Colour' }],
      name: 'capital at the start of a sentence keeps its case',
    },
    {
      text: 'We recognize the work of our staff and apologize for delays.',
      errors: [{ suggestion: 'recognise' }, { suggestion: 'apologise' }],
    },
    {
      text: 'A new program of events for carers.',
      errors: [{ actual: 'program', suggestion: 'programme' }],
    },
    {
      text: 'Bring your driving license to the appointment.',
      errors: [{ actual: 'license', suggestion: 'licence' }],
    },
    {
      text: 'Symptoms include diarrhea and anemia.',
      errors: [{ suggestion: 'diarrhoea' }, { suggestion: 'anaemia' }],
    },
    {
      text: 'Our gynecology and orthopedic teams traveled to the conference.',
      errors: [
        { suggestion: 'gynaecology' },
        { suggestion: 'orthopaedic' },
        { suggestion: 'travelled' },
      ],
    },
    {
      text: 'Your favorite nurses! Behavior matters.',
      errors: [{ suggestion: 'favourite' }, { actual: 'Behavior', suggestion: 'Behaviour' }],
    },
    {
      text: 'URGENT: COLOR CODED WRISTBANDS',
      errors: [{ actual: 'COLOR', suggestion: 'COLOUR' }],
      name: 'capitals keep their case',
    },
  ],
});

it('[PUB-4] a11y.spelling stays fast on long and pathological input', () => {
  const checker = createChecker(testProfile('nhs-default'), [rule]);
  const inputs = [
    'The color of the center. '.repeat(40_000),
    'a'.repeat(1_000_000),
    '#'.repeat(10_000),
    '1'.repeat(100_000),
  ];
  for (const text of inputs)
    expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
});
