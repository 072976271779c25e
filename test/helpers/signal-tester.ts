/**
 * Valid / invalid tables for one triage signal. Invalid cases must produce positive evidence from
 * the signal (spanning the text given, when given); valid cases must produce none. Empty tables
 * and duplicates fail.
 */
import { describe, expect, it } from 'vitest';
import type { InboundItem } from '../../src/core/triage/labels.js';
import { prepare } from '../../src/core/triage/prepare.js';
import type { Signal, SignalReport } from '../../src/core/triage/signal.js';
import { testProfile } from './profiles.js';

export type SignalValidCase =
  string | (Partial<InboundItem> & { text: string; name?: string; profile?: string });
export type SignalInvalidCase = Partial<InboundItem> & {
  text: string;
  name?: string;
  profile?: string;
  /** Texts that must each be the span of some evidence the signal reports. */
  spans?: string[];
  /** The item must be marked urgent by this evidence. */
  urgent?: boolean;
};

const label = (text: string): string =>
  JSON.stringify(text.length > 70 ? text.slice(0, 67) + '…' : text);

export function signalTester(
  signal: Signal,
  tables: { valid: SignalValidCase[]; invalid: SignalInvalidCase[] },
  options: { profile?: string } = {},
): void {
  const ids = signal.meta.requirements.map((r) => `[${r}]`).join(' ');
  const run = (c: SignalValidCase | SignalInvalidCase): SignalReport[] => {
    const spec = typeof c === 'string' ? { text: c } : c;
    const detect = signal.create(
      signal.options.parse({}),
      testProfile(spec.profile ?? options.profile ?? 'nhs-default'),
    );
    const out: SignalReport[] = [];
    detect(prepare(spec), (r) => out.push(r));
    return out;
  };
  describe(`${ids} ${signal.meta.id}`.trim(), () => {
    it('has non-empty valid and invalid tables without duplicates', () => {
      expect(tables.valid.length).toBeGreaterThan(0);
      expect(tables.invalid.length).toBeGreaterThan(0);
      const texts = [...tables.valid, ...tables.invalid].map((c) =>
        typeof c === 'string' ? c : c.text,
      );
      expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
    });
    for (const c of tables.valid) {
      const text = typeof c === 'string' ? c : c.text;
      it(`valid: ${(typeof c !== 'string' && c.name) || label(text)}`, () => {
        const positive = run(c)
          .filter((r) => r.weight > 0)
          .map((r) => text.slice(r.start, r.end));
        expect(positive).toEqual([]);
      });
    }
    for (const c of tables.invalid) {
      it(`invalid: ${c.name ?? label(c.text)}`, () => {
        const reports = run(c).filter((r) => r.weight > 0);
        expect(reports.length, 'positive evidence').toBeGreaterThan(0);
        for (const r of reports) expect(r.end).toBeGreaterThanOrEqual(r.start);
        const spans = reports.map((r) => c.text.slice(r.start, r.end));
        for (const s of c.spans ?? []) expect(spans).toContain(s);
        if (c.urgent) expect(reports.some((r) => r.urgent)).toBe(true);
      });
    }
  });
}
