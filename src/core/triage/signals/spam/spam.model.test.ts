import signal from './spam.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: ['Thank you to the team on ward 10', 'What time does the pharmacy shut?'],
  invalid: [
    { text: 'Earn £500 a day from home!! Click the link in my bio 💰' },
    { text: 'Want more followers? DM us for 10k real followers in 24hrs' },
    { text: 'Crypto investment opportunity, 300% returns guaranteed, message me now' },
  ],
});
