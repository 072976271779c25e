/**
 * a11y.text_image — a graphic that is mostly text (a poster, a quote card, a notice). Screen
 * readers cannot read words inside a picture and they do not reflow for people who zoom, so the
 * same words must be in the post or in the image's alt text (PUB-4). Commsdesk adds this rule id
 * for the "no text-only images" check.
 *
 * The rule cannot see the picture's words, so it judges the alt text: it passes when the alt text
 * is long enough to carry a graphic's words, or quotes them.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';

/** Alt text that quotes the graphic: "…", “…”, or after "reads:", "says:", "text:", "wording:". */
const QUOTES =
  /["“][^"”]{3,}["”]|(?:^|\s)['‘][^'’]{3,}['’](?=\s|$|[.,;:!?])|\b(?:reads|says|text|wording|words)\s*[:-]\s*\S/iu;

export default defineRule({
  meta: {
    id: 'a11y.text_image',
    description: 'Image that is mostly text',
    defaultSeverity: 'warn',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-4'],
  },
  options: z
    .object({
      /** Alt text at least this long (characters) is taken to carry the graphic's words. */
      minAltLength: z.number().int().min(1).default(80),
    })
    .strict(),
  create(options) {
    return (draft, report) => {
      draft.media.forEach((item, i) => {
        if (item.type !== 'image' || item.text_only !== true) return;
        const alt = (item.alt ?? '').trim();
        if (alt.length >= options.minAltLength) return;
        if (QUOTES.test(alt) && alt.split(/\s+/).length >= 3) return;
        report({
          start: 0,
          end: 0,
          message: `Unexpected image ${i + 1} that is mostly text, expected its words in the post or in its alt text`,
          note: 'Put the words of the graphic in its alt text (for example: Poster that reads "Flu jabs are free for over 65s") or in the post itself; keep text on images short.',
        });
      });
    };
  },
});
