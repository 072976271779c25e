import rule from './a11y.text_image.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      text: 'Our new ward',
      media: [{ type: 'image', alt: 'A bright ward' }],
      name: 'not a text image',
    },
    {
      text: 'Winter vaccines',
      media: [
        {
          type: 'image',
          text_only: true,
          alt: 'Poster: Winter vaccines are free for over 65s. Book at your GP practice or pharmacy today.',
        },
      ],
      name: 'long alt text carries the words',
    },
    {
      text: 'Flu',
      media: [{ type: 'image', text_only: true, alt: 'Graphic that reads "Flu jabs are free"' }],
      name: 'alt text quotes the graphic',
    },
    {
      text: 'Flu',
      media: [{ type: 'image', text_only: true, alt: 'Text: Open 8am to 8pm today' }],
      name: 'alt text gives the text after "Text:"',
    },
    { text: 'A video', media: [{ type: 'video', captions: true }] },
  ],
  invalid: [
    {
      text: 'Share our poster!',
      media: [{ type: 'image', text_only: true }],
      errors: [{ actual: '', message: /image 1 that is mostly text/ }],
    },
    {
      text: 'Share our poster!',
      media: [{ type: 'image', text_only: true, alt: 'Vaccine poster' }],
      errors: [{ message: /mostly text/ }],
      name: 'a short label does not carry the words',
    },
    {
      text: 'Two graphics',
      media: [
        { type: 'image', alt: 'A ward' },
        { type: 'image', text_only: true, alt: 'Blue graphic with white text' },
      ],
      errors: [{ message: /image 2/ }],
    },
    {
      text: 'Short alt',
      media: [{ type: 'image', text_only: true, alt: 'Poster' }],
      profile: 'a11y-text-image-strict',
      errors: [{ message: /mostly text/ }],
      name: 'minAltLength option',
    },
  ],
});
