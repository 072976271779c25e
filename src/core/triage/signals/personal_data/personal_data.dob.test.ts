import signal from './personal_data.dob.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'My appointment is on 12/04/2025',
    'Born and bred in Swindon, love this hospital',
    'The baby was born on the delivery suite last night',
  ],
  invalid: [
    {
      text: 'My husband John Patel (DOB 12/04/1961) was seen in the eye clinic',
      spans: ['DOB 12/04/1961'],
    },
    { text: "My child's born 21/06/2019, NHS 4259235788", spans: ['born 21/06/2019'] },
    {
      text: 'Date of birth 3rd March 1954, waiting for my hip op',
      spans: ['Date of birth 3rd March 1954'],
    },
    { text: 'D.O.B: 14.02.1988', spans: ['D.O.B: 14.02.1988'] },
    { text: 'she was born in 1948', name: 'a year only supports' },
  ],
});
