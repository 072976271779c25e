/**
 * media_enquiry.deadline — when the story runs or the answer is needed ("comment by 4pm today",
 * "going live within the hour", "we're publishing at 6pm", "on air at the top of the hour").
 * Weak supporting evidence; it makes a media enquiry urgent when the deadline or broadcast is the
 * same day: a journalist about to publish is a reputational risk the on-call manager must see out
 * of hours (INB-15, INB-4).
 *
 * Same day means: "today", "tonight", "this afternoon", "within the hour", "asap", "going live",
 * "on air", "going to print", tomorrow's paper or front page (it goes to print tonight); or a clock time ("by 2pm", "our 6:30
 * bulletin") when the item names no later day. A named weekday counts as today when the item's
 * `receivedAt` falls on it.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn } from '../../text/desk-cues.js';
import { hitsOf } from '../../text/phrase-index.js';
import { mayBeMedia, mediaCues } from './cues.js';

const SAME_DAY =
  /(?<![\p{L}])(?:today|tonight|this\s+(?:afternoon|evening|morning)|within\s+the\s+hour|in\s+the\s+next\s+(?:hour|\d{1,2}\s+(?:mins|minutes))|in\s+\d{1,3}\s+(?:mins?|minutes)|top\s+of\s+the\s+hour|asap|as\s+soon\s+as\s+possible|urgently|right\s+now|end\s+of\s+(?:the\s+)?day|eod|close\s+of\s+play|going\s+live|go\s+live|goes\s+live|on\s+air|live\s+(?:at|on\s+air)|(?:going|goes|go)\s+to\s+print|(?:in|within)\s+(?:an|the\s+next|(?:a\s+couple\s+of|two|three|2|3)\s+)\s*hours?|tomorrow's\s+(?:paper|papers|front\s+page|edition|splash)|(?:front\s+page|paper|papers|edition)\s+tomorrow)(?![\p{L}])/u;
const CLOCK =
  /(?<![\p{L}\d:])(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?:am|pm)|(?:[01]?\d|2[0-3])[:.][0-5]\d|(?:[01]?\d|2[0-3])\s?o'?clock|noon|midday|midnight)(?![\p{L}\d])/gu;
const LATER_DAY =
  /(?<![\p{L}])(?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun|next\s+(?:week|month)|weekend|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[\p{L}]*)(?![\p{L}])/gu;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The weekday (lower case) an ISO timestamp falls on, or undefined when it cannot be read. */
function weekdayOf(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : WEEKDAYS[d.getUTCDay()];
}

export default defineSignal({
  meta: {
    id: 'media_enquiry.deadline',
    label: 'media_enquiry',
    description: 'A deadline or publication time; urgent when it is the same day',
    requirements: ['INB-15', 'INB-4'],
  },
  options: z
    .object({
      /** Weight of a deadline as evidence of a media enquiry (it mostly decides urgency). */
      weight: z.number().min(0).max(1).default(0.25),
    })
    .strict(),
  create(options) {
    const { timing } = mediaCues();
    return (p, report) => {
      // A deadline only matters beside other media evidence; skip items with no media cue at all.
      const cues = mediaCues();
      if (!mayBeMedia(p) && hitsOf(p, cues.story).length === 0 && hitsOf(p, cues.ask).length === 0)
        return;
      const timings = hitsOf(p, timing).map((h) => ({ index: h.index, end: h.end }));
      const clocks = matchesIn(p, CLOCK);
      const sameDay = SAME_DAY.exec(p.lower);
      if (timings.length === 0 && clocks.length === 0 && !sameDay) return;
      const today = weekdayOf(p.item.receivedAt);
      const laterDays = matchesIn(p, LATER_DAY).filter(
        (m) => !today || !m[0].startsWith(today.slice(0, 3)),
      );
      let urgent = sameDay !== null;
      let span: { start: number; end: number } | undefined = sameDay
        ? { start: sameDay.index, end: sameDay.index + sameDay[0].length }
        : undefined;
      if (!urgent && clocks.length > 0 && laterDays.length === 0) {
        urgent = true;
        span = { start: clocks[0]!.index!, end: clocks[0]!.index! + clocks[0]![0].length };
      }
      if (!span) {
        const first = timings[0] ?? {
          index: clocks[0]!.index!,
          end: clocks[0]!.index! + clocks[0]![0].length,
        };
        span = { start: first.index, end: first.end };
      }
      report({
        ...span,
        weight: options.weight,
        urgent,
        note: urgent ? 'Deadline or broadcast today' : 'Deadline or publication time',
      });
    };
  },
});
