import signal from './misinformation.hearsay.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    'The nurses on ward 3 were lovely',
    { text: 'I never heard back from PALS', name: '"heard back" is not hearsay' },
  ],
  invalid: [
    {
      text: 'Apparently the hospital is refusing to treat anyone unvaccinated',
      spans: ['Apparently'],
    },
    {
      text: "Everyone's saying the Royal has stopped doing cancer operations",
      spans: ["Everyone's saying"],
    },
    { text: 'My neighbour works there and told me', spans: ['My neighbour works'] },
    { text: 'Heard the hospital is making people pay £50 to be seen', spans: ['Heard'] },
    { text: 'PSA: the trust is now charging £20 for a GP appointment', spans: ['PSA'] },
    { text: 'A&E to close permanently from Monday!! Share!!!', spans: ['Share!!!'] },
    { text: "My friend's a receptionist, plan ahead!", spans: ["My friend's"] },
  ],
});
