/**
 * negative_feedback.frustration — grumbles about access, waiting, phones and not being listened
 * to, and the exasperated asides that go with them ("4 hours on hold", "47th in the queue", "4
 * hours and counting", "can't get a GP appointment", "what's the point of 111", "is there even
 * any NHS dentist…", "same every single week", 🙄). Enough on its own (INB-6).
 */
import { z } from 'zod';
import { isHypothetical, isQuoted } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { isNegatedNear, matchesIn, phraseSource } from '../../text/desk-cues.js';

// Efforts measured in weeks, months or years ("been trying to get a dentist for 2 years"), calls
// counted ("tried ringing the surgery 47 times") and
// places in a queue ("47th in the queue"). Bare waits ("waited 12 hours") are left alone: they are
// as often the facts of a complaint, a safety report or an FOI question as a grumble.
const LONG_WAIT =
  /(?<![\p{L}])(?:(?:tried|trying|rang|ringing|called|calling|phoned|phoning)\s+(?:[\p{L}]+\s+){0,3}?\d{1,3}\s+times|(?:been\s+trying|trying\s+to\s+get\s+(?:[\p{L}-]+\s+){1,3}for)\s+(?:over\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:\d{1,3}|two|three|four|five|six|several|many)\s+(?:hours|weeks|months|years)|\d{1,3}(?:st|nd|rd|th)\s+in\s+(?:the\s+)?(?:queue|line))(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'negative_feedback.frustration',
    label: 'negative_feedback',
    description: 'A grumble about access, waiting, phones or not being listened to',
    requirements: ['INB-6'],
  },
  options: z.object({}).strict(),
  create() {
    const frustration = new RegExp(phraseSource('negative_feedback-criticism', ['frustration']), 'gu');
    return (p, report) => {
      for (const re of [frustration, LONG_WAIT]) {
        for (const m of matchesIn(p, re)) {
          const at = m.index!;
          if (isNegatedNear(p, at, 15) || isHypothetical(p, at) || isQuoted(p, at)) continue;
          report({ start: at, end: at + m[0].length, weight: 1, note: `Frustration: "${m[0]}"` });
          return;
        }
      }
    };
  },
});
