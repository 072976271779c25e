import { describe, expect, it } from 'vitest';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';
import rule from './endorsement.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'Thank you to our partners at Wiltshire Council for their support. '.repeat(16000);

ruleTester(rule, {
  valid: [
    'Thank you to our partners at Wiltshire Council and the local fire service for helping us with this winter’s warm homes campaign.',
    {
      text: 'Massive thanks to Domino’s Pizza for feeding the night staff!',
      name: 'thanks for a donation without promotion',
    },
    {
      text: 'Thank you to Tesco for donating Easter eggs to the children’s ward.',
      name: 'thanks for a donation',
    },
    'We recommend you speak to your pharmacist first.',
    'We recommend the flu vaccine for everyone aged 65 and over.',
    'We recommend NHS 111 online for urgent advice.',
    'We recommend Wiltshire Council’s warm homes scheme.',
    'We’d highly recommend UKHSA’s guidance on heatwaves.',
    'Download the NHS App to order repeat prescriptions.',
    'Try the free NHS Couch to 5K app.',
    {
      text: 'Flu jabs are available at community pharmacies including Boots and Superdrug.',
      name: 'naming where a service is available',
    },
    'Pop on your wellington boots and get outside!',
    'The best way to protect yourself is to get vaccinated.',
    'Our fun run is sponsored by Age UK.',
    'Head to A&E only in an emergency.',
    'Our new café in the main entrance serves Costa Coffee.',
    {
      text: 'We recommend Wiltshire Leisure for our free exercise referral scheme.',
      profile: 'endorsement-partners',
      name: 'a configured partner',
    },
    {
      text: 'This event is sponsored by Dorothy House Hospice.',
      profile: 'endorsement-partners',
      name: 'a partner charity',
    },
    {
      text: 'Loving my new Garmin, best purchase ever!',
      audience: 'personal',
      name: 'a personal post that does not speak as NHS staff',
    },
    'Off to run the Bristol 10k for our hospital charity! Sponsor link below.',
    'Book at your GP practice or local pharmacy.',
    {
      text: 'Water is the best drink on a hot day. Keep a bottle with you.',
      name: 'a superlative about a kind of drink, with no brand',
    },
    {
      text: 'Thanks to Asda for the donation. The best way to say thank you is to volunteer.',
      name: 'thanks, then "the best way" (not a kind of business)',
    },
    {
      text: 'Download the NHS App and try it for your repeat prescriptions.',
      name: 'an NHS app',
    },
    { text: 'Try the NHS Quit Smoking app. It is free.', name: 'an NHS campaign app' },
    {
      text: 'Follow us on TikTok and YouTube for more tips.',
      name: 'platforms the organisation posts on',
    },
    {
      text: 'Stay warm this winter with our free flu jab.',
      name: '"stay warm with" our own service',
    },
    { text: 'Get fit with Jane at our staff yoga class.', name: 'a person, not a product' },
    {
      text: 'Fruit is the best snack for children. Try it cut into fun shapes!',
      name: 'a health tip that ranks food, not a brand',
    },
    {
      text: 'Our top tips for sleeping well: keep a routine and avoid screens.',
      name: '"top tips"',
    },
    {
      text: 'Thank you to Morrisons for donating fruit to our staff room.',
      name: 'thanks for a donation (supermarket)',
    },
    {
      text: 'Hand gel is on every ward. Please use it.',
      name: 'a product word after a capital that only starts a sentence',
    },
    { text: 'We love Fridays on the children’s ward.', name: 'loving a day' },
    { text: 'We love Penistone! Our clinic there is open on Mondays.', name: 'loving a place' },
    {
      text: 'Thanks to Tesco for supporting the trust this year.',
      name: '"the trust" is not trusting a brand',
    },
    {
      text: 'The children love the toys Asda donated. Thank you!',
      name: 'loving a donation',
    },
    { text: big, name: '1 MB text' },
    { text: '%'.repeat(10000) + ' off', name: 'percent signs' },
  ],
  invalid: [
    {
      text: 'Staff, treat yourselves! Get 20% off at Nando’s this week with your NHS ID — best chicken in town 🍗',
      errors: [{ actual: '20% off', message: /promotion/ }, { actual: 'Nando’s' }],
    },
    {
      text: 'Feeling run down? We always recommend Berocca to our staff on long shifts - grab some from Boots today!',
      errors: [{ actual: 'Berocca' }, { actual: 'Boots' }],
    },
    {
      text: 'Massive thanks to Domino’s Pizza for feeding the night staff! Everyone should order from them this weekend 🍕',
      errors: [{ actual: 'order from' }],
    },
    {
      text: 'Looking for a step counter? We recommend the Fitbit Charge 6, the best one on the market for keeping active. Use code NHS10 for 10% off.',
      errors: [{ actual: 'Fitbit' }, { actual: 'Use code' }, { actual: '10% off' }],
    },
    {
      text: 'The best app for tracking your mood is Moodly.',
      errors: [{ actual: 'Moodly', message: /best/ }],
    },
    {
      text: 'Our fun run is proudly sponsored by Smith’s Motors.',
      errors: [{ actual: 'proudly sponsored by' }, { actual: 'Smith’s Motors' }],
    },
    {
      text: 'Our charity ball is brought to you by Bath Building Society.',
      errors: [{ actual: 'Bath Building Society' }],
    },
    { text: 'We recommend Boots for your flu jab.', errors: [{ actual: 'Boots' }] },
    {
      text: 'As a nurse I swear by Crocs for long shifts on the ward.',
      audience: 'personal',
      errors: [{ actual: 'Crocs' }],
      name: 'a personal post that speaks as NHS staff',
    },
    {
      text: 'Use my code JO10 for 10% off protein shakes!',
      audience: 'personal',
      errors: [{ actual: 'Use my code' }, { actual: '10% off' }],
      name: 'a discount code on a personal post',
    },
    {
      text: 'Our night team are big fans of the SnoozeWell pillow. Give it a go!',
      errors: [{ actual: 'SnoozeWell' }, { actual: 'Give it a go' }],
      name: 'an unlisted product named by its product word, then urged',
    },
    {
      text: 'Thank you Morrisons for the fruit boxes. Our staff’s favourite supermarket!',
      errors: [{ actual: 'favourite supermarket', message: /ranks/ }],
      name: 'thanks, then ranking the business in the next sentence',
    },
    {
      text: 'Keep hydrated on long shifts with Aquavita.',
      errors: [{ actual: 'Aquavita' }],
      name: '"keep hydrated with" an unlisted brand',
    },
    {
      text: 'Our physios have tested the Strideo trainers. Highly recommended for long shifts.',
      errors: [{ actual: 'Highly recommended' }],
      name: 'a product, then praise in the next sentence',
    },
    {
      text: 'We really like the MoodBoost app for tracking how you feel.',
      errors: [{ actual: 'MoodBoost' }],
    },
    {
      text: 'Our patients love Specsavers for their eye tests.',
      errors: [{ actual: 'Specsavers' }],
      name: 'a listed brand that patients love',
    },
    {
      text: 'As a nurse I only trust Savlon for grazes.',
      audience: 'personal',
      errors: [{ actual: 'Savlon' }],
    },
    {
      text: 'Thank you Sainsbury’s for the flowers! Shop there and support them.',
      errors: [{ actual: 'Shop there' }],
      name: 'thanks, then a call to shop there',
    },
    {
      text: 'Greggs is the best for a quick lunch near the hospital.',
      errors: [{ actual: 'Greggs' }],
    },
  ],
});

describe('[PUB-3] endorsement on huge inputs with many matches', () => {
  it('returns', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    for (const text of [
      'Tesco is the best. Try it. '.repeat(40_000),
      'We love the SnoozeWell pillow app. '.repeat(30_000),
    ])
      for (const audience of ['corporate', 'personal'] as const)
        expect(Array.isArray(checker.check(toDraft({ text, audience })).findings)).toBe(true);
  });
});
