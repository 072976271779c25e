/**
 * praise.good_news_story — a warm personal story the communications team may want to share as
 * good news (INB-17): a clearly positive item with the marks of a story — a birth, a birthday, a
 * recovery, final days cared for with dignity, a qualification — or a long first-hand account.
 * Supporting evidence carrying the note "possible good-news story".
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { toneOf } from '../../sentiment.js';
import { isMeant } from './cues.js';

export default defineSignal({
  meta: {
    id: 'praise.good_news_story',
    label: 'praise',
    description: 'A positive personal story worth flagging as possible good news',
    requirements: ['INB-17'],
  },
  options: z
    .object({
      /** Tone score (sentiment lexicon) an item needs before it can be a good-news story. */
      minTone: z.number().default(4),
      /** Length from which a clearly positive first-hand account counts as a story by itself. */
      storyLength: z.number().int().default(220),
    })
    .strict(),
  create(options) {
    const story = phraseIndex('praise-cues', ['story']);
    const firstHand = /(?<![\p{L}])(?:my|our|i|we)(?![\p{L}])/u;
    return (p, report) => {
      const tone = toneOf(p);
      if (tone.score < options.minTone || tone.sarcasm.length > 0) return;
      const marker = hitsOf(p, story).find((m) => isMeant(p, m.index!));
      if (marker) {
        report({
          start: marker.index!,
          end: marker.index! + marker.text.length,
          weight: 0.5,
          note: 'possible good-news story',
        });
      } else if (p.text.length >= options.storyLength && firstHand.test(p.lower)) {
        const first = p.sentences[0];
        report({
          start: first?.start ?? 0,
          end: first?.end ?? p.text.length,
          weight: 0.5,
          note: 'possible good-news story',
        });
      }
    };
  },
});
