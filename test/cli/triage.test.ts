import { describe, expect, it } from 'vitest';
import { jsonl, runCli } from './run-cli.js';

type Out = {
  id: string;
  labels: string[];
  urgent: boolean;
  routes: string[];
  sentiment: string;
  due_at: string;
  evidence: { label: string; start: number; end: number; rule: string }[];
  actions: { id: string }[];
  foi_due_date?: string;
  error?: string;
};

describe('commsdesk triage — the JSONL contract', () => {
  it('answers every line in order with labels, urgency, routes, sentiment, due time, evidence and actions', () => {
    const r = runCli(
      ['triage', '--now', '2026-11-24T10:00:00Z'],
      jsonl([
        { id: 'a', text: 'Thank you so much to the maternity team, you were all amazing 💙' },
        {
          id: 'b',
          text: 'what time does the walk in centre shut on saturday?',
          platform: 'facebook',
          kind: 'comment',
        },
      ]),
    );
    expect(r.status).toBe(0);
    const [a, b] = r.lines as Out[];
    expect([a!.id, b!.id]).toEqual(['a', 'b']);
    for (const o of [a!, b!]) {
      expect(Array.isArray(o.labels)).toBe(true);
      expect(typeof o.urgent).toBe('boolean');
      expect(Array.isArray(o.routes)).toBe(true);
      expect(['positive', 'neutral', 'negative']).toContain(o.sentiment);
      expect(Number.isNaN(Date.parse(o.due_at))).toBe(false);
      expect(Array.isArray(o.actions)).toBe(true);
      for (const e of o.evidence) expect(o.labels).toContain(e.label);
    }
    expect(a!.labels).toContain('praise');
    expect(a!.sentiment).toBe('positive');
    // Evidence spans count code points: the emoji does not shift them.
    const text = 'Thank you so much to the maternity team, you were all amazing 💙';
    for (const e of a!.evidence)
      expect([...text].slice(e.start, e.end).join('').length).toBe(e.end - e.start);
    expect(b!.labels).toContain('service_question');
  });

  it('[INB-2] an item arriving on Friday evening is due on Monday morning plus the two-hour target', () => {
    const r = runCli(
      ['triage'],
      jsonl([
        {
          id: 'f',
          text: 'what time does the walk in centre shut on saturday?',
          received_at: '2026-11-27T18:30:00Z',
        },
      ]),
    );
    expect((r.lines[0] as Out).due_at).toBe('2026-11-30T11:00:00.000Z');
  });

  it('[INB-4] an urgent item out of hours is routed to the on-call manager', () => {
    const r = runCli(
      ['triage'],
      jsonl([
        {
          id: 's',
          text: 'My dad on Ward 12 has not been given a drink all day, he can’t reach the jug and nobody answers his buzzer. He is getting confused.',
          received_at: '2026-11-28T23:10:00Z',
        },
      ]),
    );
    const o = r.lines[0] as Out;
    expect(o.urgent).toBe(true);
    expect(o.labels).toContain('patient_safety');
    expect(o.routes).toEqual(expect.arrayContaining(['oncall', 'quality', 'pals']));
  });

  it('[INB-7] an FOI request carries its 20-working-day statutory deadline', () => {
    const r = runCli(
      ['triage'],
      jsonl([
        {
          id: 'foi',
          text: 'Please could you tell me how much the trust spent on agency nurses in 2024/25, broken down by month?',
          received_at: '2026-12-18T15:00:00Z',
        },
      ]),
    );
    const o = r.lines[0] as Out;
    expect(o.labels).toContain('foi_request');
    expect(o.routes).toContain('foi');
    // Receipt Fri 18 Dec 2026. Not counted: Christmas Day, Boxing Day's substitute (28 Dec),
    // New Year's Day and Scotland's substitute for 2 January (4 Jan) — any UK bank holiday counts.
    expect(o.foi_due_date).toBe('2027-01-21');
    // A handle is no address for correspondence: the desk is told to ask for an email address.
    expect(
      (o as unknown as { foi_validity: { missing: string[] } }).foi_validity.missing,
    ).toContain('address for correspondence');
    expect(o.actions.map((a) => a.id)).toContain('ask_foi_address');
  });

  it('gives an error line for bad JSON, missing text or an unreadable received_at, and goes on', () => {
    const r = runCli(
      ['triage'],
      jsonl([
        '{oops',
        { id: 'n' },
        { id: 'd', text: 'hi', received_at: 'yesterday' },
        { id: 'ok', text: '' },
      ]),
    );
    expect(r.status).toBe(1);
    expect(r.lines.map((l) => l['id'])).toEqual([null, 'n', 'd', 'ok']);
    expect(String(r.lines[1]!['error'])).toMatch(/missing "text"/);
    expect(String(r.lines[2]!['error'])).toMatch(/received_at/);
    expect(r.lines[3]!['error']).toBeUndefined();
  });

  it('prints a readable view with evidence marked and the checklist', () => {
    const r = runCli(
      ['triage', '--format', 'text'],
      jsonl([
        {
          id: 't',
          text: 'Hi, I’m a reporter at the Echo. We’re running a story tomorrow about A&E waits, can we get a comment by 4pm today?',
        },
      ]),
    );
    expect(r.stdout).toMatch(/media_enquiry/);
    expect(r.stdout).toMatch(/\^+/);
    expect(r.stdout).toMatch(/actions:/);
  });
});
