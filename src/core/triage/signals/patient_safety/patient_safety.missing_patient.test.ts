import signal from './patient_safety.missing_patient.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: "Really unhappy that my mum's hearing aids went missing on Ward 5 last week",
      name: 'things go missing',
    },
    { text: 'My referral letter is missing again', name: 'paperwork' },
    'My dad keeps missing his appointments because the letters come late',
    'Does the ward have a lost property office?',
  ],
  invalid: [
    {
      text: 'My mum has dementia and has gone missing from Ward 2, nobody knows where she is',
      spans: ['gone missing'],
    },
    { text: 'my brother who is sectioned has absconded from the unit', spans: ['absconded'] },
    {
      text: "There's a confused elderly man wandering around the car park in a hospital gown",
      spans: ['wandering around'],
    },
    {
      text: 'Mum (dementia) was found outside the hospital at 3am in her nightgown. How did she get out??',
      spans: ['found outside'],
    },
    {
      text: "The psych ward let my brother out on leave and he's not come back. Nobody knows where he is",
      spans: ['Nobody knows where he is'],
    },
  ],
});
