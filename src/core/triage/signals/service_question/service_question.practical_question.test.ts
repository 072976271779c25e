import signal from './service_question.practical_question.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Why do you even bother having a phone line if nobody answers it 🙄',
      name: 'a rhetorical "why"',
    },
    {
      text: 'Parking here is a total rip off, £3 for 20 mins??',
      name: 'criticism with question marks',
    },
    {
      text: 'How many patients waited more than 12 hours in A&E last year?',
      name: 'figures are an FOI question',
    },
    {
      text: "Is it OK to take ibuprofen with my sertraline? Pharmacy's shut",
      name: 'a medication question',
    },
    {
      text: 'Does the flu jab give you flu? Asking for my mum',
      name: 'effects of a vaccine are a medical question',
    },
    {
      text: "We're a student radio show, can we get someone from the clinic on air next Tuesday?",
      name: 'an interview request',
    },
    {
      text: 'What a brilliant initiative, love the therapy dogs visiting the wards',
      name: '"what a…" exclaims, does not ask',
    },
    {
      text: 'Have to say, the new online booking is miles better',
      name: '"have to say" is not a question',
    },
    'The pharmacy was open and the staff were lovely',
  ],
  invalid: [
    {
      text: 'what time does the walk in centre on the high st shut on a saturday?',
      name: 'opening time',
    },
    { text: 'wat time does the pharmacy shut sat', name: 'text-speak without a question mark' },
    {
      text: 'Any1 know if the x ray dept at the community hosp is open sundays',
      name: 'any1 know',
    },
    { text: 'Do I need to book for the covid jab or can I just turn up?' },
    {
      text: "Just had my booster at the pop-up clinic. Where's the next one so I can tell my mum?",
      name: 'where, with the service named before',
    },
    {
      text: 'where do i take a sample for testing, the surgery or the hospital lab',
      name: 'where to take something',
    },
    {
      text: 'Struggling to log in to the NHS app, keeps saying my details dont match. Any ideas?',
      name: 'any ideas, about the app',
    },
    { text: 'is there a bus from the station to the hospital' },
    {
      text: 'Got a text saying my NHS prescription payment failed. Is this a scam?',
      name: 'is this genuine',
    },
    {
      text: "FYI the hospital is NOT closing A&E at night. Oh wait, they said it's already shut?? Which is it",
      name: 'asks which rumour is true',
    },
    {
      text: "I've been trying to get a dentist for 2 years. Is there even any NHS dentist taking on patients in this area?",
      name: 'exasperated but practical',
    },
  ],
});
