import signal from './abuse.hate.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'The heat in the outpatients waiting room is killing me, is the air con broken?',
      name: '"con" is not a slur',
    },
    {
      text: 'My mum went for a fag outside and got told off',
      name: 'British slang for a cigarette',
    },
    {
      text: 'The doctor was Polish and explained everything really clearly',
      name: 'nationality mentioned kindly',
    },
    {
      text: 'He said I was a "p*ki" and security did nothing',
      name: 'reporting a slur used against the writer',
    },
    'Our international nurses are the backbone of this ward, thank you',
    'Scunthorpe and Penistone clinics reopen on Monday',
  ],
  invalid: [
    {
      text: 'go back to your own country you foreign doctors are ruining our NHS',
      spans: ['go back to your own country'],
    },
    {
      text: 'dirty immigrant nurses dont even speak english properly, should be deported the lot of them',
      spans: ['should be deported'],
    },
    {
      text: 'why are we paying for these foreigners to come over and take our jobs, send them all back',
      spans: ['send them all back'],
    },
    {
      text: "They're all scroungers in that waiting room, dirty immigrants the lot",
      spans: ['dirty immigrants'],
    },
    {
      text: "Women shouldn't be surgeons, stick to nursing love",
      spans: ["Women shouldn't be surgeons"],
    },
    { text: 'the p*ki doctor', name: 'disguised slur' },
    { text: "can't even speak english", name: 'only supports on its own' },
  ],
});
