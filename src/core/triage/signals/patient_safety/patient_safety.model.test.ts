import signal from './patient_safety.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: [
    'The cheese scones in the cafe are to die for. Worth the parking alone',
    {
      text: "Last year my dad was left in a wet bed overnight on ward 4 and nobody came. He's home now and fine, but I want someone to explain how that happened.",
      name: 'an episode that is over is a complaint, not a risk now',
    },
    'Thank you to the nurses on ward 12 who looked after my nan so well',
  ],
  invalid: [
    {
      text: 'my nan is on ward 6 and nobody has given her a drink all day, her lips are cracked and she is confused. please can someone check on her',
    },
    {
      text: "Student nurse here. There is one qualified nurse for 30 patients tonight and nobody is doing the obs. I'm scared someone will die",
    },
    {
      text: "Dad's been left on a trolley in the corridor since yesterday with no pain relief and he is crying. Nobody has examined him",
    },
  ],
});
