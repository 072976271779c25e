import signal from './service_question.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: ['Thank you to the staff on ward 10', 'Absolute shambles this place. Pathetic.'],
  invalid: [
    { text: 'What time does the minor injuries unit shut on Sundays, and is there parking?' },
    { text: 'Do I need to bring my appointment letter to my scan or just ID? Where do I park?' },
    { text: 'How do I change my outpatient appointment? Is there a number I can ring?' },
  ],
});
