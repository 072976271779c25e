import signal from './negative_feedback.sarcasm.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Brilliant. The physio fixed my knee in three sessions.',
      name: 'bare approval, no grievance',
    },
    { text: 'Well done team, 100 days without a fall on the ward!', name: 'real milestone' },
    'Thank you so much, the staff were brilliant',
    { text: 'The nurses were angels but the food was awful.', name: 'mixed, not sarcastic' },
    {
      text: 'Oh brilliant, thank you for fitting me in today!',
      name: '"oh brilliant" with nothing negative after it',
    },
    { text: 'Great news about the new cancer centre!', name: 'genuine good news' },
  ],
  invalid: [
    {
      text: 'Bravo NHS - 14 hrs on a trolley for my nan. Just bravo',
      name: 'approval opening a grievance',
    },
    {
      text: 'Turned up for my scan and they said it was cancelled last week. Nobody rang. Fantastic 👍',
      name: 'bare approval after a failure',
    },
    {
      text: 'good job everyone, 7 hours in the waiting room with a toddler',
      name: 'good job, hours',
    },
    { text: "Oh brilliant, another 'your call is important to us' message. 47th in the queue." },
    {
      text: 'Hospital food has gone downhill. Cold chips and grey peas, lovely 🤢',
      spans: ['lovely'],
    },
    {
      text: "Nice try with the 'we're listening' campaign. Shame nobody actually listens 🙄",
      spans: ['Nice try'],
    },
    { text: 'great, another 6 hour wait, well done', spans: ['great'] },
    { text: 'Thanks for nothing. 3 hours waiting and sent home', spans: ['Thanks for nothing'] },
    { text: 'Good luck getting an appointment before Christmas lol', spans: ['Good luck getting'] },
    {
      text: 'Great, so now I have to drive 40 miles for a scan. Brilliant planning.',
      spans: ['Great'],
    },
  ],
});
