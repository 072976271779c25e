import signal from './media_enquiry.deadline.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'Is the pharmacy open today?', name: 'no media cue at all: a time is not a deadline' },
    'Thanks for sorting my appointment',
  ],
  invalid: [
    {
      text: "Hi, I'm a reporter at the Swindon Advertiser. We're running a story tomorrow. Can someone give us a comment by 4pm today?",
      urgent: true,
      spans: ['today'],
      name: 'a same-day deadline is urgent',
    },
    {
      text: "Hi from the Telegraph's health team. We're publishing tonight on locum spending.",
      urgent: true,
      name: 'publishing tonight',
    },
    {
      text: 'Reporter from ITV Meridian here. Are you able to provide a statement before our 6:30 bulletin?',
      urgent: true,
      name: 'a clock time with no later day',
    },
    {
      text: 'BBC Wiltshire newsroom: we are live on air in 20 minutes',
      urgent: true,
      name: 'on air now',
    },
    {
      text: "Any comment on the leaked report? We're running it on our front page tomorrow.",
      urgent: true,
      name: "[INB-4] tomorrow's front page goes to print tonight",
    },
    {
      text: "I'm writing a piece for the Bath Chronicle and would like a quote. Deadline is Wednesday 5pm.",
      name: 'a deadline on a later day is not urgent',
    },
    {
      text: 'Radio Wiltshire here, we would like someone on the breakfast show tomorrow. Can you let us know by 3pm?',
      name: 'a show tomorrow is not urgent',
    },
    {
      text: 'Journalist at the Telegraph. Could you comment on the figures? Deadline Wednesday 10am.',
      receivedAt: '2026-03-04T09:00:00Z',
      urgent: true,
      name: 'the named weekday is today',
    },
  ],
});
