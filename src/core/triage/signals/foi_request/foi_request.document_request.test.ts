import signal from './foi_request.document_request.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Could you send me a copy of my discharge letter please?',
      name: "someone's own records are a service question",
    },
    {
      text: "Can I have a copy of my mum's notes from her stay?",
      name: "a relative's records are not FOI",
    },
    'What time does the pharmacy shut on Saturday?',
    {
      text: 'The new visiting policy is ridiculous',
      name: 'mentioning a policy is not asking for it',
    },
    { text: 'Please send my appointment letter to my new address', name: 'own letter' },
  ],
  invalid: [
    {
      text: 'Please can you publish the minutes of the last board meeting?',
      spans: ['Please can you publish the minutes'],
    },
    {
      text: 'Could you send me a copy of your current policy on chaperones?',
      name: 'a policy, asked for politely',
    },
    { text: 'Can you share the risk register and the business continuity plan for the ED?' },
    { text: 'Please provide copies of all correspondence between the ICB and NHS England.' },
    {
      text: 'I would be grateful if you could supply the minutes of the quality committee from March.',
      name: 'indirect request',
    },
    {
      text: 'Pls can u send me the trusts policy on staff using their own phones on wards',
      name: 'text-speak',
    },
    {
      text: 'Does the ICB keep data on how many people wait over 52 weeks?',
      name: 'asks whether the data is held',
    },
    {
      text: "Hello, is the trust's current contract with the cleaning company available to view?",
      name: 'is it available',
    },
    { text: "I'd like to see the business case for closing the Minor Injuries Unit." },
  ],
});
