/**
 * a11y.caps — whole words in capitals used for emphasis. Screen readers may spell them out letter
 * by letter and they read as shouting; sentence case is easier for everyone (PUB-4).
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';

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
];

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
      /** Shortest word counted as shouting (shorter capitalised words are usually abbreviations). */
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
    const word = /(?<![\p{L}\p{N}#@&])\p{Lu}[\p{Lu}'’&-]*\p{Lu}(?![\p{L}\p{N}])/gu;
    return (draft, report) => {
      for (const m of draft.text.matchAll(word)) {
        const w = m[0];
        const letters = w.replace(/[^\p{L}]/gu, '');
        if (letters.length < options.minLength || allowed.has(w.toUpperCase())) continue;
        // A run of capitals mixed with digits is a code or reference (e.g. "SN2"), not emphasis.
        const lower = w.charAt(0) + w.slice(1).toLowerCase();
        report({
          start: m.index,
          end: m.index + w.length,
          message: `Unexpected "${w}" in capitals, expected sentence case: screen readers may spell it out and it reads as shouting`,
          expected: [lower],
        });
      }
    };
  },
});
