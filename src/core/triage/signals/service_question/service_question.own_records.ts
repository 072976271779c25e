/**
 * service_question.own_records — asks about the author's own (or a relative's) records, results,
 * letters, appointments or prescriptions: "I'd like to request my medical records", "can someone
 * chase my results", "please email my appointment letter", "I'm requesting a double appointment
 * for my mum", "can you check if she's due her jabs". A service matter (subject access or admin),
 * never an FOI request (INB-1, INB-7). Past grievances ("my referral was never received") are
 * left to complaint.
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { matchesIn, negatedAt, sentenceIndexAt } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';

const LIST = 'service_question-own-records';
// Between a request verb and the record: a few small words, then whose it is (the author's or a
// relative's) and up to three describing words: "request | my medical | records", "check if
// she's due | her preschool | jabs".
const OWNED_GAP =
  /^\s+(?:(?:to|for|on|up|through|about|from|if|whether|when|(?:he|she|they|i|we)(?:'s|'re|'m)?|is|are|due|the|a|copy\s+of|please|pls)\s+){0,4}(?:my|our|his|her|their|me\s+a|us\s+a|(?:mum|mom|mam|dad|son|daughter|wife|husband|partner|child|baby|nan|nana|gran|grandad|grandma|brother|sister)'?s)\s+(?:[\p{L}-]+\s+){0,3}$/u;
// Booking verbs with an indefinite object: "request a call back", "requesting a double appointment".
const BOOKING_VERB =
  /^(?:request|requesting|book|booking|arrange|rebook|reschedule|cancel|change|move)$/;
const INDEFINITE_GAP = /^\s+(?:a|an)\s+(?:[\p{L}-]+\s+)?$/u;
// Said as a request or question, not a grumble ("impossible to get a GP appointment").
const ASKING =
  /(?<![\p{L}])(?:please|pls|plz|can|could|would|i'?d\s+like|i\s+would\s+like|i'?m\s+requesting|i\s+am\s+requesting|how\s+do|how\s+can|do\s+i|is\s+it\s+possible|want\s+to)(?![\p{L}])|\?/u;

export default defineSignal({
  meta: {
    id: 'service_question.own_records',
    label: 'service_question',
    description:
      "Asks for the author's own records, results, letters, appointments or prescriptions",
    requirements: ['INB-1', 'INB-7'],
  },
  options: z.object({}).strict(),
  create() {
    const verbs = phraseIndex(LIST, ['admin-verb']);
    const nouns = phraseIndex(LIST, ['admin']);
    // Updates on a relative: "can someone tell us when he's going to be moved".
    const update =
      /(?<![\p{L}])(?:can|could)\s+(?:someone|somebody|anyone|you|u)\s+(?:please\s+)?(?:tell|let)\s+(?:me|us)\s+(?:know\s+)?(?:when|where|what\s+time|how\s+long)(?![\p{L}])/gu;
    return (p, report) => {
      // Said as a request or a question somewhere in the item, not as a grumble ("been waiting for
      // her referral letter since October, keeps being told it's been sent").
      if (!ASKING.test(p.lower)) return;
      const nounHits = hitsOf(p, nouns);
      if (nounHits.length > 0) {
        const verbHits = hitsOf(p, verbs);
        for (const n of nounHits) {
          // The nearest request verb before the record, within a short reach.
          for (let i = verbHits.length - 1; i >= 0; i--) {
            const v = verbHits[i]!;
            if (v.end > n.start) continue;
            if (n.start - v.end > 70) break;
            if (negatedAt(p, v.index)) break;
            const gap = p.lower.slice(v.end, n.start);
            if (OWNED_GAP.test(gap)) {
              report({
                start: v.start,
                end: n.end,
                weight: 1,
                note: 'Asks about their own records or appointments',
              });
              return;
            }
            if (BOOKING_VERB.test(v.text) && INDEFINITE_GAP.test(gap)) {
              const s = p.sentences[sentenceIndexAt(p, v.index)];
              if (!s || !ASKING.test(p.lower.slice(s.start, s.end))) break;
              report({
                start: v.start,
                end: n.end,
                weight: 1,
                note: 'Asks to book or change an appointment',
              });
              return;
            }
            break;
          }
        }
      }
      for (const m of matchesIn(p, update)) {
        if (sentenceIndexAt(p, m.index!) < 0) continue;
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: 1,
          note: 'Asks for an update on their care',
        });
        return;
      }
    };
  },
});
