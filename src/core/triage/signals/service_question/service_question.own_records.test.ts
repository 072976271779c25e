import signal from './service_question.own_records.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: "My mam's been waiting for her referral letter since October, keeps being told it's been sent. It hasn't.",
      name: 'a grievance, not a request',
    },
    { text: 'Why is it impossible to get a GP appointment in this town', name: 'a grumble' },
    {
      text: 'Please provide the minutes of the last board meeting',
      name: "the organisation's records are FOI",
    },
    { text: "I don't need my records, thanks", name: 'negated' },
  ],
  invalid: [
    {
      text: "I'd like to request my medical records from my time at the hospital in 2015, who do I contact?",
      spans: ['request my medical records'],
    },
    {
      text: 'Still waiting for my results, can someone chase it please?',
      spans: ['Still waiting for my results'],
    },
    {
      text: 'Email me back please, I need a copy of my x-ray report from last month',
      spans: ['a copy of my x-ray report'],
    },
    {
      text: 'Please can you email my appointment letter to me, I never got it',
      spans: ['email my appointment letter'],
    },
    {
      text: "I'm requesting a double appointment for my mum as she has dementia, is that possible?",
      spans: ['requesting a double appointment'],
    },
    {
      text: "Hi, I'd like to request a call back from the diabetes nurse",
      spans: ['request a call back'],
    },
    { text: "can you check if she's due her preschool jabs?", name: "a child's vaccinations" },
    { text: 'can i get a copy of my discharge summary please', name: 'discharge summary' },
    { text: 'Can someone tell us when he is going to be moved?', name: 'an update on a relative' },
  ],
});
