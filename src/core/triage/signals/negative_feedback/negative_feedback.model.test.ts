import signal from './negative_feedback.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: [
    'Thank you to the team on ward 10, you were wonderful',
    'What time does the minor injuries unit open on Saturday?',
  ],
  invalid: [
    { text: 'Absolute shambles this place. Same every time. Pathetic.' },
    { text: 'Your website is useless and nobody ever answers the phone. Rubbish service' },
    { text: 'Honestly the parking here is a disgrace and the queues are ridiculous' },
  ],
});
