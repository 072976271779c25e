/**
 * Valid / invalid tables for one content rule, in the manner of ESLint's RuleTester. Each case
 * runs the rule through the real engine with a real profile. An empty table or a duplicate case
 * fails, so a rule can never pass by having no tests.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/core/check/engine.js';
import { toDraft, type Draft } from '../../src/core/check/draft.js';
import type { Rule } from '../../src/core/check/rule.js';
import { testProfile } from './profiles.js';

/** A draft the rule must not report on. A bare string is a corporate draft with no media. */
export type ValidCase =
  string | (Partial<Draft> & { text: string; profile?: string; name?: string });

/** What one expected finding must look like. */
export interface ExpectedError {
  /** The exact text the finding must span. */
  actual?: string;
  /** A pattern the message must match. */
  message?: RegExp;
  /** A suggestion that must be among the finding's `expected`. */
  suggestion?: string;
}

/** A draft the rule must report on, with the findings expected (in order of position). */
export type InvalidCase = Partial<Draft> & {
  text: string;
  profile?: string;
  name?: string;
  errors: ExpectedError[];
};

const key = (c: ValidCase | InvalidCase): string =>
  JSON.stringify(
    typeof c === 'string' ? { text: c } : { ...c, errors: undefined, name: undefined },
  );
const label = (text: string): string =>
  JSON.stringify(text.length > 70 ? text.slice(0, 67) + '…' : text);

/** Run a rule's tables. `profile` is the default profile id for every case (default nhs-default). */
export function ruleTester(
  rule: Rule,
  tables: { valid: ValidCase[]; invalid: InvalidCase[] },
  options: { profile?: string } = {},
): void {
  const ids = rule.meta.requirements.map((r) => `[${r}]`).join(' ');
  const run = (c: ValidCase | InvalidCase) => {
    const spec = typeof c === 'string' ? { text: c } : c;
    const profile = testProfile(spec.profile ?? options.profile ?? 'nhs-default');
    // Force the rule on at its default severity even if the profile switched it off.
    const checker = createChecker(
      {
        ...profile,
        rules: {
          ...profile.rules,
          [rule.meta.id]: {
            severity: rule.meta.defaultSeverity,
            ...(typeof profile.rules[rule.meta.id] === 'object'
              ? (profile.rules[rule.meta.id] as object)
              : {}),
          },
        },
      },
      [rule],
    );
    return checker.check(toDraft(spec)).findings;
  };

  describe(`${ids} ${rule.meta.id}`.trim(), () => {
    it('has non-empty valid and invalid tables without duplicates', () => {
      expect(tables.valid.length).toBeGreaterThan(0);
      expect(tables.invalid.length).toBeGreaterThan(0);
      const keys = [...tables.valid, ...tables.invalid].map(key);
      const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
      expect(dupes).toEqual([]);
    });

    for (const c of tables.valid) {
      const text = typeof c === 'string' ? c : c.text;
      const name = typeof c === 'string' ? undefined : c.name;
      it(`valid: ${name ?? label(text)}`, () => {
        const findings = run(c);
        expect(findings.map((f) => `${f.actual}: ${f.message}`)).toEqual([]);
      });
    }

    for (const c of tables.invalid) {
      it(`invalid: ${c.name ?? label(c.text)}`, () => {
        const findings = run(c);
        expect(
          findings.map((f) => f.actual),
          'number of findings',
        ).toHaveLength(c.errors.length);
        c.errors.forEach((e, i) => {
          const f = findings[i]!;
          expect(f.rule).toBe(rule.meta.id);
          expect(f.clause.length).toBeGreaterThan(0);
          expect(c.text.slice(f.start, f.end)).toBe(f.actual);
          if (e.actual !== undefined) expect(f.actual).toBe(e.actual);
          if (e.message !== undefined) expect(f.message).toMatch(e.message);
          if (e.suggestion !== undefined) expect(f.expected).toContain(e.suggestion);
        });
      });
    }
  });
}
