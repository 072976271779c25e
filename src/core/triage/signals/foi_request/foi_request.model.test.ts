import signal from './foi_request.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: ['What time does the pharmacy shut on Sundays?', 'Thank you to the team on ward 10'],
  invalid: [
    { text: 'How much did the trust spend on agency nurses last year, broken down by month?' },
    {
      text: 'Could you publish the minutes from the board meeting where the ward closure was decided?',
    },
    { text: 'What was the total paid to management consultants in 2024 and which firms?' },
  ],
});
