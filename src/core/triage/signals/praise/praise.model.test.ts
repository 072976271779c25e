import signal from './praise.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: [
    'The heat in outpatients is killing me, open a window!!',
    'Waited 9 hours in A&E and nobody came to check on my dad. Disgraceful.',
    'What time does the pharmacy shut on Sundays?',
  ],
  invalid: [
    {
      text: 'Massive thanks to the nurses on ward 7, they looked after my mum so well. Angels, all of them',
    },
    { text: 'The midwives were amazing, calm and kind. Thank you so much for everything 💙' },
    { text: 'Shout out to the A&E team last night, brilliant care for my little boy. Thank you' },
  ],
});
