import signal from './misinformation.model.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

// The model's evidence, on clear cases that should survive retraining on more data.
signalTester(signal, {
  valid: [
    'Thank you to the vaccine team, quick and friendly',
    'What time does the vaccine clinic open?',
  ],
  invalid: [
    {
      text: "The flu jab has mercury and microchips in it, that's why they're pushing it so hard. Wake up",
    },
    {
      text: 'Apparently the hospital is shutting the maternity unit next month, my neighbour said. Book elsewhere!!',
    },
    { text: 'Vaccines cause more deaths than covid, the NHS is covering it up' },
  ],
});
