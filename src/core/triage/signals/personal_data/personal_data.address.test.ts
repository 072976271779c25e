import signal from './personal_data.address.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Our HQ is at 1 Example Way, Exampletown ZZ99 3AA',
      name: "the organisation's own address (profile)",
    },
    { text: 'Is vitamin b12 2mg enough?', name: 'a dose, not a postcode' },
    'Is the clinic on Station Road open on Saturdays?',
    'covid19 cases are up',
  ],
  invalid: [
    {
      text: "Please help, my partner's address is 14 Cedar Close, SN2 7QP, he's diabetic",
      spans: ['14 Cedar Close', 'SN2 7QP'],
    },
    {
      text: "I'm at 22 Primrose Avenue, BS16 4RT, the district nurse never turned up",
      spans: ['22 Primrose Avenue', 'BS16 4RT'],
    },
    { text: 'Postcode is LS6 2QT if the ambulance needs it', spans: ['LS6 2QT'] },
    { text: 'my postcode is ba2 3rt', spans: ['ba2 3rt'] },
    {
      text: 'The pharmacy at 3 High Street is always shut',
      name: "a bare street address only supports: it may be a service's",
    },
  ],
});
