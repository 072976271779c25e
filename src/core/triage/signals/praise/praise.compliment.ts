/**
 * praise.compliment — a compliment to staff, a service or a place: "calm, kind and funny",
 * "legends the lot of you", "absolutely killing it", "to die for", "top service, can't fault it",
 * "the artist's drawings look amazing", "loved the new waiting area". Enough on its own (INB-6).
 * Not praise: sarcasm ("great, another 6 hour wait"), negation ("not great"), compliments asked
 * about ("are the staff friendly?"), "would love to interview…", names ("the Great Western") and
 * promotion ("Great video! Check out my channel" — see praise.promotion).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { inQuestion, isMeant } from './cues.js';

// "would love to", "I'd love the chance": wishes, not compliments; "loved ones" are family.
const WISH_BEFORE =
  /(?:would|'d|d|will|could|might)\s+(?:really\s+|so\s+)?(?:be\s+)?(?:really\s+|so\s+|very\s+)?$/u;
const NOT_A_COMPLIMENT_AFTER = /^(?:\s+(?:ones?|of)(?![\p{L}]))/u;
const NEEDS_AFTER_CHECK = /^(?:kind|loved|love)$/;

export default defineSignal({
  meta: {
    id: 'praise.compliment',
    label: 'praise',
    description: 'A compliment to staff, a service or a place',
    requirements: ['INB-6', 'INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    const compliment = phraseIndex('praise-cues', ['compliment']);
    return (p, report) => {
      for (const m of hitsOf(p, compliment)) {
        const at = m.index!;
        const end = at + m.text.length;
        if (!isMeant(p, at) || inQuestion(p, at)) continue;
        if (WISH_BEFORE.test(p.lower.slice(Math.max(0, at - 12), at))) continue;
        if (
          NEEDS_AFTER_CHECK.test(m.text) &&
          NOT_A_COMPLIMENT_AFTER.test(p.lower.slice(end, end + 6))
        )
          continue;
        // A capitalised word inside a name ("the Great Western") is not a compliment.
        const original = p.text.slice(at, end);
        if (
          /^\p{Lu}\p{Ll}/u.test(original) &&
          /[\p{L},]\s+$/u.test(p.text.slice(Math.max(0, at - 3), at)) &&
          /^\s+\p{Lu}\p{Ll}/u.test(p.text.slice(end, end + 3))
        )
          continue;
        report({ start: at, end, weight: 1, note: `Compliment: "${m.text}"` });
        return;
      }
    };
  },
});
