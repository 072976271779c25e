import signal from './complaint.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: [
    'Thank you so much to the midwives, brilliant care',
    'Can you tell me how much the trust spent on agency nurses last year?',
    'What time does the walk in centre shut?',
  ],
  invalid: [
    {
      text: "My dad's operation was cancelled on the day for the third time after he'd been nil by mouth since midnight. Nobody has explained why.",
    },
    {
      text: 'Went to the fracture clinic on Tuesday, waited 3 hours, then told the doctor had gone home. No rebooking, nothing.',
    },
    {
      text: 'The nurse on the day unit on Friday was rude to my mum and ignored her when she said her arm hurt.',
    },
  ],
});
