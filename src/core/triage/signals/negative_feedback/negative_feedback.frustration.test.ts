import signal from './negative_feedback.frustration.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'What time does the pharmacy open on Sunday?',
    {
      text: 'been waiting 2 years for mental health support and started cutting again',
      name: 'a long wait in a safety report is left to the safety signals',
    },
    {
      text: 'How many patients waited more than 12 hours in A&E last year?',
      name: 'waits as figures',
    },
    'The staff were lovely and I was seen quickly',
  ],
  invalid: [
    { text: 'Oh brilliant, 47th in the queue. Love that for me', spans: ['47th in the queue'] },
    {
      text: "I'm literally dying of boredom in this waiting room lol, 4 hours and counting",
      spans: ['dying of boredom'],
    },
    { text: 'Not being funny but what actually is the point of 111', name: 'rhetorical' },
    {
      text: "I've been trying to get a dentist for 2 years. Is there even any NHS dentist?",
      spans: ['trying to get'],
    },
    {
      text: 'Tried ringing the surgery 47 times this morning. Unreal.',
      spans: ['Tried ringing the surgery 47 times'],
    },
    { text: 'Why do you even bother having a phone line if nobody answers it 🙄' },
    {
      text: 'How is it acceptable that people are waiting 2 days on trolleys?!',
      spans: ['How is it acceptable'],
    },
    { text: "I'll be contacting the local paper and my MP about this", name: 'escalation threat' },
    {
      text: 'Nobody ever answers at the surgery, its like they dont want patients',
      spans: ['Nobody ever answers'],
    },
  ],
});
