import signal from './spam.suspicious_link.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'More information at https://www.nhs.uk/conditions/flu/',
    'Our page is at www.example.nhs.uk/visiting',
    'Read the story at https://www.bbc.co.uk/news/health',
    { text: 'The minutes are on gov.uk', name: 'trusted domain' },
    'Version 1.2 of the app is out',
  ],
  invalid: [
    { text: 'click bit.ly/easy-cash-nhs now', spans: ['bit.ly/easy-cash-nhs'] },
    { text: 'Click to watch tinyurl.com/xx9shock', spans: ['tinyurl.com/xx9shock'] },
    { text: 'claim your £75 now at nhs-refunds-uk.info', spans: ['nhs-refunds-uk.info'] },
    { text: 'Reschedule here: royalmail-redelivery.top', spans: ['royalmail-redelivery.top'] },
  ],
});
