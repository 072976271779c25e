import signal from './misinformation.drastic_claim.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'FYI the hospital is NOT closing A&E at night', name: 'a denial' },
    { text: 'Is the walk in centre closing in the summer?', name: 'asked' },
    'The nurses were brilliant with my dad',
  ],
  invalid: [
    {
      text: 'the GP surgeries are all shutting on Fridays from next month',
      spans: ['are all shutting'],
    },
    { text: 'Apparently they stopped doing heart scans to save money', spans: ['stopped doing'] },
    {
      text: 'The hospital is secretly selling our medical records to American companies',
      name: 'selling records',
    },
    { text: 'the trust is being taken over by an American health company', name: 'taken over' },
    { text: 'The hospital has been sacking nurses who refuse the flu jab', spans: ['sacking'] },
    { text: 'the NHS is giving free iPads to everyone over 70', spans: ['giving free'] },
  ],
});
