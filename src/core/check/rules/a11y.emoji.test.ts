import { expect, it } from 'vitest';
import rule from './a11y.emoji.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Well done to our cleaning team for their hard work during the outbreak 👏',
    'Lovely sunny walk with the dog this morning before my night shift ☀️🐕',
    {
      text: 'Off to run the Bristol 10k for our hospital charity! Sponsor link below 🏃‍♀️ All views my own.',
      audience: 'personal',
      name: 'emoji between sentences',
    },
    'Our new MRI scanner has arrived 💙 It will help us scan up to 40 more patients a week.',
    { text: 'Well done team 👩‍⚕️👨‍⚕️🧑🏽‍⚕️', name: 'ZWJ sequences and skin tones count as one each (3)' },
    {
      text: 'Happy Pride 🏳️‍🌈 from all of us 🏴󠁧󠁢󠁥󠁮󠁧󠁿🇬🇧',
      name: 'flags, including tag sequences, count as one each',
    },
    {
      text: '1️⃣ Wash your hands 2️⃣ Cover your cough 3️⃣ Stay home if unwell',
      name: 'keycaps as numbered steps',
    },
    {
      text: 'Thank you ❤️ we could not do it without you',
      name: '"you" as an object, then a new clause',
    },
    { text: 'Our nurses 💙 and doctors are here for you.', name: 'emoji before a conjunction' },
    { text: '👉 Book your jab at the link below', name: 'pointing hand as a bullet' },
    { text: '✅ the flu jab is free for over 65s', name: 'tick as a bullet' },
    { text: 'Copyright © 2025 Example NHS Trust™ ®', name: 'text symbols are not emoji' },
    {
      text: 'Call 111 or 999. Text 0 to opt out #1 #2 *',
      name: 'digits, hash and asterisk alone are not keycaps',
    },
    { text: 'Great job everyone 💙 See you next year 🎉', name: 'emoji at the ends of sentences' },
    { text: 'Too many for us 🎉🎉🎉🎉🎉', profile: 'a11y-emoji-max', name: 'max option raised' },
  ],
  invalid: [
    {
      text: 'Flu season 🤧🤒😷💉🏥👩‍⚕️👨‍⚕️✅✅✅ get your 💉 at your 🏥 this 📅!!',
      errors: [
        { actual: '💉', message: /Unexpected 13 emoji, expected 3 or fewer/ },
        { actual: '💉', suggestion: 'vaccine' },
        { actual: '🏥', suggestion: 'hospital' },
        { actual: '📅' },
      ],
    },
    { text: '👋 👉 🏥 ➡️ 💉 ✅ 😷 🙌 🎉 🎉', errors: [{ actual: '➡️', message: /10 emoji/ }] },
    {
      text: 'Great news 😀😀😀🥳🥳🥳🎊🎊🎊💙💙💙 new scanner has arrived 🙌🙌🙌',
      errors: [{ message: /15 emoji/ }],
    },
    {
      text: 'I ❤️ our nurses',
      errors: [{ actual: '❤️', message: /in place of a word/, suggestion: 'love' }],
    },
    { text: 'Get your 💉 today!', errors: [{ actual: '💉', suggestion: 'vaccine' }] },
    { text: '🏃‍♀️ to the clinic now', errors: [{ actual: '🏃‍♀️', suggestion: 'run' }] },
    { text: 'We 💙 our volunteers', errors: [{ actual: '💙' }] },
    { text: 'Head to the 🏥 if you need help', errors: [{ actual: '🏥' }] },
    {
      text: 'Too many 🎉🎉🎉🎉',
      errors: [{ message: /4 emoji/ }],
      name: 'one over the default limit',
    },
    {
      text: 'Stay safe 🇬🇧🇬🇧🇬🇧🇬🇧',
      errors: [{ actual: '🇬🇧', message: /4 emoji/ }],
      name: 'flag pairs counted as one each',
    },
    {
      text: 'Any emoji 🎉',
      profile: 'a11y-emoji-none',
      errors: [{ message: /1 emoji, expected 0 or fewer/ }],
      name: 'max option lowered',
    },
  ],
});

it('[PUB-4] a11y.emoji stays fast on long and pathological input', () => {
  const checker = createChecker(testProfile('nhs-default'), [rule]);
  const inputs = [
    '🎉'.repeat(200_000),
    '\u200D'.repeat(100_000),
    '👩\u200D'.repeat(50_000),
    'word '.repeat(200_000),
    '#'.repeat(10_000),
    '1️⃣'.repeat(50_000),
  ];
  for (const text of inputs)
    expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
});
