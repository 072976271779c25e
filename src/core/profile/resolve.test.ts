import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, resolveProfile, type ProfileReader } from './resolve.js';
import { folderReader } from '../../store/profile-files.js';

const bad = resolve(import.meta.dirname, '../../../test/fixtures/profiles-bad');
const reader = folderReader([bad, resolve(import.meta.dirname, '../../../profiles')]);
const problemsOf = (id: string) => {
  const r = resolveProfile(id, reader);
  if (r.ok) throw new Error(`${id} unexpectedly valid`);
  return r.problems;
};

describe('profile resolution', () => {
  it('resolves the nhs-default preset on its own', () => {
    const r = resolveProfile('nhs-default', reader);
    expect(r.ok).toBe(true);
  });

  it('lists every problem of a bad profile at once, each with file, line, path and expectation', () => {
    const problems = problemsOf('broken');
    const byPath = new Map(problems.map((p) => [p.path, p]));
    for (const path of [
      'organisation.nameVariants',
      'organisation.website',
      'organisation.colour',
      'nation',
      'hours.week.monday[0][0]',
      'targets.foiWorkingDays',
      'restrictedPeriods[0].end',
      'restrictedPeriods[0].approver',
      'rules.pii.phone.severity',
      'rules.pii.fax',
      'rules.a11y.caps.options.minLength',
    ]) {
      expect(byPath.has(path), `problem at ${path}`).toBe(true);
      const p = byPath.get(path)!;
      expect(p.file).toMatch(/broken\.yml$/);
      expect(p.line).toBeGreaterThan(0);
    }
    expect(byPath.get('nation')!.message).toMatch(/expected one of "england-and-wales"/);
    expect(byPath.get('rules.pii.fax')!.message).toMatch(/Unexpected rule id "pii.fax"/);
    expect(byPath.get('organisation.colour')!.message).toMatch(/Unexpected setting "colour"/);
    expect(formatProblem(byPath.get('nation')!)).toMatch(/broken\.yml:7:\d+ nation: /);
  });

  it('reports YAML syntax errors with their line', () => {
    const [p] = problemsOf('syntax');
    expect(p!.message).toMatch(/YAML syntax/);
    expect(p!.line).toBeGreaterThan(0);
  });

  it('refuses cycles in extends', () => {
    expect(problemsOf('cycle-a')[0]!.message).toMatch(/cycle cycle-a → cycle-b → cycle-a/);
  });

  it('refuses a missing preset and an id that does not match the file', () => {
    const messages = problemsOf('wrong-id').map((p) => p.message);
    expect(messages.some((m) => m.includes('"no-such-preset"'))).toBe(true);
    expect(messages.some((m) => m.includes('expected "wrong-id"'))).toBe(true);
  });

  it('applies presets: objects merge key by key, lists are replaced, the profile wins', () => {
    const files: Record<string, string> = {
      base: readFileSync(
        resolve(import.meta.dirname, '../../../profiles/nhs-default.yml'),
        'utf8',
      ).replace('id: nhs-default', 'id: base'),
      org: 'id: org\nextends: [base]\nhours: { week: { saturday: [["10:00", "12:00"]] } }\npartners: [{ name: Local Council, kind: council }]\nrules: { a11y.emoji: off }\n',
    };
    const read: ProfileReader = (id) =>
      files[id] ? { id, file: `${id}.yml`, text: files[id]! } : undefined;
    const r = resolveProfile('org', read);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.profile.hours.week.saturday).toEqual([['10:00', '12:00']]);
    expect(r.profile.hours.week.monday).toEqual([['09:00', '17:00']]);
    expect(r.profile.partners.map((p) => p.name)).toEqual(['Local Council']);
    expect(r.profile.rules['a11y.emoji']).toBe('off');
    expect(r.profile.preset).toBe(false);
    expect(r.files).toEqual(['base.yml', 'org.yml']);
  });

  it('a problem in an inherited setting points at the file that set it', () => {
    const files: Record<string, string> = {
      base: 'id: base\npreset: true\nnation: atlantis\n',
      org: 'id: org\nextends: [base]\n',
    };
    const read: ProfileReader = (id) =>
      files[id] ? { id, file: `${id}.yml`, text: files[id]! } : undefined;
    const r = resolveProfile('org', read);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.find((p) => p.path === 'nation')!.file).toBe('base.yml');
    // Settings nobody set are blamed on the profile being loaded, with a clear "missing".
    const missing = r.problems.find((p) => p.path === 'policy')!;
    expect(missing.file).toBe('org.yml');
    expect(missing.message).toMatch(/Missing setting/);
  });
});
