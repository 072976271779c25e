import { describe, expect, it } from 'vitest';
import { jsonl, runCli } from './run-cli.js';

describe('[PUB-3] commsdesk check — the JSONL contract', () => {
  it('answers every line in order with verdict and findings naming rule, severity, span, message and clause', () => {
    const r = runCli(
      ['check'],
      jsonl([
        { id: 'a', text: 'Our flu clinics are open on Saturday, no need to book.' },
        { id: 'b', text: 'We will call you back on 07911 123456 this afternoon.' },
        { id: 'c', text: 'This is VERY important news.' },
      ]),
    );
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => l['id'])).toEqual(['a', 'b', 'c']);
    expect(r.lines.map((l) => l['verdict'])).toEqual(['pass', 'block', 'warn']);
    const [f] = r.lines[1]!['findings'] as Record<string, unknown>[];
    expect(f).toMatchObject({ rule: 'pii.phone', severity: 'block', start: 25, end: 37 });
    expect(typeof f!['message']).toBe('string');
    expect(String(f!['clause'])).toMatch(/PUB-3/);
  });

  it('gives an error line for a line that does not parse or lacks text, and goes on; exit code 1', () => {
    const r = runCli(
      ['check'],
      jsonl([
        '{not json',
        { id: 'no-text' },
        { id: 'ok', text: 'Hello' },
        { id: 'bad-audience', text: 'x', audience: 'public' },
      ]),
    );
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(4);
    expect(r.lines[0]).toMatchObject({ id: null });
    expect(String(r.lines[0]!['error'])).toMatch(/line 1: not valid JSON/);
    expect(r.lines[1]).toMatchObject({ id: 'no-text' });
    expect(String(r.lines[1]!['error'])).toMatch(/missing "text"/);
    expect(r.lines[2]).toMatchObject({ id: 'ok', verdict: 'pass' });
    expect(String(r.lines[3]!['error'])).toMatch(/audience/);
  });

  it('counts offsets in code points, so emoji before a finding do not shift it', () => {
    const text = '💙💙 Call 07911 123456';
    const r = runCli(['check'], jsonl([{ id: 'e', text }]));
    const f = (r.lines[0]!['findings'] as { rule: string; start: number; end: number }[]).find(
      (x) => x.rule === 'pii.phone',
    )!;
    expect([...text].slice(f.start, f.end).join('')).toBe('07911 123456');
  });

  it('[STF-1] --audience personal applies the personal-account rules', () => {
    const text = 'Another unpaid extra shift at the trust, management just do not care about us.';
    const corporate = runCli(['check'], jsonl([{ id: 'p', text }]));
    const personal = runCli(['check', '--audience', 'personal'], jsonl([{ id: 'p', text }]));
    const rules = (l: Record<string, unknown>) =>
      (l['findings'] as { rule: string }[]).map((f) => f.rule);
    expect(rules(corporate.lines[0]!).some((x) => x.startsWith('personal.'))).toBe(false);
    expect(rules(personal.lines[0]!).some((x) => x.startsWith('personal.'))).toBe(true);
  });

  it('--profile chooses the profile and findings cite its clauses', () => {
    const r = runCli(
      ['check', '--profile', 'mse'],
      jsonl([{ id: 'm', text: 'Ring me on 07911 123456' }]),
    );
    const f = (r.lines[0]!['findings'] as { rule: string; clause: string }[]).find(
      (x) => x.rule === 'pii.phone',
    )!;
    expect(f.clause).toMatch(/^MSE /);
  });

  it('refuses an invalid profile with every problem listed, exit code 2', () => {
    const r = runCli(
      ['check', '--profile', 'test/fixtures/profiles-bad/broken.yml'],
      jsonl([{ id: 'x', text: 'hi' }]),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.yml:\d+:\d+ nation/);
    expect(r.stderr).toMatch(/rules\.pii\.fax/);
  });

  it('prints a readable report with spans marked, rule, reason, clause and suggestion', () => {
    const r = runCli(
      ['check', '--format', 'text'],
      jsonl([{ id: 't', text: 'Please DO NOT ring 07911 123456' }]),
    );
    expect(r.stdout).toMatch(/t {2}BLOCK/);
    expect(r.stdout).toMatch(/\^{12}/);
    expect(r.stdout).toMatch(/pii\.phone "07911 123456"/);
    expect(r.stdout).toMatch(/clause: /);
  });

  it('rejects unknown commands and options with usage, exit code 2', () => {
    expect(runCli(['chekc'], '').status).toBe(2);
    expect(runCli(['check', '--format', 'xml'], '').status).toBe(2);
    expect(runCli(['check', '--nope'], '').status).toBe(2);
  });
});
