import signal from './spam.call_to_action.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'Please call 111 if you need help',
    { text: "Don't click the link in that text, it's a scam", name: 'a warning' },
    'Thank you so much',
  ],
  invalid: [
    { text: 'DM me or click bit.ly/easy-cash', spans: ['DM me'] },
    { text: 'Lose 10kg in 10 days! Link in bio 🍬', spans: ['Link in bio'] },
    { text: 'please message me on whatsapp +1 555 0192', spans: ['message me'] },
    {
      text: 'Rated best essay writing service in UK, contact now on telegram',
      spans: ['contact now'],
    },
    { text: 'Amazing post! Follow my page for daily quotes', spans: ['Follow my'] },
  ],
});
