import signal from './praise.good_experience.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'The wait was 6 hours and nobody came',
    { text: 'Will someone take care of my dog while I am in?', name: 'asked about' },
    { text: 'They never listened to me', name: 'negated' },
  ],
  invalid: [
    {
      text: 'Just had my booster at the pop-up clinic, in and out in 10 mins',
      spans: ['in and out'],
    },
    { text: 'Took their time, no rush, he even got a sticker', spans: ['Took their time'] },
    { text: 'I was terrified and they held my hand throughout', spans: ['held my hand'] },
    { text: 'You treated him with so much dignity', spans: ['treated him with'] },
  ],
});
