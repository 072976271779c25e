import signal from './foi_request.aggregate_scope.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'I had my op in 2019 and it was great', name: 'a period without a request' },
    {
      text: 'The trust spent £2m on agency staff last year, disgraceful',
      name: 'figures stated, not asked for',
    },
    'When is the flu clinic open this month?',
  ],
  invalid: [
    {
      text: 'Could you tell me how much the trust spent on agency nurses in 2023/24, broken down by month?',
      spans: ['in 2023/24'],
    },
    { text: "I'd like the number of complaints each year since 2019", spans: ['each year'] },
    { text: 'How many staff left over the last five years?', spans: ['over the last five years'] },
    {
      text: 'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
      name: 'a breakdown asked after the question',
    },
    { text: 'How many patients waited over 12 hours at each site?', spans: ['at each site'] },
    {
      text: 'How many complaints did you get about the new booking system since it launched?',
      spans: ['since it launched'],
    },
  ],
});
