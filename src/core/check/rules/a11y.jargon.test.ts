import { expect, it } from 'vitest';
import rule from './a11y.jargon.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Our integrated care board (the NHS organisation that plans health services in our area) is asking for your views on GP services.',
    'Our same day emergency care unit (SDEC) means many patients can be assessed, treated and go home on the same day, without being admitted.',
    'Contact PALS, your GP or A&E. Our NHS teams and the BBC covered COVID in the UK.',
    {
      text: 'The PCN (a group of GP practices working together) runs extra evening appointments.',
      name: 'explained in brackets after the abbreviation',
    },
    {
      text: 'Our urgent treatment centre is open 24 hours. The UTC is next to the main entrance.',
      name: 'expansion earlier in the text',
    },
    {
      text: 'Ask about the additional roles reimbursement scheme (ARRS) at your practice.',
      name: 'bracketed after its expansion',
    },
    {
      text: 'Ask about the Getting It Right First Time (GIRFT) programme.',
      name: 'spelled out before brackets, whatever the case',
    },
    {
      text: 'ICB stands for the NHS body that plans health services in our area.',
      name: '"stands for" explains it',
    },
    {
      text: 'Ed and the team say hello. Send us a message and we will reply.',
      name: 'names and ordinary words that look like abbreviations',
    },
    { text: 'PLEASE SEND US YOUR STORIES for our magazine.', name: 'SEND as a verb in capitals' },
    { text: 'New research into DNA testing for rare diseases.', name: 'DNA the molecule' },
    {
      text: 'Our genetics clinic offers DNA tests to families.',
      name: 'DNA the molecule, near a clinic',
    },
    {
      text: 'Our net zero plan cuts our carbon footprint.',
      name: 'footprint outside NHS system talk',
    },
    {
      text: 'Follow us for updates from the South Tyneside CCG medicines optimisation team.',
      profile: 'dev-set',
      name: 'the organisation name contains an abbreviation',
    },
    {
      text: 'Latest advice from UKHSA and the CQC.',
      name: 'partner names and aliases from the profile',
    },
    {
      text: 'Read more at https://www.example.nhs.uk/ICB/RTT #ICBnews @ICB_updates',
      name: 'links, hashtags and handles',
    },
    {
      text: "Interesting to see the ICB's new plan for GP access published today.",
      audience: 'personal',
      name: 'personal accounts are not held to house style',
    },
    { text: 'We utilise the ABC service.', profile: 'a11y-jargon-allow', name: 'allow option' },
    {
      text: 'The Example Integrated Care Board meets in public on Tuesday.',
      name: 'jargon words inside a proper name',
    },
    {
      text: 'Book a check at our Los Angeles and Des Moines offices.',
      name: 'capitalised words are not capital abbreviations',
    },
  ],
  invalid: [
    {
      text: 'Our RTT performance improved this month and DTOCs are down thanks to the MDT work on the AMU.',
      errors: [
        { actual: 'RTT', suggestion: 'referral to treatment' },
        { actual: 'DTOCs', suggestion: 'delayed transfer of care' },
        { actual: 'MDT', suggestion: 'multidisciplinary team' },
        { actual: 'AMU', suggestion: 'acute medical unit' },
      ],
    },
    {
      text: "The ICB's QIPP programme and the PCN DES are key to delivering the UEC recovery plan across our ICS footprint.",
      errors: [
        {
          actual: "ICB's",
          message:
            /Unexpected abbreviation "ICB's" without an explanation, expected it spelt out: "integrated care board"/,
        },
        { actual: 'QIPP' },
        { actual: 'PCN' },
        { actual: 'DES' },
        { actual: 'UEC' },
        { actual: 'ICS' },
      ],
    },
    {
      text: 'The SDEC and the ambulatory care pathway now support same-day NEWS2 assessment and CGA for frail patients.',
      errors: [
        { actual: 'SDEC' },
        { actual: 'ambulatory care pathway', suggestion: 'the steps in your care' },
        { actual: 'NEWS2' },
        { actual: 'CGA' },
      ],
    },
    {
      text: 'Going forward, we will utilise new rotas in order to improve care.',
      errors: [
        { actual: 'Going forward' },
        { actual: 'utilise', suggestion: 'use' },
        { actual: 'in order to', suggestion: 'to' },
      ],
    },
    {
      text: 'We will leverage our stakeholders to facilitate discharge to assess.',
      errors: [
        { actual: 'leverage' },
        { actual: 'stakeholders' },
        { actual: 'facilitate', suggestion: 'help' },
        { actual: 'discharge to assess' },
      ],
    },
    {
      text: 'Our DNA rate for outpatient appointments has fallen.',
      errors: [{ actual: 'DNA', suggestion: 'did not attend' }],
      name: 'DNA for missed appointments',
    },
    {
      text: 'Our DNA rate has fallen again this year.',
      errors: [{ actual: 'DNA' }],
      name: 'DNA rate',
    },
    {
      text: 'Support for children with SEND is changing.',
      errors: [{ actual: 'SEND', suggestion: 'special educational needs and disabilities' }],
    },
    {
      text: 'Visit the ED if it is serious. The ED is busy.',
      errors: [{ actual: 'ED' }],
      name: 'one finding per abbreviation',
    },
    {
      text: 'Meet the team at the ABC.',
      profile: 'a11y-jargon-lexicon',
      errors: [{ actual: 'ABC', suggestion: 'Ambulance Base Centre' }],
      name: 'profile lexicon abbreviations',
    },
    {
      text: 'Notwithstanding the considerable operational pressures currently being experienced across the ICS, the organisation remains fundamentally committed to the progressive optimisation of elective pathways, contingent upon the sustained availability of appropriately configured workforce capacity.',
      errors: [{ actual: 'ICS' }],
      name: 'in a text over the reading age, only abbreviations (a11y.reading_age covers the wording)',
    },
    {
      text: 'Notwithstanding the considerable operational pressures currently being experienced across the system, the organisation remains fundamentally committed to the progressive optimisation of elective pathways.',
      profile: 'a11y-jargon-no-reading-age',
      errors: [{ actual: 'Notwithstanding' }, { actual: 'elective pathways' }],
      name: 'with a11y.reading_age off, wording is reported here',
    },
  ],
});

it('[PUB-4] a11y.jargon stays fast on long and pathological input', () => {
  const checker = createChecker(testProfile('nhs-default'), [rule]);
  const inputs = [
    'The ICB and PCN utilise MDT going forward. '.repeat(25_000),
    'ICB'.repeat(100_000),
    '('.repeat(100_000),
    'ICB ('.repeat(50_000),
    '#'.repeat(10_000),
    '1'.repeat(100_000),
    'in order '.repeat(100_000),
  ];
  for (const text of inputs)
    expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
});
