/**
 * a11y.caps — whole words in capitals used for emphasis. Screen readers may spell them out letter
 * by letter and they read as shouting; sentence case is easier for everyone (PUB-4).
 *
 * Emphasis is told from abbreviations by what the word is: a capitalised English word ("FULL",
 * "MONDAY", "NOT") is emphasis, while a run of capitals that is not a word ("OPEL", "MFFD",
 * "SDEC") is an abbreviation, which a11y.jargon judges instead.
 */
import { z } from 'zod';
import { allPhrases, phraseList } from '../phrases/index.js';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

/** Capitalised words that are normal in NHS writing and never emphasis. */
const ALWAYS_ALLOWED = [
  'NHS',
  'PALS',
  'FOI',
  'GP',
  'GPS',
  'A&E',
  'ICB',
  'ICS',
  'CCG',
  'UK',
  'BSL',
  'COVID',
  'MMR',
  'HPV',
  'RSV',
  'ED',
  'ICU',
  'ITU',
  'MRI',
  'CT',
  'ECG',
  'BMI',
  'TV',
  'BBC',
  'ITV',
  'OK',
  'AM',
  'PM',
  'CQC',
  'UKHSA',
  'DHSC',
  'HIV',
  'AIDS',
  'COPD',
  'ADHD',
  'PTSD',
  'CEO',
  'IT',
  'HR',
  'PPE',
  'MP',
  'QR',
  'URL',
  'FAQ',
  'NB',
  'PS',
  'I',
  // English words that are also the names of an NHS body and a stroke campaign.
  'NICE',
  'FAST',
];

/**
 * Short words (under `minLength`) that are emphasis when written in capitals: "do NOT", "ALL
 * welcome", "book NOW". Short words that are often abbreviations (US, ME, IT, OR, ID) are not here.
 */
const SHORT_EMPHASIS = new Set(
  'NOT NO DO DID ALL NOW YOU ANY OUR YES WHY HOW BIG NEW ONE TWO OFF OUT GET SEE TOO WAS ARE HAS CAN MAY SO BUT AND THE FOR ITS HIS HER WE HE SHE THEY TOP HOT WOW OMG'.split(
    ' ',
  ),
);

/** Short words that are abbreviations far more often than shouting. */
const SHORT_NOT_EMPHASIS = new Set(
  'US ME IT OR ID IV OT PE TB WHO AT IN ON TO OF BY AS AN A'.split(' '),
);

/** An English dictionary: the hashtag word list and the British spellings. */
let dictionary: ReadonlySet<string> | undefined;
function englishWords(): ReadonlySet<string> {
  if (!dictionary) {
    const hashtag = phraseList('hashtag-words');
    const words = hashtag.entries
      .filter((e) => e.kind !== 'acronym')
      .flatMap((e) => e.phrases.map((p) => p.toLowerCase()));
    const uk = phraseList('uk-spelling').entries.flatMap((e) =>
      (e.suggest ?? []).map((p) => p.toLowerCase()),
    );
    dictionary = new Set([...words, ...uk]);
  }
  return dictionary;
}

/** Known abbreviations: the jargon list and the hashtag acronyms. */
let abbreviations: ReadonlySet<string> | undefined;
function knownAbbreviations(): ReadonlySet<string> {
  if (!abbreviations) {
    const jargon = allPhrases(phraseList('jargon-abbreviations'));
    const acronyms = phraseList('hashtag-words')
      .entries.filter((e) => e.kind === 'acronym')
      .flatMap((e) => e.phrases);
    abbreviations = new Set([...jargon, ...acronyms].map((w) => w.toUpperCase()));
  }
  return abbreviations;
}

export default defineRule({
  meta: {
    id: 'a11y.caps',
    description: 'Whole words in capitals used for emphasis',
    defaultSeverity: 'warn',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-4'],
  },
  options: z
    .object({
      /**
       * Shortest word counted as shouting. Shorter words count only when they are common
       * emphasis words ("NOT", "ALL", "NOW") or sit in a run of shouted words.
       */
      minLength: z.number().int().min(2).default(4),
      /** More capitalised words the organisation uses normally (its own abbreviations). */
      allow: z.array(z.string()).default([]),
    })
    .strict(),
  create(options, profile) {
    const allowed = new Set(
      [...ALWAYS_ALLOWED, ...options.allow, ...Object.keys(profile.lexicon.abbreviations)].map(
        (w) => w.toUpperCase(),
      ),
    );
    const known = knownAbbreviations();
    const words = englishWords();
    const word = /(?<![\p{L}\p{N}#@&])\p{Lu}[\p{Lu}'’&-]*\p{Lu}(?![\p{L}\p{N}])/gu;

    /** Whether a capitalised word reads as a word rather than an abbreviation. */
    const isWord = (letters: string): boolean => {
      const lower = letters.toLowerCase();
      if (words.has(lower)) return true;
      // "DON'T" → "dont"; a plural or possessive of a word ("NURSES").
      return /s$/u.test(lower) && words.has(lower.slice(0, -1));
    };

    return (draft, report) => {
      const text = draft.text;
      if (!/\p{Lu}[\p{Lu}'’&-]*\p{Lu}/u.test(text)) return;
      // word: an English word, always emphasis. short: under minLength, emphasis when a usual
      // shouted word or next to a word. unknown: not in the dictionary, emphasis only next to a
      // word ("USELESS SCUM"), otherwise an abbreviation.
      const found: { start: number; end: number; w: string; kind: 'word' | 'short' | 'unknown' }[] =
        [];
      for (const m of execAll(word, text)) {
        const w = m[0];
        const key = w.toUpperCase().replace(/’/gu, "'");
        if (allowed.has(key) || known.has(key) || known.has(key.replace(/'?S$/u, ''))) continue;
        const letters = w.replace(/[^\p{L}]/gu, '');
        const at = { start: m.index, end: m.index + w.length, w };
        if (letters.length < options.minLength) {
          if (!SHORT_NOT_EMPHASIS.has(letters)) found.push({ ...at, kind: 'short' });
        } else if (isWord(letters) || (letters.length >= 7 && /[AEIOUY]/u.test(letters))) {
          // A long run of capitals that is not in the dictionary still reads as shouting
          // ("UNACCEPTABLE").
          found.push({ ...at, kind: 'word' });
        } else if (/[AEIOUY]/u.test(letters)) {
          found.push({ ...at, kind: 'unknown' });
        }
      }
      const near = (a: { end: number }, b: { start: number }) =>
        /^[\s,!.'’-]{1,3}$/u.test(text.slice(a.end, b.start));
      for (let i = 0; i < found.length; i++) {
        const f = found[i]!;
        if (f.kind !== 'word') {
          // "PLEASE DO NOT", "USELESS SCUM": next to a shouted word.
          const prev = found[i - 1];
          const next = found[i + 1];
          const inRun =
            (prev !== undefined && prev.kind === 'word' && near(prev, f)) ||
            (next !== undefined && next.kind === 'word' && near(f, next));
          const letters = f.w.replace(/[^\p{L}]/gu, '');
          if (f.kind === 'unknown' && !inRun) continue;
          if (f.kind === 'short' && !SHORT_EMPHASIS.has(letters) && !(inRun && isWord(letters)))
            continue;
        }
        const lower = f.w.charAt(0) + f.w.slice(1).toLowerCase();
        report({
          start: f.start,
          end: f.end,
          message: `Unexpected "${f.w}" in capitals, expected sentence case: screen readers may spell it out and it reads as shouting`,
          expected: [lower],
        });
      }
    };
  },
});
