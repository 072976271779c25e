import signal from './negative_feedback.criticism.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'The nurses were brilliant, thank you',
    {
      text: 'Thank you to Dr Okafor for finally listening after 2 years of being fobbed off elsewhere',
      name: 'old criticism inside thanks',
    },
    { text: 'It was not awful at all, quite good actually', name: 'negated' },
    { text: 'He said it was "a joke" but I thought the talk was great', name: 'quoted' },
    { text: 'If the wait is terrible I will go to the walk-in', name: 'hypothetical' },
  ],
  invalid: [
    { text: '4 hours on hold to the surgery this morning. Pathetic.', spans: ['Pathetic'] },
    {
      text: "Your A&E is an absolute joke and the staff couldn't care less",
      spans: ['absolute joke'],
    },
    { text: 'Charging £4.50 for 2 hours parking at a hospital is criminal.', spans: ['criminal'] },
    { text: 'Hospital food has gone right downhill.', spans: ['downhill'] },
    { text: 'Another year, another record investment. Spare us the spin.', spans: ['Spare us'] },
    { text: 'Absolute circus at the walk in centre today', spans: ['circus'] },
    {
      text: 'The nurses were angels but the food was awful.',
      spans: ['awful'],
      name: 'mixed: the criticism counts too',
    },
    { text: 'Not impressed with the new system at all', spans: ['Not impressed'] },
  ],
});
