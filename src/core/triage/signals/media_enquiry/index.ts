/** Signals for the `media_enquiry` label. Each is one file here with its test beside it and docs/signals/<id>.md. */
import type { Signal } from '../../signal.js';
import model from './media_enquiry.model.js';
import commentRequest from './media_enquiry.comment_request.js';
import deadline from './media_enquiry.deadline.js';
import journalist from './media_enquiry.journalist.js';
import storyInProgress from './media_enquiry.story_in_progress.js';

export const signals: readonly Signal[] = [
  journalist,
  commentRequest,
  storyInProgress,
  deadline,
  // The statistical model last: its evidence supports or tips what the signals above found.
  model,
];
