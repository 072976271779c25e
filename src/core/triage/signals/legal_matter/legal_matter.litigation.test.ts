import signal from './legal_matter.litigation.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'If I mentioned suing would anyone actually reply?', name: 'imagined step' },
    { text: "It's criminal how long the wait for A&E is", name: '"criminal" as an insult' },
    { text: "I'm not going to sue, I just want someone to say sorry", name: 'negated' },
    { text: 'Not looking to take legal action, just want an apology', name: 'negated intent' },
    { text: 'Ate at the food court by the main entrance, pretty decent', name: 'a food court' },
    {
      text: 'My dental crown fell out, can I get an emergency appointment?',
      name: 'a dental crown',
    },
    { text: 'Claim your free NHS health check today at the pharmacy', name: 'a different claim' },
    { text: 'Sue on reception was so helpful today', name: 'a name' },
    'Can I claim travel expenses for my hospital appointments?',
  ],
  invalid: [
    {
      text: 'My solicitors will be in touch. Expect a letter of claim this week.',
      spans: ['letter of claim'],
    },
    {
      text: "I'm taking you to an employment tribunal for unfair dismissal.",
      spans: ['employment tribunal'],
    },
    { text: "We'll see you in court. My lawyers have everything.", spans: ['see you in court'] },
    { text: "I'll be suing the trust for every penny", spans: ['suing'] },
    {
      text: 'Sending a pre-action protocol letter to your legal department today',
      spans: ['pre-action protocol'],
    },
    {
      text: "My late mother's estate is bringing a claim against the trust for the pressure ulcers",
      spans: ['bringing a claim'],
    },
    {
      text: "The coroner has adjourned my brother's inquest because the trust hasn't sent its report",
      spans: ['inquest'],
    },
    {
      text: "Preparing to issue proceedings in the county court regarding my late wife's treatment",
      spans: ['issue proceedings', 'county court'],
    },
    {
      text: 'How much did the trust pay out in clinical negligence claims last year?',
      name: 'a request for figures only supports',
    },
    { text: 'Gone legal now. Sick of being ignored by PALS', spans: ['Gone legal'] },
    {
      text: 'The group action against the trust over the scandal opened today',
      spans: ['group action'],
    },
    { text: 'We intend to claim for everything this has cost us', spans: ['intend to claim'] },
  ],
});
