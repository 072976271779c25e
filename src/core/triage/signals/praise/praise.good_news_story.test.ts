import signal from './praise.good_news_story.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'Thanks for the update', name: 'thanks alone is not a story' },
    {
      text: 'My baby was born on the ward and nobody helped us, awful experience',
      name: 'a story but not a positive one',
    },
    {
      text: "Great job everyone, really great, losing my mum's birthday cards. Stellar work 👏👏",
      name: 'sarcasm',
    },
  ],
  invalid: [
    {
      text: 'Massive thank you to the midwives on the delivery suite last night, especially Priya. Calm, kind and funny at 3am 💙 baby Alfie is here!',
      spans: ['baby'],
    },
    {
      text: "Huge shout out to the night staff on the children's ward who sang happy birthday to my boy at midnight. He'll never forget it ❤️",
      name: 'a birthday on the ward',
    },
    {
      text: 'My twins were born 10 weeks early in 2019 and spent 8 weeks in your NICU. Today they started school. We will never forget what your team did for us. Thank you from the bottom of our hearts 💙',
      name: 'a long personal story',
    },
  ],
});
