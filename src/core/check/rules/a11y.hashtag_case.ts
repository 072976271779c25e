/**
 * a11y.hashtag_case — a hashtag of several words run together in lower case ("#flujabsaveslives").
 * Screen readers cannot tell where the words break and read it as one long made-up word; a
 * capital at the start of each word ("#FluJabSavesLives") fixes that and is easier for everyone
 * to read (PUB-4).
 *
 * Each run of letters in the hashtag is checked on its own, so a tag that is partly cased
 * ("#FluJabsavelives", "#NHSthankyou") is still reported for its run-together part. A run is
 * multi-word when it is not itself a dictionary word (or a plural or -ed/-ing form of one) and a
 * dictionary split covers all of it.
 */
import { z } from 'zod';
import { phraseList } from '../phrases/index.js';
import { defineRule } from '../rule.js';
import { createWordSegmenter, type RankedWord } from '../../text/word-segment.js';
import { execAll } from '../../text/exec-all.js';

/** Rank given to the health and campaign words, which subtitles under-count. */
const HEALTH_RANK = 2500;
/** Rank of acronyms: less likely as a split than a common word. */
const ACRONYM_RANK = 3000;

/** Inflections tried when a run is not a dictionary word ("paramedics" → "paramedic"). */
const SUFFIXES = ['s', 'es', 'ed', 'd', 'ing', 'ers', 'er', 'ly'];

/** Verbs that follow "I" at the start of a tag ("#iamnhs"). */
const I_VERBS = new Set(
  'am love heart can will do did have had need want know support stand choose got pledge think was believe care give promise wish matter run walk vote'.split(
    ' ',
  ),
);

/** Dictionary words that are also word beginnings: a two-piece split starting with one is suspect. */
const PREFIXES = new Set(
  'in pro per sub con com dis de re un ex im inter trans counter mis non pre post anti semi multi bi tri'.split(
    ' ',
  ),
);

/** Dictionary words that are also word endings: a two-piece split ending with one is suspect. */
const SUFFIX_PIECES = new Set(
  'able age ages ant ants ate ates est or ors er ers ice ices ies per red ring rings my ward wards some hood ship ships man men ness ment ments ly ed ing ion ions ism ist ists ity ive ous ful fully less al ally ance ence ure ite ine ish ic ics ical ery ary ory ton ten den dies try tries late led wise cast ling lings let lets ow ore ire ape ant ball bed'.split(
    ' ',
  ),
);

/** Runs within a hashtag: acronym before a capitalised word, capitalised or lower-case word, capitals, digits. */
const RUN = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[^\p{L}\p{N}]+|\p{L}+/gu;

export default defineRule({
  meta: {
    id: 'a11y.hashtag_case',
    description: 'Multi-word hashtag not in camelCase',
    defaultSeverity: 'warn',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-4'],
  },
  options: z
    .object({
      /** Shortest run of letters considered (shorter runs are read fine either way). */
      minLength: z.number().int().min(2).default(5),
      /** Longest run of letters split (longer ones are left alone). */
      maxLength: z.number().int().min(10).max(200).default(60),
      /** Lower-case words the organisation uses in hashtags as single words (e.g. campaign names). */
      allow: z.array(z.string()).default([]),
    })
    .strict(),
  create(options, profile) {
    const words: RankedWord[] = [];
    const acronyms = new Set<string>();
    for (const entry of phraseList('hashtag-words').entries) {
      entry.phrases.forEach((phrase, i) => {
        const word = phrase.toLowerCase();
        if (entry.kind === 'acronym') acronyms.add(word);
        const rank =
          entry.kind === 'common' ? i + 1 : entry.kind === 'acronym' ? ACRONYM_RANK : HEALTH_RANK;
        words.push({ word, rank });
      });
    }
    // The organisation's own names and places are words too ("#hillingdonhospitals").
    const local = [
      ...profile.organisation.nameVariants,
      ...profile.lexicon.places,
      ...profile.lexicon.services,
      ...profile.partners.flatMap((p) => [p.name, ...p.aliases]),
    ];
    for (const name of local)
      for (const w of name.toLowerCase().match(/\p{L}+/gu) ?? [])
        if (w.length >= 3) words.push({ word: w, rank: HEALTH_RANK });
    const segmenter = createWordSegmenter(words, options.maxLength);
    const allowed = new Set(options.allow.map((w) => w.toLowerCase().replace(/^#/, '')));
    const hashtag = /(?<![\p{L}\p{N}_&#/])#[\p{L}\p{N}_]{1,140}/gu;

    /** A single word, or an inflection of one. */
    const isWord = (w: string): boolean =>
      segmenter.has(w) ||
      SUFFIXES.some(
        (s) => w.length - s.length >= 3 && w.endsWith(s) && segmenter.has(w.slice(0, -s.length)),
      );

    /**
     * The words of a run written together, or null when it is one word (or unknown). `minParts`
     * is raised for a lone capitalised run ("#Portsmouth"): a name that happens to split in two.
     */
    const splitRun = (run: string, minParts: number): string[] | null => {
      const letters = run.toLowerCase();
      if (letters.length < options.minLength || allowed.has(letters) || isWord(letters))
        return null;
      const parts = segmenter.split(letters);
      if (!parts || parts.length < minParts) return null;
      // "I" starts a phrase ("#iamnhs", "#ilovenhs"); elsewhere it is a sign of a wrong split
      // ("peri i menopause", "i so late").
      if (parts.indexOf('i', 1) > 0 || (parts[0] === 'i' && !I_VERBS.has(parts[1]!))) return null;
      // Two pieces where one is a prefix or a suffix are one word the dictionary lacks
      // ("bear able", "band age", "pro state"), not two words.
      if (parts.length === 2 && (PREFIXES.has(parts[0]!) || SUFFIX_PIECES.has(parts[1]!)))
        return null;
      return parts;
    };

    const cased = (w: string): string =>
      acronyms.has(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1);

    return (draft, report) => {
      for (const m of execAll(hashtag, draft.text)) {
        const body = m[0].slice(1);
        if (allowed.has(body.toLowerCase())) continue;
        let runTogether = false;
        const out: string[] = [];
        const runs = execAll(RUN, body).map((r) => r[0]);
        // "NHSthankyou" tokenises as "NH" + "Sthankyou"; give the capital back to the acronym when
        // the rest reads better without it.
        for (let i = 0; i + 1 < runs.length; i++) {
          const next = runs[i + 1]!;
          if (!/^\p{Lu}+$/u.test(runs[i]!) || !/^\p{Lu}\p{Ll}+$/u.test(next)) continue;
          const whole = next.toLowerCase();
          const rest = whole.slice(1);
          if (isWord(whole) || segmenter.split(whole)) continue;
          if (isWord(rest) || segmenter.split(rest)) {
            runs[i] = runs[i]! + next.charAt(0);
            runs[i + 1] = rest;
          }
        }
        const letterRuns = runs.filter((r) => /\p{L}/u.test(r)).length;
        for (const run of runs) {
          const lower = /^\p{Lu}?\p{Ll}+$/u.test(run);
          // Capitals alone are an acronym ("#NHS75", "#ICU"), unless long enough to be words shouted.
          const shouted = /^\p{Lu}+$/u.test(run) && run.length >= 8;
          const loneName = letterRuns === 1 && lower && /^\p{Lu}/u.test(run);
          const parts = lower || shouted ? splitRun(run, loneName ? 3 : 2) : null;
          if (parts) {
            runTogether = true;
            out.push(parts.map(cased).join(''));
          } else if (lower) {
            out.push(cased(run.toLowerCase()));
          } else {
            out.push(run);
          }
        }
        if (!runTogether) continue;
        const suggestion = '#' + out.join('');
        report({
          start: m.index,
          end: m.index + m[0].length,
          message: `Unexpected "${m[0]}" with its words run together, expected a capital at the start of each word ("${suggestion}") so screen readers can read it`,
          expected: [suggestion],
        });
      }
    };
  },
});
