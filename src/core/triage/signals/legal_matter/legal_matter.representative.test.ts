import signal from './legal_matter.representative.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'My sister is a solicitor and she was shocked by your letter', name: 'career' },
    { text: "I don't want a solicitor involved, I just want answers", name: 'negated' },
    'The law of averages says I will get an appointment one day',
    'Great to have the Crown Prosecution Service team in for their health checks',
  ],
  invalid: [
    { text: "My solicitors will be in touch about my wife's surgery", spans: ['solicitors'] },
    {
      text: 'We have instructed Harris & Co solicitors regarding clinical negligence',
      spans: ['solicitors'],
    },
    { text: 'Expect to hear from Leigh Day.', spans: ['Leigh Day'] },
    {
      text: "we're taking legal advice about the way the inquest evidence was handled",
      spans: ['legal advice'],
    },
    {
      text: 'Spoke to a no win no fee firm today about what happened to my mum',
      spans: ['no win no fee'],
    },
    {
      text: 'Solicitor acting for Mrs A Khan here. Please preserve all CCTV',
      spans: ['Solicitor'],
    },
    {
      text: 'Solicitors are circling the NHS like vultures',
      name: 'news-like comment only supports',
    },
    {
      text: 'Direct all further correspondence to Ashby Crane LLP please',
      spans: ['further correspondence'],
    },
  ],
});
