/**
 * a11y.reading_age — a post much harder to read than the reading age the organisation writes for
 * (the profile's `readingAge`, 11 by default). Long sentences and long words shut out many
 * readers, including people reading in a second language or while unwell (PUB-4).
 *
 * Reading age is estimated with the Flesch–Kincaid grade plus five (see `text/readability.ts`).
 * Formulas like this are rough on a text of a few dozen words, and names, places and medical
 * terms push a short post up by several years, so the rule reports only a clear excess: an
 * estimate more than `margin` years above the target, in a text of at least `minWords` words.
 */
import { z } from 'zod';
import { phraseList } from '../phrases/index.js';
import { compilePhrases, findPhrases } from '../../text/phrases.js';
import { readability, type TextReadability } from '../../text/readability.js';
import type { Profile } from '../../profile/schema.js';
import { defineRule } from '../rule.js';

/** The rule's options (exported for a11y.jargon, which defers to this rule on hard texts). */
export const readingAgeOptions = z
  .object({
    /** Fewest words (not counting links, handles, hashtags and numbers) the rule judges. */
    minWords: z.number().int().min(1).default(12),
    /** Years above the profile's reading age that the estimate may reach before it is reported. */
    margin: z.number().min(0).max(20).default(9),
  })
  .strict();

/** Settings the check needs, resolved once per profile. */
export interface ReadingAgeLimit {
  target: number;
  minWords: number;
  margin: number;
}

/** The limit for a profile and the rule's options. */
export function readingAgeLimit(
  profile: Pick<Profile, 'readingAge'>,
  options: z.output<typeof readingAgeOptions>,
): ReadingAgeLimit {
  return { target: profile.readingAge, minWords: options.minWords, margin: options.margin };
}

/**
 * Whether a text's reading is over the limit (and long enough to judge). Under 20 words the
 * estimate swings with every long word, so the margin widens by a quarter of a year per word
 * short of 20 (two years at 12 words).
 */
export function overReadingAge(r: TextReadability, limit: ReadingAgeLimit): boolean {
  if (r.words < limit.minWords) return false;
  return r.age > limit.target + limit.margin + Math.max(0, 20 - r.words) * 0.25;
}

export default defineRule({
  meta: {
    id: 'a11y.reading_age',
    description: 'Reading age above the profile target',
    defaultSeverity: 'warn',
    // House style for the organisation's own voice; staff personal accounts are not held to it.
    audiences: ['corporate'],
    requirements: ['PUB-4'],
  },
  options: readingAgeOptions,
  create(options, profile) {
    const limit = readingAgeLimit(profile, options);
    // Plain replacements for wordy and jargon phrases, to name in the advice.
    const swaps = new Map<string, string>();
    const jargon = phraseList('jargon');
    for (const e of jargon.entries)
      for (const p of e.phrases) if (e.suggest?.[0]) swaps.set(p.toLowerCase(), e.suggest[0]);
    const swapMatcher = compilePhrases([...swaps.keys()]);

    return (draft, report) => {
      const r = readability(draft.text);
      if (!overReadingAge(r, limit)) return;

      // The hardest sentence that is more than a fragment; the whole text if none stands out.
      let hardest = r.perSentence[0]!;
      for (const s of r.perSentence)
        if (s.words >= 5 && (hardest.words < 5 || s.age > hardest.age)) hardest = s;
      const span = r.perSentence.length === 1 || hardest.words < 5 ? r : hardest;

      const sentenceText = draft.text.slice(hardest.start, hardest.end);
      const advice: string[] = [];
      for (const m of findPhrases(swapMatcher, sentenceText)) {
        const plain = swaps.get(m.text.toLowerCase().replace(/\s+/g, ' '));
        if (plain && advice.length < 4) advice.push(`"${m.text}" → "${plain}"`);
      }
      const long = [
        ...new Set(
          hardest.wordList
            .filter((w) => w.syllables >= 4 && !/^\p{Lu}/u.test(w.text))
            .map((w) => w.text),
        ),
      ].slice(0, 4);
      const longest = Math.max(...r.perSentence.map((s) => s.words));
      const tips = [
        longest > 20
          ? `split sentences of more than 20 words (the longest has ${longest})`
          : 'use shorter sentences',
        advice.length ? `use plain words: ${advice.join(', ')}` : '',
        long.length ? `find shorter words for ${long.map((w) => `"${w}"`).join(', ')}` : '',
      ].filter(Boolean);

      // Beyond 18 the number stops meaning an age; say what it means instead.
      const age = r.age > 18 ? 'over 18 (university level)' : `about ${Math.round(r.age)}`;
      report({
        start: span.start,
        end: span.end,
        message: `Unexpected reading age of ${age}, expected ${limit.target} or under: ${span === r ? 'this text' : 'this is the hardest sentence and it'} will be hard for many readers to follow`,
        note: `To bring the reading age down, ${tips.join('; ')}.`,
      });
    };
  },
});
