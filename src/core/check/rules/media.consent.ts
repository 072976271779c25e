/**
 * media.consent — an image or video showing someone who could be identified, without their
 * recorded consent. Publishing it breaches their privacy and the media library rules (PUB-8),
 * so it blocks by default.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'media.consent',
    description: 'Image or video with an identifiable person and no recorded consent',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-8'],
  },
  options: z.object({}).strict(),
  create() {
    return (draft, report) => {
      draft.media.forEach((item, i) => {
        // Only a recorded yes counts: missing consent is treated as no consent.
        if (item.identifiable_people !== true || item.consent === true) return;
        report({
          start: 0,
          end: 0,
          message: `Unexpected ${item.type} ${i + 1} showing an identifiable person without recorded consent, expected consent on record for everyone shown`,
          note: 'Record consent in the media library (who gave it, when, and for what use) before posting, or use a picture in which nobody can be identified.',
        });
      });
    };
  },
});
