import signal from './media_enquiry.journalist.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: "I'm going to the papers about how my mum was treated",
      name: 'threatening to go to the press is not being the press',
    },
    {
      text: 'My cousin is a reporter and she says you are hiding something',
      name: 'a journalist mentioned by someone else',
    },
    {
      text: 'Saw it in the local paper, the trust is charging for parking now',
      name: 'an outlet named as a source',
    },
    { text: 'The reporter from the BBC was rude to my dad', name: 'a third-party reporter' },
    {
      text: 'I work as a producer for a recruitment firm',
      name: 'a producer outside the media, with no outlet',
    },
    'Thank you to the nurses on ward 5',
  ],
  invalid: [
    {
      text: "Hi, I'm a reporter at the Swindon Advertiser. Can we get a comment?",
      spans: ['reporter at the Swindon Advertiser'],
    },
    {
      text: 'Senior producer, Channel 4 News. We invite you to respond.',
      name: 'role, comma, outlet',
    },
    {
      text: 'Hi there, Sophie from the Health Service Journal. Can your press office confirm?',
      name: 'name from outlet',
    },
    {
      text: 'Radio Wiltshire here, we would like someone on the breakfast show',
      name: 'outlet here',
    },
    {
      text: 'Good afternoon, Health Service Journal here. We understand the chief nurse has resigned.',
      name: 'outlet here after a greeting',
    },
    {
      text: 'hiya im with the local paper, heard theres been an outbreak',
      name: 'text-speak, "with the local paper"',
    },
    {
      text: 'my name is Sam, I write for a local community magazine',
      name: 'writes for a magazine',
    },
    {
      text: "We're a student radio show doing a segment on sexual health services",
      name: 'we are an outlet',
    },
    {
      text: 'DM from Sky: our correspondent is outside the hospital now',
      name: "the outlet's voice",
    },
    { text: 'This is Priya, a researcher for BBC Radio 4', name: 'appositive role and outlet' },
    { text: 'BBC Wiltshire newsroom: we are live on air in 20 minutes', name: 'newsroom' },
    {
      text: 'Freelance journalist writing for the Guardian on GP access.',
      spans: ['journalist writing for the Guardian'],
    },
  ],
});
