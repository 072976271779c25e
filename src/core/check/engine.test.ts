import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testProfile } from '../../../test/helpers/profiles.js';
import { verdictOf } from '../finding.js';
import { toDraft } from './draft.js';
import { createChecker } from './engine.js';
import { defineRule, type Rule } from './rule.js';
import { rules } from './rules/index.js';

// A tiny rule used to test the engine itself: reports every "x" (and twice over the same span).
const everyX = defineRule({
  meta: {
    id: 'test.x',
    description: 'every x',
    defaultSeverity: 'warn',
    audiences: ['corporate'],
    requirements: ['PUB-3'],
  },
  options: z.object({ twice: z.boolean().default(false) }).strict(),
  create: (options) => (draft, report) => {
    for (let i = draft.text.indexOf('x'); i >= 0; i = draft.text.indexOf('x', i + 1)) {
      report({ start: i, end: i + 1, message: 'an x', expected: ['y'] });
      if (options.twice) report({ start: i, end: i + 1, message: 'the same x again' });
    }
  },
}) as Rule;

describe('[PUB-3] content check engine', () => {
  const base = testProfile('nhs-default');

  it('stamps rule id, severity, clause, quoted text and doc link on every finding', () => {
    const checker = createChecker(
      { ...base, rules: { 'test.x': { severity: 'block', clause: 'TEST 1.2' } } },
      [everyX],
    );
    const { verdict, findings } = checker.check(toDraft({ text: 'a x b' }));
    expect(verdict).toBe('block');
    expect(findings).toEqual([
      {
        rule: 'test.x',
        severity: 'block',
        start: 2,
        end: 3,
        actual: 'x',
        message: 'an x',
        expected: ['y'],
        clause: 'TEST 1.2',
        url: '/docs/rules/test.x',
      },
    ]);
  });

  it('uses the default severity and cites the requirement when the profile is silent', () => {
    const [f] = createChecker(base, [everyX]).check(toDraft({ text: 'x' })).findings;
    expect(f!.severity).toBe('warn');
    expect(f!.clause).toBe('nhs-default: PUB-3');
  });

  it('skips rules the profile switches off and rules not meant for the audience', () => {
    expect(
      createChecker({ ...base, rules: { 'test.x': 'off' } }, [everyX]).check(toDraft({ text: 'x' }))
        .findings,
    ).toEqual([]);
    expect(
      createChecker(base, [everyX]).check(toDraft({ text: 'x', audience: 'personal' })).findings,
    ).toEqual([]);
  });

  it('passes the profile options to the rule and drops a second report over the same span', () => {
    const checker = createChecker({ ...base, rules: { 'test.x': { options: { twice: true } } } }, [
      everyX,
    ]);
    expect(checker.check(toDraft({ text: 'x x' })).findings.map((f) => f.message)).toEqual([
      'an x',
      'an x',
    ]);
  });

  it('verdict is block if any finding blocks, else warn if any, else pass', () => {
    expect(verdictOf([])).toBe('pass');
    expect(verdictOf([{ severity: 'warn' }])).toBe('warn');
    expect(verdictOf([{ severity: 'warn' }, { severity: 'block' }])).toBe('block');
  });

  it('every registered rule has a unique id, a description, requirements and defaults that parse', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.meta.description.length).toBeGreaterThan(5);
      expect(r.meta.requirements.length).toBeGreaterThan(0);
      expect(() => r.options.parse({})).not.toThrow();
    }
  });

  it('labels.md default severities: pii.*, offensive, medical_advice, commercial, political, endorsement, media.consent block', () => {
    const blocking = rules
      .filter((r) => r.meta.defaultSeverity === 'block')
      .map((r) => r.meta.id)
      .sort();
    expect(blocking).toEqual(
      [
        'commercial',
        'endorsement',
        'media.consent',
        'medical_advice',
        'offensive',
        'pii.dob',
        'pii.email',
        'pii.hospital_number',
        'pii.nhs_number',
        'pii.person_care',
        'pii.phone',
        'pii.postcode',
        'political',
      ].sort(),
    );
  });
});
