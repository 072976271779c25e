import signal from './personal_data.record_number.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'Ref PCN 44810 for my parking fine',
    'Ward 12 and bed 4',
    'My hospital appointment number was cancelled',
  ],
  invalid: [
    {
      text: 'My daughter Ellie, hospital number RH4829173, had her op postponed',
      spans: ['hospital number RH4829173'],
    },
    { text: 'my MRN is 0048213 and I still have no results', spans: ['MRN is 0048213'] },
    {
      text: 'Hospital no. D1234567, still waiting for my MRI date',
      spans: ['Hospital no. D1234567'],
    },
  ],
});
