import signal from './misinformation.false_health_claim.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Does the flu jab give you flu? Asking for my mum',
      name: 'a question is a medical question',
    },
    { text: "The MMR jab doesn't cause autism, the study was fake", name: 'a denial' },
    { text: 'My doctor said vitamin D might help with my tiredness', name: 'no cure claim' },
    'The vaccine clinic was brilliant with my son',
    { text: 'Is it true that 5G masts make people ill?', name: 'asked' },
  ],
  invalid: [
    {
      text: "The MMR jab causes autism, it's been proven and the NHS is covering it up",
      spans: ['MMR jab causes autism'],
    },
    { text: 'Vitamin D cures covid and the NHS knows it', spans: ['Vitamin D cures covid'] },
    { text: 'The flu jab gives you flu, everyone knows that.', spans: ['flu jab gives you flu'] },
    {
      text: "Don't get the flu jab this year, it's got a microchip tracker in it",
      name: 'microchip in it',
    },
    {
      text: "5G masts on the hospital roof are what's making the patients ill.",
      name: 'radiation illness',
    },
    {
      text: 'Garlic and lemon water cures high blood pressure, no need for tablets',
      name: 'a remedy with "water"',
    },
    {
      text: "Don't take your kids for the MMR, it causes bowel disease and autism",
      name: 'the claim after a negated instruction',
    },
    {
      text: 'The flu jab has mercury in it that damages your brain',
      name: '"has" a harmful ingredient',
    },
    {
      text: "They're putting something in the flu jab to make people sick",
      name: 'putting something in',
    },
    {
      text: "Bicarbonate of soda cures cancer, the NHS just won't admit it",
      name: 'bicarbonate of soda',
    },
    { text: "Fluoride in the water is why everyone's ill", name: 'is why everyone is ill' },
  ],
});
