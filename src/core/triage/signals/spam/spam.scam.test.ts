import signal from './spam.scam.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: "Don't enter your bank details on any link in a text, the NHS will never ask",
      name: 'a warning, negated',
    },
    { text: 'Someone replied "claim your refund now" on your post, is that you?', name: 'quoted' },
    'How much does it cost to park?',
    {
      text: 'I earn £9 an hour as a carer and still support the NHS',
      name: 'a wage, not a promise',
    },
  ],
  invalid: [
    { text: '🔥 Earn £500 a day working from home!! DM me', spans: ['Earn £500 a day'] },
    {
      text: 'Great video! Check out my channel for crypto tips 🚀 guaranteed 10x returns',
      spans: ['guaranteed 10x returns'],
    },
    {
      text: 'Free NHS covid test refund - claim your £75 now (enter bank details to verify)',
      spans: ['claim your'],
    },
    {
      text: 'Hello dear I am Captain Williams of the US army i saw your page and want to be friend',
      spans: ['Hello dear'],
    },
    { text: 'Buy real Instagram followers cheap', spans: ['Instagram followers'] },
    {
      text: 'Get Ozempic without prescription - fast UK delivery, discreet packaging',
      spans: ['without prescription'],
    },
    {
      text: 'I was able to clear my debts thanks to Mr James investment program',
      name: 'bot testimonial',
    },
    {
      text: 'Your parcel could not be delivered. Reschedule here',
      spans: ['could not be delivered'],
    },
    {
      text: 'Earn 3000 weekly from your phone, no experience, message me',
      name: 'money promise without a currency sign',
    },
  ],
});
