import signal from './patient_safety.self_harm.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Kill yourself you useless nurse',
      name: 'aimed at someone else: abuse, not self-harm',
    },
    { text: "I'm not suicidal or anything, just fed up with waiting 18 months", name: 'negated' },
    {
      text: "If you're ever feeling suicidal, please call Samaritans on 116 123. You're not alone",
      name: 'signposting',
    },
    {
      text: "Our nurses deserve better pay, they're killing themselves working 14 hour shifts",
      name: 'overwork idiom',
    },
    'This heat is killing me, can you open a window in outpatients',
    'Absolutely dying for a brew after 3 hours in this waiting room lol',
    'Interesting article on rising suicide rates among young men, more funding needed',
    "I can't go on holiday because my op keeps getting moved",
    'There is no point ringing 111 any more, they just say go to A&E',
  ],
  invalid: [
    {
      text: "honestly don't see the point anymore. been waiting 2 years and I've started cutting again",
      spans: ["don't see the point anymore", 'started cutting'],
    },
    {
      text: "my partner said tonight he's going to kill himself and he's walked out",
      spans: ['kill himself'],
    },
    {
      text: 'I just want to go to sleep and not wake up. 3rd time my appt has been cancelled',
      spans: ['just want to go to sleep and not wake up'],
    },
    {
      text: 'Seriously thinking about ending things. Been on the CAMHS list for 18 months.',
      spans: ['ending things'],
    },
    {
      text: "I'm 19 and I've taken a load of my mum's tablets about an hour ago",
      spans: ["taken a load of my mum's tablets"],
    },
    {
      text: "She's been left alone with a belt and she's thinking of using it",
      spans: ['left alone with a belt'],
    },
    {
      text: 'pls help my bro is having a panic attack n says hes gonna jump off the multi storey',
      spans: ['gonna jump off'],
    },
    {
      text: 'Im sat in my car and I cant see a reason to keep going',
      spans: ['cant see a reason to keep going'],
    },
    { text: 'i cant keep myself safe tonight', spans: ['cant keep myself safe'] },
    {
      text: "Honestly if I get another cancellation I'm done, I won't be here to see the next date",
      spans: ["I won't be here to see"],
    },
    {
      text: "Hiya, I'm 17. Been self harming for a few months and I want help",
      name: 'a young person: safeguarding too',
      spans: ['self harming'],
    },
    {
      text: 'i keep thinking about driving into a wall on the way home',
      spans: ['thinking about driving into'],
    },
    {
      text: 'honestly think it would be easier for everyone if i just wasnt around',
      spans: ['easier for everyone if i just wasnt around'],
    },
    {
      text: 'nobody would even notice if i was gone tbh',
      spans: ['nobody would even notice if i'],
    },
    { text: 'sat in the car with the tablets in my lap', spans: ['tablets in my lap'] },
    {
      text: "She's barricaded herself in her room and has got a razor",
      spans: ['barricaded herself in her room and has got a razor'],
    },
    {
      text: 'A lad is stood on the railings of the bridge by the hospital',
      spans: ['lad is stood on the railings of the bridge'],
    },
  ],
});
