import signal from './patient_safety.not_acted_on.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Why do you even bother having a phone line if nobody answers it',
      name: 'no one in care',
    },
    { text: 'Nobody rang to tell me my appointment was cancelled', name: 'no one in care' },
    {
      text: 'In 2019 nobody came when my dad was on ward 5, I complained at the time',
      name: 'past',
    },
  ],
  invalid: [
    {
      text: 'Woman in the bed opposite my mum has been calling out for an hour. Staff keep walking past.',
      spans: ['keep walking past'],
    },
    {
      text: "Dad is on the respiratory ward and the nurses don't come",
      spans: ["the nurses don't come"],
    },
    { text: 'Crisis team number rings out and my son has cut his arms', spans: ['rings out'] },
    {
      text: "Nobody has done dad's observations since this morning on the ward",
      spans: ["Nobody has done dad's observations"],
    },
    {
      text: "my sister just gave birth, the midwife told her the baby's fine but she's grey",
      spans: ["told her the baby's fine"],
    },
  ],
});
