import signal from './personal_data.named_patient.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Thank you to Dr Okafor at Castle Street surgery for taking my back pain seriously',
      name: 'named staff praised',
    },
    {
      text: 'Massive thank you to the midwives, especially Priya. Baby Alfie is here!',
      name: 'first names in praise',
    },
    {
      text: 'Thanks to Nurse Emma Clarke on Ward 5, she was brilliant with my dad',
      name: 'a nurse by name',
    },
    { text: "I know your name Sarah Jenkins and I'll find you", name: 'staff named in abuse' },
    { text: 'Shout out to Dr Sarah Hughes at the practice', name: 'doctor praised' },
    "I'm Dave, I work in the estates team and I love this place",
    {
      text: 'Solicitor acting for Mrs A Khan here. Please preserve all CCTV',
      name: 'a client named by their solicitor, no care details',
    },
  ],
  invalid: [
    {
      text: 'Can someone ring my nan Margaret Hughes back, she was discharged from Ward 4 without her insulin',
      spans: ['Margaret Hughes'],
    },
    {
      text: 'Woman in the bed opposite my mum on Ward 3, Mrs Patricia Green, has been calling out for the toilet',
      spans: ['Mrs Patricia Green'],
    },
    {
      text: 'My brother Kevin Walsh is in the psychiatric unit under section',
      spans: ['Kevin Walsh'],
    },
    {
      text: 'Please pass this on: Robert Allen, DOB 03/09/1948, bed 6 on Ward 22, is allergic to penicillin',
      spans: ['Robert Allen'],
    },
    {
      text: 'A family contacted us about their dad, Mr Derek Hall, who was left on a trolley for 30 hours in your ED',
      spans: ['Mr Derek Hall'],
    },
    {
      text: 'My name is Lisa Carter. I was discharged after my gallbladder op with a wound that is leaking',
      spans: ['Lisa Carter'],
    },
    {
      text: 'Mrs A Khan came in to see us yesterday',
      name: 'a name without care details only supports',
    },
    {
      text: 'My son Jack is on ward 5 and nobody has seen him',
      name: 'a first name only supports',
      spans: ['Jack'],
    },
  ],
});
