import signal from './patient_safety.distress.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'Last year my dad was in pain for hours on the ward before anyone came', name: 'past' },
    { text: 'My dad is not in pain any more, thank you', name: 'negated' },
    'The pain clinic has been brilliant for my back',
    'Thank you to the nurses on ward 7, lovely care',
  ],
  invalid: [
    { text: 'My uncle is on ward 4, he is in pain and thirsty', spans: ['in pain', 'thirsty'] },
    {
      text: 'After my op yesterday my pain is 10/10 and I am shaking',
      spans: ['pain is 10/10', 'shaking'],
    },
    {
      text: 'my maw is on a trolley in the corridor and she is shiverin',
      spans: ['shiverin'],
      name: 'dialect',
    },
    {
      text: "I'm in pain with my tooth and can't get a dentist",
      name: 'not in care: counts only a little',
    },
  ],
});
