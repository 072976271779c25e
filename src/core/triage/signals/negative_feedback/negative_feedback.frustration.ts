/**
 * negative_feedback.frustration — grumbles about access, waiting, phones and not being listened
 * to, and the exasperated asides that go with them ("4 hours on hold", "47th in the queue", "4
 * hours and counting", "can't get a GP appointment", "what's the point of 111", "is there even
 * any NHS dentist…", "same every single week", 🙄). Enough on its own (INB-6).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { hypotheticalAt, isNegatedNear, matchesIn, quotedAt } from '../../text/desk-cues.js';
import { GatedPattern, hitsOf, phraseIndex } from '../../text/phrase-index.js';

// Efforts measured in weeks, months or years ("been trying to get a dentist for 2 years"), calls
// counted ("tried ringing the surgery 47 times") and
// places in a queue ("47th in the queue"). Bare waits ("waited 12 hours") are left alone: they are
// as often the facts of a complaint, a safety report or an FOI question as a grumble.
const LONG_WAIT = new GatedPattern([
  {
    triggers: ['times', 'trying', 'queue', 'line', 'here', 'a&e', 'waiting', '1st', '2nd', '3rd'],
    source: String.raw`(?<![\p{L}])(?:(?:tried|trying|rang|ringing|called|calling|phoned|phoning)\s+(?:[\p{L}]+\s+){0,3}?\d{1,3}\s+times|(?:been\s+trying|trying\s+to\s+get\s+(?:[\p{L}-]+\s+){1,3}for)\s+(?:over\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:\d{1,3}|two|three|four|five|six|several|many)\s+(?:hours|weeks|months|years)|\d{1,3}(?:st|nd|rd|th)\s+in\s+(?:the\s+)?(?:queue|line)|been\s+(?:here|sat\s+here|stuck\s+here|sitting\s+here|in\s+(?:a&e|the\s+waiting\s+room))\s+(?:for\s+)?(?:over\s+|nearly\s+|almost\s+)?(?:\d{1,2}|an?|two|three|four|five|six)\s+(?:hours?|hrs?))(?![\p{L}])`,
  },
]);

export default defineSignal({
  meta: {
    id: 'negative_feedback.frustration',
    label: 'negative_feedback',
    description: 'A grumble about access, waiting, phones or not being listened to',
    requirements: ['INB-6'],
  },
  options: z.object({}).strict(),
  create() {
    const frustration = phraseIndex('negative_feedback-criticism', ['frustration']);
    return (p, report) => {
      const found = [
        ...hitsOf(p, frustration),
        ...matchesIn(p, LONG_WAIT).map((m) => ({
          index: m.index!,
          end: m.index! + m[0].length,
          text: m[0],
        })),
      ];
      for (const m of found) {
        const at = m.index;
        if (isNegatedNear(p, at, 15) || hypotheticalAt(p, at) || quotedAt(p, at)) continue;
        report({ start: at, end: m.end, weight: 1, note: `Frustration: "${m.text}"` });
        return;
      }
    };
  },
});
