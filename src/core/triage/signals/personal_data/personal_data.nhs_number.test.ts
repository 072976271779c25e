import signal from './personal_data.nhs_number.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: "My complaint ref is 6708517688 and I've still heard nothing back",
      name: 'fails the modulus-11 check',
    },
    {
      text: 'My order number is 4010232137 for the mobility scooter',
      name: 'labelled as another reference',
    },
    { text: 'Call us on 01632 960000', name: 'a phone number' },
    '0000000000',
    'Ref 4809865347 for your parking charge',
  ],
  invalid: [
    {
      text: 'Still waiting for my results, my NHS number is 573 856 3913, can someone chase it?',
      spans: ['573 856 3913'],
    },
    { text: 'NHS no 4809865347 - my referral was never received', spans: ['4809865347'] },
    { text: "my dad's NHS number is 611-969-2495", spans: ['611-969-2495'] },
    { text: 'Hiya, my NHS number is 4388889342 and I need help', spans: ['4388889342'] },
  ],
});
