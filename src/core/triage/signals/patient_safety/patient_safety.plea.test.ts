import signal from './patient_safety.plea.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'Does anyone know the opening times?', name: 'no person mentioned' },
    { text: 'If someone could help that would be great', name: 'hypothetical' },
  ],
  invalid: [
    {
      text: 'My sister is on the ward. PLEASE someone check on her',
      spans: ['PLEASE someone check'],
    },
    { text: 'My mum has dementia. Who do I call right now?', spans: ['Who do I call right now'] },
    {
      text: 'My partner was sent home confused. I need a nurse to visit',
      spans: ['I need a nurse'],
    },
    { text: "My baby won't feed and I'm really scared", spans: ["I'm really scared"] },
  ],
});
