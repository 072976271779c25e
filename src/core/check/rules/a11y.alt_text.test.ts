import rule from './a11y.alt_text.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const img = (alt?: string) => ({ type: 'image' as const, ...(alt === undefined ? {} : { alt }) });

ruleTester(rule, {
  valid: [
    {
      text: 'Meet the team!',
      media: [img('Five nurses in blue uniforms standing in a bright lounge with armchairs')],
    },
    { text: 'No pictures here.', name: 'no media' },
    {
      text: 'Watch our video',
      media: [{ type: 'video', captions: true }],
      name: 'videos need captions, not alt text',
    },
    { text: 'New poster', media: [img('Poster: Winter vaccines are free for over 65s.')] },
    {
      text: 'Short but real',
      media: [img('Nurse')],
      name: 'a one-word description is poor but not missing',
    },
    {
      text: 'Photo caption',
      media: [img('Photo of Amir Hussain holding a glass award')],
      name: 'alt starting with "photo of" that goes on to describe',
    },
    {
      text: 'Image',
      media: [img('An image of the new MRI scanner arriving by crane')],
      name: 'the word image inside a description',
    },
    { text: 'Logo', media: [img('Example NHS Trust logo')], name: 'a described logo' },
    { text: 'Two images', media: [img('A ward'), img('A garden with benches')] },
    {
      text: 'Filename-like words',
      media: [img('Dr Jones, 2024 winner')],
      name: 'a name with a number is not a file name',
    },
  ],
  invalid: [
    {
      text: 'Meet the team!',
      media: [{ type: 'image', identifiable_people: true, consent: true }],
      errors: [{ actual: '', message: /image 1 that has no alt text/ }],
    },
    { text: 'Our poster', media: [img('')], errors: [{ message: /image 1 that has no alt text/ }] },
    {
      text: 'Our poster',
      media: [img('   ')],
      errors: [{ message: /no alt text/ }],
      name: 'whitespace only',
    },
    {
      text: 'Our new ward opened today',
      media: [img('A bright new ward with eight beds'), img()],
      errors: [{ message: /image 2/ }],
    },
    { text: 'Look', media: [img('image')], errors: [{ message: /placeholder alt text "image"/ }] },
    { text: 'Look', media: [img('Photo.')], errors: [{ message: /placeholder/ }] },
    { text: 'Look', media: [img('picture')], errors: [{ message: /placeholder/ }] },
    { text: 'Look', media: [img('IMG_1234.jpg')], errors: [{ message: /file name|placeholder/ }] },
    { text: 'Look', media: [img('IMG_1234')], errors: [{ message: /placeholder/ }] },
    { text: 'Look', media: [img('DSC01234')], errors: [{ message: /placeholder/ }] },
    { text: 'Look', media: [img('ward-opening-final-v2.png')], errors: [{ message: /file name/ }] },
    {
      text: 'Look',
      media: [img('https://example.nhs.uk/a.jpg')],
      errors: [{ message: /file name|link/ }],
    },
    { text: 'Look', media: [img('an image')], errors: [{ message: /placeholder/ }] },
    { text: 'Look', media: [img('alt text')], errors: [{ message: /placeholder/ }] },
    { text: 'Look', media: [img('🎉🎉')], errors: [{ message: /describes nothing/ }] },
    {
      text: 'Three images',
      media: [img(), { type: 'video', captions: true }, img('screenshot')],
      errors: [{ message: /image 1/ }, { message: /image 3/ }],
      name: 'one finding per image, numbered by position',
    },
    {
      text: 'Look',
      media: [img('Untitled design')],
      profile: 'a11y-alt-text-placeholders',
      errors: [{ message: /placeholder/ }],
      name: 'profile placeholders',
    },
  ],
});
