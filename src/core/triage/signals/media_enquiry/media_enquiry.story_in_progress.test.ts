import signal from './media_enquiry.story_in_progress.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'My mum was on the ward for a week and the care was great',
    {
      text: 'What is the story with the car park barrier?',
      name: '"story" as a word is not a story in progress',
    },
    'Is the walk in centre open tomorrow?',
  ],
  invalid: [
    {
      text: "We're running a story tomorrow about ambulance handover delays.",
      spans: ['running a story'],
    },
    {
      text: "I'm writing a piece for the Bath Chronicle on the new diagnostic centre",
      spans: ['writing a piece'],
    },
    { text: "We've had a tip-off about a serious incident in theatres.", spans: ['tip-off'] },
    {
      text: "we're making a TV programme about emergency departments",
      spans: ['making a TV programme'],
    },
    { text: 'Going live with it within the hour.', spans: ['Going live'] },
    { text: 'We have documents suggesting the trust knew about the faulty ventilators.' },
  ],
});
