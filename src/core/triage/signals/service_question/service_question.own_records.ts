/**
 * service_question.own_records — asks about the author's own (or a relative's) records, results,
 * letters, appointments or prescriptions: "I'd like to request my medical records", "can someone
 * chase my results", "please email my appointment letter", "I'm requesting a double appointment
 * for my mum", "can you check if she's due her jabs". A service matter (subject access or admin),
 * never an FOI request (INB-1, INB-7). Past grievances ("my referral was never received") are
 * left to complaint.
 */
import { z } from 'zod';
import { isNegated } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource, sentenceIndexAt } from '../../text/desk-cues.js';

const LIST = 'service_question-own-records';
// Whose: the author's or a relative's.
const OWNER = String.raw`(?<![\p{L}])(?:my|our|his|her|their|me\s+a|us\s+a|(?:mum|mom|mam|dad|son|daughter|wife|husband|partner|child|baby|nan|nana|gran|grandad|grandma|brother|sister)'?s)\s+(?:[\p{L}-]+\s+){0,3}?`;
// Booking verbs with an indefinite object: "request a call back", "requesting a double appointment".
const BOOKING = String.raw`(?<![\p{L}])(?:request|requesting|book|booking|arrange|rebook|reschedule|cancel|change|move)\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,1}?`;
// Said as a request or question, not a grumble ("impossible to get a GP appointment").
const ASKING = /(?<![\p{L}])(?:please|pls|plz|can|could|would|i'?d\s+like|i\s+would\s+like|i'?m\s+requesting|i\s+am\s+requesting|how\s+do|how\s+can|do\s+i|is\s+it\s+possible|want\s+to)(?![\p{L}])|\?/u;

export default defineSignal({
  meta: {
    id: 'service_question.own_records',
    label: 'service_question',
    description: "Asks for the author's own records, results, letters, appointments or prescriptions",
    requirements: ['INB-1', 'INB-7'],
  },
  options: z.object({}).strict(),
  create() {
    const verb = phraseSource(LIST, ['admin-verb']);
    const noun = phraseSource(LIST, ['admin']);
    // A request verb, then (within a few words) an owned record: "request my medical records".
    const pattern = new RegExp(String.raw`${verb}\s+(?:(?:to|for|on|up|through|about|from|if|whether|when|(?:he|she|they|i|we)(?:'s|'re|'m)?|is|are|due|the|a|copy\s+of|please|pls)\s+){0,4}${OWNER}${noun}`, 'gu');
    const booking = new RegExp(`${BOOKING}${noun}`, 'gu');
    // Updates on a relative: "can someone tell us when he's going to be moved".
    const update = /(?<![\p{L}])(?:can|could)\s+(?:someone|somebody|anyone|you|u)\s+(?:please\s+)?(?:tell|let)\s+(?:me|us)\s+(?:know\s+)?(?:when|where|what\s+time|how\s+long)(?![\p{L}])/gu;
    return (p, report) => {
      for (const m of matchesIn(p, pattern)) {
        if (isNegated(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 1, note: 'Asks about their own records or appointments' });
        return;
      }
      for (const m of matchesIn(p, booking)) {
        if (isNegated(p, m.index!)) continue;
        const s = p.sentences[sentenceIndexAt(p, m.index!)];
        if (!s || !ASKING.test(p.lower.slice(s.start, s.end))) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 1, note: 'Asks to book or change an appointment' });
        return;
      }
      for (const m of matchesIn(p, update)) {
        if (sentenceIndexAt(p, m.index!) < 0) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 1, note: 'Asks for an update on their care' });
        return;
      }
    };
  },
});
