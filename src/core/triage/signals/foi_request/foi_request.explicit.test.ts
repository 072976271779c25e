import signal from './foi_request.explicit.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'How do I complain about my appointment being cancelled?',
    {
      text: "This isn't an FOI request, I just want to know when the clinic opens",
      name: 'a disowned FOI is not an FOI request',
    },
    'The food was lovely, thank you',
    {
      text: 'Information about our flu clinics is on the website',
      name: '"information" alone does not name the FOI regime',
    },
  ],
  invalid: [
    {
      text: 'Under the Freedom of Information Act please provide the number of never events.',
      spans: ['Freedom of Information'],
    },
    { text: 'FOI request: all invoices paid to Acme Ltd in 2023', spans: ['FOI request'] },
    { text: 'Requesting under FOIA the board minutes', spans: ['FOIA'] },
    {
      text: 'This is an EIR request about air quality at the hospital site',
      spans: ['EIR request'],
    },
    {
      text: 'is this on your publication scheme? cant find it',
      name: 'the publication scheme belongs to the FOI regime',
    },
  ],
});
