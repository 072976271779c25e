import signal from './misinformation.conspiracy.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'The A&E team were brilliant',
    { text: 'Is the covid jab a hoax? Genuinely asking', name: 'asked' },
    { text: 'I woke up at 6 to ring the surgery', name: '"woke up" is not "wake up"' },
  ],
  invalid: [
    {
      text: "it's got a microchip tracker in it and the NHS are selling the data",
      spans: ['microchip tracker'],
    },
    { text: 'Wake up people', spans: ['Wake up people'] },
    { text: "the NHS is covering it up. Don't let them near your kids", spans: ['covering it up'] },
    { text: 'Look it up', spans: ['Look it up'] },
    {
      text: 'SHARE BEFORE THEY DELETE: hospital caught hiding deaths',
      spans: ['SHARE BEFORE THEY DELETE'],
    },
    { text: 'Covid was never real, the hospitals were empty', name: 'denial of the pandemic' },
  ],
});
