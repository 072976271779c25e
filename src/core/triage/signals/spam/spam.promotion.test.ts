import signal from './spam.promotion.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'Thank you to the nurses on ward 4',
    'What time does the pharmacy open?',
    { text: "I'm not selling anything, just sharing the clinic times", name: 'nothing promoted' },
  ],
  invalid: [
    { text: 'Check out my new mixtape 🎵🔥 link in bio', spans: ['Check out my'] },
    { text: "we'd like to collab, we're a fashion brand", spans: ['collab'] },
    {
      text: 'Bots flooding your comments again. Delete the crypto ones please',
      spans: ['crypto'],
      name: 'supporting only: talk about spam stays below the threshold',
    },
    { text: "We're offering 50% off private health checks this week only", spans: ['% off'] },
  ],
});
