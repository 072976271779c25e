/** The triage engine's bookkeeping of evidence: each span is listed once per signal. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testProfile } from '../../../test/helpers/profiles.js';
import { createTriage, type Evidence } from './engine.js';
import { defineSignal, type SignalReport } from './signal.js';

const profile = testProfile('nhs-default');

/** A signal that reports the given spans, in order, for every item. */
const reporting = (id: string, reports: SignalReport[]) =>
  defineSignal({
    meta: { id, label: 'complaint', description: 'test signal', requirements: [] },
    options: z.object({}).strict(),
    create: () => (_p, report) => {
      for (const r of reports) report(r);
    },
  });

const keys = (evidence: readonly Evidence[]) =>
  evidence.map((e) => `${e.label} ${e.rule} ${e.start}-${e.end}`);

describe('evidence de-duplication', () => {
  it('lists a span a signal reports twice once', () => {
    const triage = createTriage(profile, [
      reporting('complaint.twice', [
        { start: 0, end: 4, weight: 1, note: 'first' },
        { start: 0, end: 4, weight: 1, note: 'first' },
        { start: 5, end: 9, weight: 1 },
      ]),
    ]);
    const r = triage.triage({ text: 'Ward 7 was awful' });
    expect(keys(r.evidence)).toEqual([
      'complaint complaint.twice 0-4',
      'complaint complaint.twice 5-9',
    ]);
    expect(r.evidence[0]!.note).toBe('first');
    expect(r.scores.complaint).toBe(1);
  });

  it('keeps the same span from two different signals', () => {
    const triage = createTriage(profile, [
      reporting('complaint.one', [{ start: 0, end: 4, weight: 0.5 }]),
      reporting('complaint.two', [{ start: 0, end: 4, weight: 0.5 }]),
    ]);
    const r = triage.triage({ text: 'Ward 7 was awful' });
    expect(keys(r.evidence)).toEqual([
      'complaint complaint.one 0-4',
      'complaint complaint.two 0-4',
    ]);
    expect(r.scores.complaint).toBe(1);
  });

  it('still weighs a stronger repeat of a span it does not list again', () => {
    const triage = createTriage(profile, [
      reporting('complaint.twice', [
        { start: 0, end: 4, weight: 0.5 },
        { start: 0, end: 4, weight: 1 },
      ]),
    ]);
    const r = triage.triage({ text: 'Ward 7 was awful' });
    expect(r.evidence).toHaveLength(1);
    expect(r.scores.complaint).toBe(1);
    expect(r.labels).toEqual(['complaint']);
  });

  it('[INB-13] a threat whose span two of its patterns find is quoted once', () => {
    const r = createTriage(profile).triage({
      text: "I know where that consultant parks his car. Next time I see him I'll break his legs",
    });
    expect(r.labels).toContain('abuse');
    const all = keys([...r.evidence, ...r.discarded]);
    expect(all.filter((k) => k.startsWith('abuse abuse.threat')).length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
  });
});
