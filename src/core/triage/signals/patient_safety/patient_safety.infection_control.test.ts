import signal from './patient_safety.infection_control.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'Great hand hygiene poster on ward 4, well done team',
    'Is the flu clinic still on at the leisure centre?',
    'Had my covid booster today, arm a bit sore',
  ],
  invalid: [
    {
      text: "She's covid positive and they've moved her into a bay with my dad who's on chemo",
      spans: ["covid positive and they've moved her into a bay with"],
    },
    {
      text: 'There is a norovirus outbreak on the ward and nobody is washing their hands',
      spans: ['nobody is washing their hands'],
    },
    { text: 'The nurse used the same gloves for every patient in the bay', spans: ['same gloves'] },
    {
      text: 'There was a used needle left in the bed my mum was moved into',
      spans: ['used needle'],
    },
    {
      text: "The lady opposite has C diff and she's still in the open bay with everyone",
      spans: ["C diff and she's still in the open bay"],
    },
  ],
});
