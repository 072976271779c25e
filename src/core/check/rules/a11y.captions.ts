/**
 * a11y.captions — a video without captions. People who are deaf or hard of hearing, and the many
 * who watch with the sound off, miss everything that is said (PUB-4).
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'a11y.captions',
    description: 'Video without captions',
    defaultSeverity: 'warn',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (draft, report) => {
      draft.media.forEach((item, i) => {
        // Only an explicit yes counts: a missing flag means nobody checked.
        if (item.type !== 'video' || item.captions === true) return;
        report({
          start: 0,
          end: 0,
          message: `Unexpected video ${i + 1} without captions, expected captions burnt in or a caption file`,
          note: 'Add captions before posting: most platforms can generate them, but check and correct them, especially names and medical terms.',
        });
      });
    };
  },
});
