import signal from './abuse.profanity.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'The wait in A&E was bloody ridiculous, 7 hours with a broken wrist',
      name: '"bloody" is frustration',
    },
    {
      text: "I'm so pissed off with this service, crap from start to finish",
      name: 'mild words are not listed',
    },
    {
      text: 'A man in the waiting room was screaming "you f***ing b***h" at the receptionist',
      name: 'reporting someone else (quotes)',
    },
    {
      text: 'The receptionist told me to f*** off when I asked for an update',
      name: 'reporting staff abuse',
    },
    {
      text: 'The skin prick test for my allergies was quick and painless',
      name: 'clinical "prick"',
    },
    'Scunthorpe General were brilliant with my dad, thank you',
    'Penistone, Middlesex and Sussex residents: new clinic times are live',
    "Dick Whittington panto on the children's ward today was amazing",
    'Class act, the whole team. Assessment in the morning.',
  ],
  invalid: [
    { text: 'you lot are useless f***ing parasites', spans: ['f***ing'] },
    { text: 'F*CK this place. sh1t service', spans: ['F*CK'] },
    { text: 'F*** the NHS and f*** everyone who works for it', spans: ['F***'] },
    { text: "You're all a pack of lying b*stards", spans: ['b*stards'] },
    { text: 'Useless bunch of c***s', spans: ['c***s'] },
    { text: 'F U C K the NHS', spans: ['F U C K'] },
    { text: 'fuuuuuck this hospital', spans: ['fuuuuuck'] },
    {
      text: 'Absolute shower of sh*te. Every last one of you',
      spans: ['sh*te'],
      name: 'a mild word aimed at people',
    },
    { text: 'Absolute scumbags. Rot in hell 🖕', spans: ['🖕'] },
    { text: 'The nurses were f***ing brilliant', name: 'swearing in praise only supports' },
    { text: 'this service is shit', name: 'mild swearing only supports' },
  ],
});
