import { expect, it } from 'vitest';
import rule from './a11y.hashtag_case.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Our flu clinics are open this weekend. #FluJab',
    'It is #WorldMentalHealthDay. Reach out to someone today.',
    { text: 'Thank you to our #volunteers and #nurses', name: 'single words pass' },
    { text: 'Book now #flu #NHS #covid19 #COVID19', name: 'single words with numbers pass' },
    { text: 'Celebrating 75 years #NHS75 #ICU #A4E', name: 'capital acronyms pass' },
    {
      text: 'Quit for good this #Stoptober and #Movember #Veganuary',
      name: 'coined campaign words that do not split into dictionary words',
    },
    {
      text: 'Our #teamwork and #wellbeing and #breastfeeding support',
      name: 'compound words that are one dictionary word',
    },
    {
      text: 'Thanks to our #paramedics and #outpatients team',
      name: 'plurals of dictionary words',
    },
    {
      text: 'Proud of #teamPortsmouth and #Portsmouth and #Manchester',
      name: 'a lone capitalised place name that happens to split in two',
    },
    { text: '#fluJab #flu_jab #Flu_Jab', name: 'camelCase and underscores mark the words' },
    {
      text: 'Read more at https://example.nhs.uk/news#latestnews or example.com/page#flujabsaveslives',
      name: 'URL fragments are not hashtags',
    },
    { text: 'Use &#35; or issue#123 or C#', name: 'entities, references and C#' },
    {
      text: 'Join our #HillingdonHospitals family',
      profile: 'dev-set',
      name: 'organisation name in camelCase',
    },
    { text: 'We are #parkrun fans', name: 'brand names written in lower case on purpose' },
    { text: 'Support #Stoptober2025 now', name: 'campaign name with a year' },
    { text: '#allowedtag is fine', profile: 'a11y-hashtag-allow', name: 'the allow option' },
    { text: 'Hashtags: # # ## #!', name: 'bare hash signs' },
    {
      text: '#bandage #bearable #inexpensive #isolate #perimenopause',
      name: 'single words the dictionary lacks, which split into a prefix or suffix',
    },
  ],
  invalid: [
    {
      text: "It's #worldmentalhealthday. Reach out to someone today.",
      errors: [
        {
          actual: '#worldmentalhealthday',
          suggestion: '#WorldMentalHealthDay',
          message: /screen readers/,
        },
      ],
    },
    {
      text: 'Join us for #dryjanuary and #stoptober support sessions.',
      errors: [{ actual: '#dryjanuary', suggestion: '#DryJanuary' }],
    },
    {
      text: 'Big thanks to everyone who came to our #carersweek event and our #volunteersweek celebration!',
      errors: [{ suggestion: '#CarersWeek' }, { suggestion: '#VolunteersWeek' }],
    },
    { text: 'Get boosted #flujabsaveslives', errors: [{ suggestion: '#FluJabSavesLives' }] },
    {
      text: 'Say thanks #thankyounhs',
      errors: [{ suggestion: '#ThankYouNHS' }],
      name: 'acronyms in capitals in the suggestion',
    },
    {
      text: '#NHSthankyou to all',
      errors: [{ suggestion: '#NHSThankYou' }],
      name: 'acronym followed by run-together words',
    },
    {
      text: 'Protect yourself #FluJabsavelives',
      errors: [{ suggestion: '#FluJabSaveLives' }],
      name: 'partly cased tag',
    },
    {
      text: 'Winter is here #flujab2024',
      errors: [{ suggestion: '#FluJab2024' }],
      name: 'digits keep their place',
    },
    {
      text: 'Clean hands save lives #handhygiene',
      errors: [{ actual: '#handhygiene', suggestion: '#HandHygiene' }],
    },
    { text: 'Proud to be #iamnhs', errors: [{ suggestion: '#IAmNHS' }] },
    {
      text: 'Stay safe #Stayhomesavelives',
      errors: [{ suggestion: '#StayHomeSaveLives' }],
      name: 'a lone capitalised tag of three or more words',
    },
    {
      text: 'Shouting #WORLDMENTALHEALTHDAY',
      errors: [{ suggestion: '#WorldMentalHealthDay' }],
      name: 'long capitals that are words',
    },
    {
      text: 'Proud of #hillingdonhospitals',
      profile: 'dev-set',
      errors: [{ suggestion: '#HillingdonHospitals' }],
      name: 'profile names are dictionary words',
    },
  ],
});

it('[PUB-4] a11y.hashtag_case stays fast on long and pathological input', () => {
  const checker = createChecker(testProfile('nhs-default'), [rule]);
  const inputs = [
    '#'.repeat(10_000),
    ('#' + 'a'.repeat(200) + ' ').repeat(500),
    '#flujabsaveslives '.repeat(60_000),
    'word '.repeat(200_000),
    '#' + 'ab'.repeat(50_000),
    '1'.repeat(100_000),
  ];
  for (const text of inputs)
    expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
});
