import signal from './media_enquiry.comment_request.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'What time does the pharmacy open?',
    {
      text: 'Bots flooding your comments again',
      name: '"comments" on a post are not a request for comment',
    },
    { text: "I don't want a statement, I want my mum's op rebooked", name: 'negated' },
  ],
  invalid: [
    { text: 'Can someone give us a comment by 4pm today?', spans: ['a comment'] },
    { text: 'Are you able to provide a statement or someone for interview?' },
    { text: 'We would love a spokesperson from the ICB.', spans: ['spokesperson'] },
    { text: 'Can you confirm or deny the reports?', spans: ['Can you confirm'] },
    { text: 'would your chief nurse be willing to talk?', spans: ['willing to talk'] },
    {
      text: 'We are broadcasting tonight at 7 and invite you to respond.',
      spans: ['invite you to respond'],
    },
  ],
});
