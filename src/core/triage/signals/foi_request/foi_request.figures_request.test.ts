import signal from './foi_request.figures_request.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'How many times do I have to ring before someone answers?',
      name: "counting the author's own attempts",
    },
    { text: 'How many people are ahead of me in the queue?', name: 'a place in a queue' },
    {
      text: 'how much does it cost to park for 3 hours',
      name: 'a price, not a sum the organisation spent',
    },
    'What time does the walk-in centre close?',
    { text: 'Can you send me my blood test figures?', name: 'own results' },
  ],
  invalid: [
    {
      text: 'What percentage of your beds were occupied by patients fit for discharge?',
      spans: ['What percentage of'],
    },
    { text: 'How much did the trust spend on the rebrand?', name: 'a sum spent' },
    { text: 'How much money has been spent on the new logo and signage?', name: 'passive sum' },
    {
      text: 'How many reported incidents of violence against staff did you record?',
      spans: ['How many reported'],
    },
    { text: "I'd like the number of complaints received by the maternity unit please" },
    { text: 'What is the average waiting time for a first autism assessment?' },
    { text: "Hi there, what's the chief exec's salary?", name: 'a what-question naming a figure' },
    { text: 'Is there a published breakdown of what the £4m for the new A&E was spent on?' },
  ],
});
