import signal from './complaint.action_request.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'What time does the clinic open?',
    'Thank you so much for looking after my dad',
    { text: "I don't want an apology, just my results", name: 'negated' },
  ],
  invalid: [
    {
      text: 'His letter says the wrong eye was treated. I want this investigated.',
      spans: ['want this investigated'],
    },
    {
      text: "Please look into this: I was given someone else's discharge letter",
      spans: ['look into this'],
    },
    { text: 'Can someone find out what happened?', spans: ['find out what happened'] },
    { text: 'Nobody has explained anything. We want answers.', spans: ['want answers'] },
    {
      text: 'I want it cancelled and someone to look into this machine.',
      spans: ['want it cancelled'],
    },
  ],
});
