import signal from './medical_question.advice_request.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'had my bloods done friday, can someone tell me if they are back?',
      name: 'results arrival',
    },
    { text: 'Any advice on how to book a smear test?', name: 'advice about booking' },
    { text: "I'm not asking for medical advice, just where the clinic is", name: 'declined' },
    {
      text: 'Does anyone know if you can get a flu jab at the walk in centre?',
      name: 'a service question',
    },
    {
      text: 'Hi, could you tell me how much the trust spent on agency nurses, broken down by month?',
      name: 'FOI',
    },
    'Wondering if the car park is free on Sundays',
  ],
  invalid: [
    {
      text: 'wondering if i can take ibuprofen with my blood pressure tablets',
      spans: ['wondering if'],
    },
    {
      text: 'not sure whether this rash needs looking at, its been there a week',
      spans: ['not sure whether'],
    },
    {
      text: 'Any advice on whether I should get my mole checked? It has changed shape',
      spans: ['Any advice'],
    },
    { text: 'anyone know if its safe to breastfeed after a covid jab?', spans: ['anyone know if'] },
    { text: 'Can anyone tell me if the nasal flu spray has pork gelatine in it?' },
  ],
});
