import signal from './praise.compliment.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'great, another 6 hour wait, well done', name: 'sarcasm' },
    {
      text: 'Hospital food has gone downhill. Cold chips and grey peas, lovely 🤢',
      name: 'sarcastic trailing compliment',
    },
    { text: 'The food was not great to be honest', name: 'negated' },
    { text: 'Are the staff friendly on the maternity ward?', name: 'asked about, not given' },
    {
      text: "We'd love to interview someone from your maternity team",
      name: 'a wish, not a compliment',
    },
    { text: 'My dad is on the cardiac ward at the Great Western', name: 'a name' },
    { text: 'The NHS used to be something to be proud of. Now look at it.', name: 'nostalgia' },
    { text: 'Patient on bay 3 has been lying in a wet bed since 2pm', name: '"patient" the noun' },
    { text: 'my loved ones were told nothing', name: '"loved ones" are family' },
  ],
  invalid: [
    { text: 'Calm, kind and funny at 3am 💙 baby Alfie is here!', spans: ['kind and funny'] },
    {
      text: 'Staff in A&E absolutely killing it tonight. Legends the lot of you 👏',
      spans: ['killing it'],
    },
    { text: 'The chocolate brownies in the Costa are to die for 😍', spans: ['to die for'] },
    {
      text: "Called 111 for my nan, they sent an ambulance in 15 mins. Top service, can't fault it",
      spans: ['Top service'],
    },
    { text: "the artist's drawings look amazing! When does it open?", spans: ['look amazing'] },
    { text: 'Loved the new waiting area in outpatients', spans: ['Loved'] },
    {
      text: 'Top marks for the vaccine clinic at the football ground, so well organised',
      spans: ['Top marks'],
    },
    {
      text: 'Have to say, the new online booking is miles better than ringing at 8am',
      spans: ['miles better'],
    },
    {
      text: 'The nurses were angels but the food was awful.',
      spans: ['angels'],
      name: 'mixed: the compliment counts too',
    },
    { text: 'I think you do a great job of explaining things', spans: ['great job'] },
  ],
});
