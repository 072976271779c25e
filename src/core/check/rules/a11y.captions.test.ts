import rule from './a11y.captions.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      text: 'Our new video',
      media: [{ type: 'video', alt: 'Midwife explaining the first appointment', captions: true }],
    },
    { text: 'Pictures only', media: [{ type: 'image' }], name: 'images do not need captions' },
    { text: 'No media at all' },
    {
      text: 'Two videos',
      media: [
        { type: 'video', captions: true },
        { type: 'video', captions: true },
      ],
    },
  ],
  invalid: [
    {
      text: 'Watch this',
      media: [{ type: 'video' }],
      errors: [{ actual: '', message: /video 1 without captions/ }],
      name: 'captions not recorded',
    },
    {
      text: 'Watch this',
      media: [{ type: 'video', captions: false }],
      errors: [{ message: /video 1/ }],
    },
    {
      text: 'Two clips',
      media: [
        { type: 'image', alt: 'A ward' },
        { type: 'video', captions: true },
        { type: 'video', captions: false },
      ],
      errors: [{ message: /video 3/ }],
      name: 'numbered by position among all media',
    },
    {
      text: 'Staff video',
      audience: 'personal',
      media: [{ type: 'video' }],
      errors: [{ message: /captions/ }],
      name: 'personal accounts too',
    },
  ],
});
