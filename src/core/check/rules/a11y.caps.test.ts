import rule from './a11y.caps.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'Book your flu jab at the NHS walk-in centre.',
    'Contact PALS or visit A&E if it is an emergency.',
    'Our ICB and GP practices are open as usual.',
    'Call 111. The MRI suite at the ED is open.',
    'Use COVID and RSV vaccines this winter.',
    {
      text: 'Meet the ABCD team',
      profile: 'caps-allow',
      name: 'abbreviations the profile lists are allowed',
    },
    {
      text: 'Our frailty team use the CFS and the NEWS2 score on every admission.',
      name: 'abbreviations that are not English words are left to a11y.jargon',
    },
    {
      text: 'We are at OPEL 3 today and have patients who are MFFD.',
      name: 'escalation and discharge abbreviations are jargon, not shouting',
    },
    {
      text: 'Our same day emergency care service (SDEC) is on the ground floor.',
      name: 'an abbreviation explained in brackets',
    },
    {
      text: 'Read the WHO guidance and the NICE advice on hand hygiene.',
      name: 'short abbreviations that are also English words',
    },
    {
      text: 'Support for people with ME and their carers, from our US partners.',
      name: 'two-letter words that are usually abbreviations',
    },
    { text: 'Act FAST if you spot the signs of a stroke.', name: 'the FAST stroke campaign' },
    { text: 'Learn more about the CAMHS and SALT teams.', name: 'service abbreviations' },
    { text: '#NHSBirthday #ThankYouNHS @NHSEngland', name: 'hashtags and handles' },
  ],
  invalid: [
    {
      text: 'This is VERY important: book NOW.',
      errors: [
        { actual: 'VERY', suggestion: 'Very' },
        { actual: 'NOW', suggestion: 'Now' },
      ],
    },
    {
      text: 'URGENT appeal for blood donors',
      errors: [{ actual: 'URGENT', message: /sentence case/ }],
    },
    { text: 'DON’T MISS our open day!', errors: [{ actual: 'DON’T' }, { actual: 'MISS' }] },
    {
      text: 'Please do NOT come in if you have a cough.',
      errors: [{ actual: 'NOT' }],
      name: 'a short word that is a usual emphasis word',
    },
    {
      text: 'PLEASE DO NOT park across the entrance.',
      errors: [{ actual: 'PLEASE' }, { actual: 'DO' }, { actual: 'NOT' }],
      name: 'a run of shouted words',
    },
    { text: 'ALL visitors must wear a mask on this ward.', errors: [{ actual: 'ALL' }] },
    {
      text: 'The car park is CLOSED from Tuesday until further notice.',
      errors: [{ actual: 'CLOSED' }],
    },
    {
      text: 'Abuse of our staff is UNACCEPTABLE.',
      errors: [{ actual: 'UNACCEPTABLE' }],
      name: 'a long word in capitals reads as shouting',
    },
    {
      text: 'Parking here is a TOTAL SHAMBOLIC MESS.',
      errors: [{ actual: 'TOTAL' }, { actual: 'SHAMBOLIC' }, { actual: 'MESS' }],
      name: 'a run of shouted words',
    },
    {
      text: 'We are SO proud of our midwives!',
      errors: [{ actual: 'SO' }],
    },
    {
      text: 'From FRIDAY the clinic moves to the first floor.',
      errors: [{ actual: 'FRIDAY', suggestion: 'Friday' }],
    },
    {
      text: 'The waiting room is FULL of NURSES today.',
      errors: [{ actual: 'FULL' }, { actual: 'NURSES' }],
      name: 'a plural of an English word',
    },
  ],
});
