import signal from './personal_data.contact.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Call PALS on 01632 960001 if you have concerns',
      name: "the organisation's own number (profile)",
    },
    {
      text: 'Email pals@example.nhs.uk for help',
      name: "the organisation's own mailbox (profile)",
    },
    { text: 'Write to enquiries@someccg.nhs.uk', name: 'a role mailbox' },
    'Ring 111 or 999 in an emergency',
    'My complaint reference is 2847193650',
  ],
  invalid: [
    { text: 'Her number is 07700 900412', spans: ['07700 900412'] },
    { text: 'Please call me back on 07700 900 123 about my referral', spans: ['07700 900 123'] },
    { text: 'Ring my daughter on +44 7700 900456 she is next of kin', spans: ['+44 7700 900456'] },
    {
      text: 'Email me back at gary.brookes84@gmail.com please',
      spans: ['gary.brookes84@gmail.com'],
    },
    {
      text: 'reply to j.oconnor@btinternet.com or ring 01632 555 789',
      spans: ['j.oconnor@btinternet.com', '01632 555 789'],
    },
    { text: 'The surgery number 0300 123 9876 never answers', name: 'a 03 number only supports' },
  ],
});
