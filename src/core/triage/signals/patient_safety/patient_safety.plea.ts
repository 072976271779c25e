/**
 * patient_safety.plea — an urgent plea for someone to intervene now: "PLEASE someone check on
 * her", "who do I call right now?", "someone needs to look at this", "I need a nurse to visit".
 *
 * Supporting evidence only (0.5): a plea makes a weak warning sign, a possible error or a
 * described failure to act urgent, but asking for help is not a safety risk on its own.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { imaginedAt, matches, mentionsPerson } from '../../text/risk-context.js';

const PLEA =
  /(?<![\p{L}])(?:please|pls|plz|plz+)?\s?(?:can |could )?(?:someone|somebody|anyone|any1|some1)(?: from [\p{L}]+)? (?:please )?(?:help|check|look|go|do something|ring|call|come|get|see|send|find)|(?:someone|somebody) (?:needs|need|has|have|must) to (?:check|look|go|help|see|do something|come|get)|please (?:help|hurry|check on|come|send|get someone)|help (?:me|us|her|him) (?:please|pls|plz)|(?:who|what|where) (?:do|should|can|shall) (?:i|we) (?:call|ring|contact|tell|go|do)(?: right now| now| urgently| tonight)?(?=\s*\?)|(?:i|we) need (?:a nurse|a doctor|someone|somebody|help|an ambulance|urgent help|a paramedic)|urgent(?:ly)? (?:help|please)|(?:i'?m|we'?re|im) (?:really |so |absolutely )?(?:scared|frightened|terrified|desperate|panicking|beside myself|worried sick)|worried sick|(?:do|does) something (?:now|please|before)(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'patient_safety.plea',
    label: 'patient_safety',
    description: 'An urgent plea for someone to intervene now (supporting evidence only)',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      if (!mentionsPerson(p.lower)) return;
      for (const m of matches(PLEA, p.lower, 20)) {
        if (imaginedAt(p, m.index)) continue;
        const start = m.index + (m[0].length - m[0].trimStart().length);
        report({
          start,
          end: m.index + m[0].length,
          weight: 0.5,
          note: 'Urgent plea for someone to intervene',
        });
      }
    };
  },
});
