/**
 * patient_safety.distress — someone in care is in visible distress or physical trouble: in pain
 * (or "pain 10/10"), shaking, too weak to move, vomiting, feverish, crying out.
 *
 * Supporting evidence only: distress plus a failure to act ("nobody comes"), a plea ("please
 * help") or another warning sign is a safety risk; distress on its own is not. It counts fully
 * only for a person in care or at risk; about anyone else ("I'm in pain with my tooth") it barely
 * counts, so a plea alone cannot lift it to a label.
 */
import { z } from 'zod';
import { compilePhrases } from '../../../text/phrases.js';
import { findPhrases } from '../../text/prefilter.js';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal } from '../../signal.js';
import {
  MAX_MATCHES,
  imaginedAt,
  matches,
  mentionsSpecificPerson,
  mentionsVulnerable,
  negatedLocally,
  sentenceText,
  timeframe,
} from '../../text/risk-context.js';

const PAIN_SCORE =
  /(?<![\p{L}\p{N}])(?:pain (?:is |score (?:is |of )?|at |of )?(?:[89]|10|11)(?: ?(?:\/|out of) ?10)|(?:[89]|10|11) ?(?:\/|out of) ?10 pain)(?![\p{N}])/gu;
// In care now: on a ward, in A&E, in a care home, just sent home, looked after by district nurses.
const IN_CARE =
  /(?<![\p{L}])(?:ward|wards|bay|bed|a&e|a and e|resus|majors|unit|hospital|care home|nursing home|delivery suite|labour ward|icu|itu|hdu|cubicle|trolley|corridor|hospice|discharged|sent home|district nurse|carers?|obs|utc|walk-in centre|walk in centre|waiting room|inpatient|in-patient|after (?:my|his|her) op|go home|going home|consultant|catheter|unit|cancer|terminal|syringe driver)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.distress',
    label: 'patient_safety',
    description:
      'A person in care in visible distress or physical trouble (supporting evidence only)',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    const list = compilePhrases(
      triagePhrases('patient_safety-distress').entries.flatMap((e) => e.phrases),
    );
    // Words the red-flag and neglect lists already weigh: the same words must not count twice.
    const others = compilePhrases(
      [
        ...triagePhrases('patient_safety-red-flags').entries,
        ...triagePhrases('patient_safety-neglect').entries,
      ].flatMap((e) => e.phrases),
    );
    return (p, report) => {
      const inCare = IN_CARE.test(p.lower) || mentionsVulnerable(p.lower);
      const hits = [
        ...findPhrases(list, p.lower)
          .slice(0, MAX_MATCHES)
          .map((m) => ({ start: m.start, end: m.end })),
        ...[...matches(PAIN_SCORE, p.lower)].map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
        })),
      ];
      for (const h of hits) {
        // Look for the other lists' phrases only around this hit: linear however long the text.
        const from = Math.max(0, h.start - 60);
        const local = findPhrases(
          others,
          p.lower.slice(from, Math.min(p.lower.length, h.end + 60)),
        );
        if (local.some((t) => from + t.start < h.end && h.start < from + t.end)) continue;
        if (
          imaginedAt(p, h.start) ||
          negatedLocally(p, h.start) ||
          timeframe(p, h.start, h.end) === 'past'
        )
          continue;
        const s = sentenceText(p, h.start, h.end);
        if (!mentionsSpecificPerson(s)) continue;
        // "Is it normal to still be bleeding…?" asks about a symptom: a medical question.
        const asking = /\?/.test(s);
        report({
          start: h.start,
          end: h.end,
          weight: inCare && !asking ? 0.5 : 0.25,
          note: 'Person in distress',
        });
      }
    };
  },
});
