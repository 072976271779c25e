/** Signals for the `praise` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './praise.model.js';
import compliment from './praise.compliment.js';
import goodExperience from './praise.good_experience.js';
import goodNewsStory from './praise.good_news_story.js';
import promotion from './praise.promotion.js';
import sarcasm from './praise.sarcasm.js';
import thanks from './praise.thanks.js';

export const signals: readonly Signal[] = [
  thanks,
  compliment,
  goodExperience,
  goodNewsStory,
  sarcasm,
  promotion,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
