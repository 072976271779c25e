import signal from './media_enquiry.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: [
    'Saw you on the news last night, well done to the staff',
    'What time does the pharmacy shut?',
  ],
  invalid: [
    {
      text: "Hi, we're running a story tomorrow on ambulance delays. Could the trust give us a comment by 5pm?",
    },
    {
      text: 'Producer here from a regional radio show. Would one of your doctors come on air next week to talk about flu?',
    },
    {
      text: 'Writing a feature for a weekend supplement on hospital food. Could your press office put me in touch with someone?',
    },
  ],
});
