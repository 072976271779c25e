/** The keyword pre-pass may only skip a pattern that cannot match. */
import { describe, expect, it } from 'vitest';
import { foldCase, mayMatch, requiredLiterals } from './prefilter.js';

describe('requiredLiterals', () => {
  it.each([
    [
      /(?<![\p{L}])(?:he's|she's|is|keeps)(?: now| just)? (?:fitting|seizing|convulsing)(?![\p{L}])/gu,
      /(?:fitting|seizing|convulsing)$/,
      27,
    ],
    [/(?<![\p{L}])(?:knife|knives|gun|machete)(?![\p{L}])/u, /^(?:knife|knives|gun|machete)$/, 4],
    [/chest(?: is| feels)? (?:tight|heavy)/u, /^chest.* (?:tight|heavy)$/, 6],
    [/(?:sats|oxygen)\s?(?:[4-8]\d)/u, /^(?:oxygen|sats)$/, 2],
    [/(?<=chest pain )now here/u, /^now here$/, 1],
    [/bleed(?:ing)+/u, /^bleed$/, 1],
    [/(?:chest)?\s+pain?/u, /^pai$/, 1],
    [/(?:ab){2}c/u, /^ababc$/, 1],
    [/a\.b\.c\b/u, /^a\.b\.c$/, 1],
    [/[.!?] then/u, /^[.!?] then$/, 3],
    [/CHEST pain/iu, /^chest pain$/, 1],
  ])('%s needs one of %s (%i literals)', (re, shape, count) => {
    const lits = requiredLiterals(re);
    expect(lits).toHaveLength(count);
    for (const l of lits!) expect(l).toMatch(shape);
  });

  it.each([
    /(\p{L})\1/u, // back-reference
    /(?:chest)?\s+pa?/u, // nothing long is required
    /\p{L}+/u,
    /[^abc]+/u,
    /(?:gp|doctor)/u, // a branch too short to filter
    /(?:é|ä)tre/iu, // non-ASCII under i
    /x|(?:)/u,
    /a*b*c*/u,
  ])('%s is not gated', (re) => {
    expect(requiredLiterals(re)).toBeUndefined();
  });
});

describe('mayMatch', () => {
  it('skips a pattern whose words are absent and runs it when one is present', () => {
    const re = /(?<![\p{L}])(?:fitting|seizing)(?![\p{L}])/gu;
    // A pattern is analysed the second time it is run (one built from an item's text is not).
    expect(mayMatch(re, 'our new clinic opens on monday')).toBe(true);
    expect(mayMatch(re, 'our new clinic opens on monday')).toBe(false);
    expect(mayMatch(re, 'he keeps fitting')).toBe(true);
    expect(mayMatch(re, 'refitting the kitchen')).toBe(true); // the pattern itself decides
  });

  it('folds case as a case-insensitive pattern does', () => {
    const re = /chest pain/giu;
    expect(mayMatch(re, 'no pain')).toBe(true);
    expect(mayMatch(re, 'no pain')).toBe(false);
    expect(mayMatch(re, 'CHEST PAIN since lunch')).toBe(true);
    expect(re.test('CHEST PAIN')).toBe(true);
    // The long s and the Kelvin sign match "s" and "k" under the i and u flags.
    expect(foldCase('ſ\u212a')).toBe('sk');
    const kick = /kicks/iu;
    expect(mayMatch(kick, 'nothing here')).toBe(true);
    expect(mayMatch(kick, 'nothing here')).toBe(false);
    expect(kick.test('\u212aick\u017f')).toBe(true);
    expect(mayMatch(kick, '\u212aick\u017f')).toBe(true);
  });

  it('never skips a pattern that matches (random texts from the patterns own words)', () => {
    const patterns = [
      /(?<![\p{L}])(?:he's|she's|is|keeps)(?: now| just)? (?:fitting|seizing|convulsing)(?![\p{L}])/gu,
      /(?:(?<![\p{L}])(?:has|have)|'s|'ve) (?:already |just )?fallen(?![\p{L}])(?! asleep)/gu,
      /(?<![\p{L}])(?:chest(?: is| feels)?(?: [\p{L}']+){0,4}? (?:tight|heavy|crushing))(?![\p{L}])/gu,
      /(?<![\p{L}\p{N}])(?:not\s+been\s+given|hasn't\s+had)\s+(?:a\s+)?drink/giu,
      /(?:sats|oxygen)(?: (?:are|is))* ?(?:[4-8]\d)%?/gu,
      /[.!?]\s+(?:still|now) (?:waiting|here)/gu,
    ];
    const words = [
      "he's",
      'is',
      'keeps',
      'now',
      'just',
      'fitting',
      'seizing',
      'has',
      "'s",
      'already',
      'fallen',
      'asleep',
      'chest',
      'feels',
      'tight',
      'heavy',
      'not',
      'been',
      'given',
      "hasn't",
      'had',
      'a',
      'drink',
      'DRINK',
      'Sats',
      'sats',
      'oxygen',
      'are',
      '85',
      '%',
      '.',
      '!',
      'still',
      'waiting',
      'here',
      'mum',
    ];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(rand() * 8) },
        () => words[Math.floor(rand() * words.length)]!,
      ).join(rand() < 0.8 ? ' ' : '  ');
      for (const re of patterns) {
        re.lastIndex = 0;
        const matched = re.test(text);
        re.lastIndex = 0;
        if (matched) expect(mayMatch(re, text), `${re} on "${text}"`).toBe(true);
      }
    }
  });
});
