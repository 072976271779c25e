/**
 * a11y.alt_text — an image with no useful alternative text. Without it, people using screen
 * readers only hear "image" and miss what the post is about (PUB-4). Alt text that is only a
 * placeholder ("image", "photo"), a file name ("IMG_1234.jpg") or a link counts as none.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';

/** Words that say only that there is a picture, not what it shows. */
const STAND_IN_WORDS =
  'image|images|img|photo|photos|photograph|picture|pictures|pic|pics|graphic|graphics|screenshot|screen shot|screengrab|video|gif|meme|poster|banner|logo|untitled|alt|alt text|alttext|description|image description|no description|none|n/a|na|tbc|tbd|todo|to do|null|undefined|test|placeholder|attachment|media|upload|file|insert alt text|add alt text|alt text here'.split(
    '|',
  );

/** Camera and upload file names: IMG_1234, DSC01234, PXL_20240101_123456, image0, photo-2. */
const CAMERA_NAME =
  /^(?:img|dsc|dscn|dcim|pxl|mvimg|wp|screenshot|screen shot|image|photo|picture|pic|file|untitled|whatsapp image)[\s_-]*[\d\s_.:-]*(?:\(\d{1,3}\))?$/i;
/** Any file name with an image or video extension. */
const FILE_NAME = /^[^\s/\\]{1,200}\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|svg|avif|mp4|mov)$/i;
const URL = /^(?:https?:\/\/|www\.)\S+$/i;

export default defineRule({
  meta: {
    id: 'a11y.alt_text',
    description: 'Image without alt text',
    defaultSeverity: 'warn',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-4'],
  },
  options: z
    .object({
      /** More alt texts the organisation treats as placeholders (compared ignoring case). */
      placeholders: z.array(z.string()).default([]),
    })
    .strict(),
  create(options) {
    const placeholders = new Set(
      [...STAND_IN_WORDS, ...options.placeholders].map((p) => p.toLowerCase()),
    );

    /** Why an alt text is no use, or null when it describes something. */
    const problem = (alt: string | undefined): string | null => {
      const text = (alt ?? '').trim();
      if (!text) return 'has no alt text';
      // Strip decoration ("Image: ", "[photo]", trailing full stop) before judging.
      const core = text
        .toLowerCase()
        .replace(/^[[("'“‘]+|[\])"'”’.!:;,]+$/g, '')
        .replace(/^(?:an?|the)\s+/, '')
        .trim();
      if (!/[\p{L}\p{N}]/u.test(core)) return `has alt text "${text}" that describes nothing`;
      if (placeholders.has(core) || CAMERA_NAME.test(core))
        return `has placeholder alt text "${text}"`;
      if (FILE_NAME.test(core)) return `has a file name "${text}" as its alt text`;
      if (URL.test(core)) return `has a link "${text}" as its alt text`;
      return null;
    };

    return (draft, report) => {
      draft.media.forEach((item, i) => {
        if (item.type !== 'image') return;
        const why = problem(item.alt);
        if (!why) return;
        report({
          start: 0,
          end: 0,
          message: `Unexpected image ${i + 1} that ${why}, expected a short description of what it shows`,
          note: 'Describe what matters in the picture in a sentence or two (who or what, doing what, and any words it contains), as you would to someone on the phone.',
        });
      });
    };
  },
});
