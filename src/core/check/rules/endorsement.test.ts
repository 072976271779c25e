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
      text: 'Greggs is the best for a quick lunch near the hospital.',
      errors: [{ actual: 'Greggs' }],
    },
  ],
});
