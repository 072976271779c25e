import signal from './service_question.who_to_contact.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'A nurse slapped her hand and shouted at her. Who do I call right now?',
      name: 'no service named: left to the safety signals',
    },
    {
      text: "Hello, I'm a producer for BBC Points West. Who's best to contact?",
      name: 'a journalist with no service topic',
    },
    'The staff were lovely',
  ],
  invalid: [
    {
      text: 'The NHS app is claiming my covid vaccines were given in 2019. Who do I tell?',
      spans: ['Who do I tell'],
    },
    {
      text: "I need to change my mum's appointment at the eye clinic. Who do I ring?",
      spans: ['Who do I ring'],
    },
    {
      text: 'Do you have a number for the maternity triage line?',
      spans: ['Do you have a number'],
    },
    { text: 'Whats the best number to call to cancel an appointment', name: 'best number' },
  ],
});
