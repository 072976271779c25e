import signal from './medical_question.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: [
    'Thank you to the pharmacy team, really helpful',
    'How much did the trust spend on agency nurses last year?',
  ],
  invalid: [
    { text: 'Can I take ibuprofen with my blood pressure tablets?' },
    { text: 'Is it normal to still have a cough 5 weeks after covid?' },
    {
      text: 'My son has had a temperature of 38 since yesterday, should I give him calpol or nurofen?',
    },
  ],
});
