import signal from './complaint.specific_criticism.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Your staff are criminally rude on the phone, I have never been spoken to like it',
      name: 'criticism of the service in general',
    },
    { text: 'NHS dentistry round here is non existent. Disgrace', name: 'no specific case' },
    {
      text: 'your all a disgrace and so is that stuck up matron',
      name: 'a verdict on staff alone is left to abuse and feedback',
    },
    {
      text: 'Honestly ward 5 was not awful at all last week, the staff were lovely to my mum',
      name: 'negated',
    },
  ],
  invalid: [
    {
      text: "I'm not one to moan but the way the nurse spoke to my mum last night on ward 9 was disgraceful.",
      spans: ['disgraceful'],
    },
    {
      text: 'The receptionist at Riverside told my daughter (16) she looked fine and refused to book her in. Shocking attitude',
      spans: ['Shocking'],
    },
    {
      text: 'I had a smear at Lister practice in Jan, was told results in 4 weeks. It is now May. Not good enough.',
      name: 'the case two sentences back (supporting)',
    },
    {
      text: 'The security guard was so aggressive towards my disabled brother on Sunday. Completely out of order.',
      spans: ['out of order'],
    },
  ],
});
