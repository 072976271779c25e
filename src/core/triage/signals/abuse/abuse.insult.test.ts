import signal from './abuse.insult.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'I felt like such an idiot for not knowing where the clinic was but the staff were so kind',
      name: 'self-deprecation',
    },
    {
      text: "A man in the waiting room was screaming 'you fat cow' at the receptionist",
      name: 'reporting someone else (single quotes)',
    },
    { text: 'She called me a fat cow in front of everyone', name: 'reporting what was said' },
    { text: 'Why is no one checking on the old man in bay 2?', name: '"old man" is not an insult' },
    { text: 'There are rats in the hospital kitchen', name: 'literal animals' },
    {
      text: "Your A&E is an absolute joke and the staff couldn't care less",
      name: 'criticism, not name-calling',
    },
    'Had to laugh when the doctor called himself a dinosaur with tech, lovely man',
    "The Muppets film night on the children's ward was brilliant",
    "I'm not calling anyone names but the service has been poor",
    'That woman on reception was so lovely to my mum',
  ],
  invalid: [
    { text: 'the receptionist is a fat cow and needs sacking', spans: ['fat cow'] },
    { text: "That idiot on reception wouldn't let me book", spans: ['idiot'] },
    { text: 'Absolute scumbags. Every last one of you', spans: ['scumbags'] },
    {
      text: 'Your GP receptionists are a bunch of jumped-up little Hitlers',
      spans: ['little Hitlers'],
    },
    { text: 'bunch of clowns running this trust, total muppets', spans: ['clowns', 'muppets'] },
    { text: 'you absolute bellend waste of space', spans: ['waste of space'] },
    {
      text: 'Stupid woman on reception. Thick as two short planks.',
      spans: ['woman', 'Thick as two short planks'],
    },
    { text: 'More like useless lumps of lard sat on your arses all day', spans: ['lumps of lard'] },
  ],
});
