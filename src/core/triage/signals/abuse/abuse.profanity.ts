/**
 * abuse.profanity — obscene language, including disguised forms (f***ing, sh1t, fuuuck, c***s,
 * b*stards) and the middle-finger emoji.
 *
 * Strong swear words are enough on their own; milder ones (shit, bollocks, wtf) only support
 * another sign. A swear word used to praise ("f***ing brilliant nurses") only supports: the post
 * is rude but not abusive. Someone else's words the writer reports ("the man was shouting f***
 * you at the nurses") are not the writer's abuse. "Bloody", "crap" and "pissed off" are not listed.
 */
import { z } from 'zod';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal } from '../../signal.js';
import { MAX_MATCHES, after, before, matches, reportedSpeech } from '../../text/risk-context.js';
import { compileWords } from '../../text/risk-profanity.js';

const GESTURE = /🖕/gu;
// Praise words a swear word may intensify.
const PRAISE =
  /^\s*(?:\p{L}+ly )?(?:brilliant|amazing|fantastic|great|awesome|legends?|superb|incredible|excellent|good|lovely|best|heroes|heros|stars?|wonderful|outstanding|quick|fast|kind|helpful|class|ace|smashing|beautiful|gorgeous|lifesavers?|proud|grateful|love|loved|thank)/u;
// "skin prick test", "pin prick": a clinical word, not an insult.
const CLINICAL_PRICK_BEFORE = /(?:skin|pin|finger|heel|needle|allergy|little|sharp)[ -]?$/;
const CLINICAL_PRICK_AFTER = /^[ -]?(?:test|tests|testing|tested)/;

export default defineSignal({
  meta: {
    id: 'abuse.profanity',
    label: 'abuse',
    description: 'Obscene language, including disguised swear words',
    requirements: ['INB-13'],
  },
  options: z.object({}).strict(),
  create() {
    const words = triagePhrases('abuse-profanity').entries.flatMap((e) =>
      e.phrases.map((w) => [w.toLowerCase(), e.kind ?? 'strong'] as const),
    );
    const matcher = compileWords(words, (a, b) => (a === 'mild' || b === 'mild' ? 'mild' : a));

    return (p, report) => {
      for (const h of matcher.find(p.lower).slice(0, MAX_MATCHES)) {
        if (reportedSpeech(p, h.start)) continue;
        if (
          h.word.startsWith('prick') &&
          (CLINICAL_PRICK_BEFORE.test(before(p, h.start, 12)) ||
            CLINICAL_PRICK_AFTER.test(after(p, h.end, 10)))
        )
          continue;
        const next = after(p, h.end, 40);
        const praise = PRAISE.test(next) && !/^\s*good for nothing/.test(next);
        // "shower of sh*te", "you lot are shit": a mild word aimed at people is abuse.
        const aimed =
          /(?:shower|bunch|pack|load|set|heap|sack|piece|pieces) of\s*$|(?:you|you lot|ya|u|your lot|you're|youre|you are|yous)(?: all)?(?: are| r)?(?: a| an| such| utter| total| absolute)?\s*$/.test(
            before(p, h.start, 30),
          );
        const weight = praise ? 0.5 : h.kind === 'mild' && !aimed ? 0.5 : 1;
        report({
          start: h.start,
          end: h.end,
          weight,
          note: praise
            ? 'Swearing, but in praise'
            : h.kind === 'mild'
              ? 'Mild swearing'
              : 'Obscene language',
        });
      }
      for (const m of matches(GESTURE, p.lower, 5))
        report({ start: m.index, end: m.index + m[0].length, weight: 1, note: 'Obscene gesture' });
    };
  },
});
