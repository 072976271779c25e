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
      text: 'Please do NOT come in.',
      name: 'three-letter words are left alone: too often abbreviations',
    },
    {
      text: 'Meet the ABCD team',
      profile: 'caps-allow',
      name: 'abbreviations the profile lists are allowed',
    },
  ],
  invalid: [
    { text: 'This is VERY important: book NOW.', errors: [{ actual: 'VERY', suggestion: 'Very' }] },
    {
      text: 'URGENT appeal for blood donors',
      errors: [{ actual: 'URGENT', message: /sentence case/ }],
    },
    { text: 'DON’T MISS our open day!', errors: [{ actual: 'DON’T' }, { actual: 'MISS' }] },
  ],
});
