import rule from './media.consent.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      text: 'Meet the team',
      media: [{ type: 'image', alt: 'Five nurses', identifiable_people: true, consent: true }],
    },
    {
      text: 'Our new ward',
      media: [{ type: 'image', alt: 'An empty ward', identifiable_people: false }],
      name: 'nobody identifiable',
    },
    {
      text: 'Our garden',
      media: [{ type: 'image', alt: 'A garden' }],
      name: 'identifiable people not flagged',
    },
    {
      text: 'A video',
      media: [{ type: 'video', captions: true, identifiable_people: true, consent: true }],
    },
    {
      text: 'Consent without people',
      media: [{ type: 'image', alt: 'A ward', consent: false }],
      name: 'consent only matters when someone can be identified',
    },
  ],
  invalid: [
    {
      text: 'Happy birthday to our volunteer!',
      media: [{ type: 'image', alt: 'A volunteer with a cake', identifiable_people: true }],
      errors: [
        { actual: '', message: /image 1 showing an identifiable person without recorded consent/ },
      ],
      name: 'consent not recorded',
    },
    {
      text: 'Watch our patient story',
      media: [{ type: 'video', captions: true, identifiable_people: true, consent: false }],
      errors: [{ message: /video 1/ }],
    },
    {
      text: 'Two photos',
      media: [
        { type: 'image', alt: 'A', identifiable_people: true, consent: true },
        { type: 'image', alt: 'B', identifiable_people: true },
      ],
      errors: [{ message: /image 2/ }],
    },
    {
      text: 'Night shift selfie with my patient',
      audience: 'personal',
      media: [{ type: 'image', alt: 'Selfie', identifiable_people: true }],
      errors: [{ message: /consent/ }],
      name: 'personal accounts too',
    },
  ],
});
