import { expect, it } from 'vitest';
import rule from './brand.credit.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    { text: 'Our new ward opens today. Photo: Example NHS Trust', name: 'the organisation itself' },
    {
      text: 'Video by our communications team. Filmed by the Example NHS comms team.',
      name: 'the organisation’s own teams',
    },
    { text: '© Example NHS Trust 2025', name: 'copyright of the organisation' },
    {
      text: 'Image courtesy of NHS England. Photo credit: UKHSA',
      name: 'partners and their aliases',
    },
    {
      text: 'Produced by NHS Blood and Transplant and the local council.',
      name: 'NHS and public bodies',
    },
    {
      text: 'Thanks to our staff for the photos, and thank you to Jane Smith for the lovely pictures.',
      name: 'thanks are not a credit line',
    },
    {
      text: 'A poem written by Mary Jones, a patient on Ward 4, shared with her permission.',
      name: 'a personal story shared with permission',
    },
    {
      text: 'Photo: Sister Mary O’Connor cutting her retirement cake with colleagues.',
      name: 'a caption after "Photo:", not a credit',
    },
    { text: '📸 Jane and Tom at the opening of the new ward.', name: 'camera emoji as a caption' },
    {
      text: 'Designed by patients, for patients: our new garden is open.',
      name: 'a description of who designed a service',
    },
    {
      text: 'Leaflets written by our pharmacy team explain your medicines.',
      name: 'a team, no person named',
    },
    {
      text: 'Resources created by Mind and Macmillan are on our website.',
      name: 'a one-word name is too often an organisation',
    },
    {
      text: 'Photo by Jane Smith',
      audience: 'personal',
      name: 'personal accounts may credit anyone',
    },
    {
      text: 'Photos by Bright Spark Media Ltd',
      profile: 'brand-credit-allow',
      name: 'allow option',
    },
    { text: 'We are applying copyright law to our materials.', name: 'copyright as a word' },
  ],
  invalid: [
    {
      text: 'Our new maternity film. Video by Jane Smith.',
      errors: [{ actual: 'Video by Jane Smith', message: /credit to "Jane Smith"/ }],
    },
    {
      text: 'Photo credit: @janesmithphoto',
      errors: [{ actual: 'Photo credit: @janesmithphoto' }],
    },
    {
      text: 'Produced by Bright Spark Media Ltd for the Trust.',
      errors: [{ actual: 'Produced by Bright Spark Media Ltd' }],
    },
    { text: 'Filmed by XYZ Productions.', errors: [{ actual: 'Filmed by XYZ Productions' }] },
    {
      text: 'Written by our comms officer Dave.',
      errors: [{ actual: 'Written by our comms officer Dave' }],
    },
    { text: 'Our new video! © 2025 Acme Films', errors: [{ actual: '© 2025 Acme Films' }] },
    { text: 'Meet the team 📸: @lensandlight', errors: [{ actual: '📸: @lensandlight' }] },
    {
      text: 'Meet the team 📸 @lensandlight',
      errors: [{ actual: '📸 @lensandlight' }],
      name: 'camera emoji and a handle',
    },
    {
      text: 'Welcome to our new unit.\nPhoto: Jane Smith',
      errors: [{ actual: 'Photo: Jane Smith' }],
      name: 'a name alone after "Photo:"',
    },
    {
      text: 'Edited and produced by Dr Sam Patel',
      errors: [{ actual: 'Edited and produced by Dr Sam Patel' }],
    },
    {
      text: 'Images courtesy of Sunny Day Photography',
      errors: [{ actual: 'Images courtesy of Sunny Day Photography' }],
    },
  ],
});

it('[PUB-9] brand.credit stays fast on long and pathological input', () => {
  const checker = createChecker(testProfile('nhs-default'), [rule]);
  const inputs = [
    'Photo by '.repeat(100_000),
    '©'.repeat(100_000),
    '📸'.repeat(100_000),
    'Jane Smith '.repeat(90_000),
    '#'.repeat(10_000),
    '1'.repeat(100_000),
  ];
  for (const text of inputs)
    expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
});
