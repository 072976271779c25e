/**
 * Bad and pathological input: every rule and every signal must finish on huge or adversarial text
 * (catastrophic regex backtracking would hang here until the test times out). Speed itself is
 * measured by `npm run bench`, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../src/core/check/engine.js';
import { toDraft } from '../src/core/check/draft.js';
import { createTriage } from '../src/core/triage/engine.js';
import { testProfile } from './helpers/profiles.js';

const INPUTS: Record<string, string> = {
  'empty text': '',
  '1 MB of prose': 'Thank you to the team on Ward 5 for the care, call 0300 123 4567. '.repeat(
    16_000,
  ),
  '100 000 digits': '7'.repeat(100_000),
  'digits with spaces': '123 '.repeat(25_000),
  '10 000 hashes': '#'.repeat(10_000),
  'one long hashtag': '#' + 'a'.repeat(50_000),
  'repeated punctuation': '!?.,;:'.repeat(20_000),
  'repeated @ and dots': '@.'.repeat(30_000) + 'a@b.c',
  capitals: 'ABCDEFG '.repeat(20_000),
  'emoji run': '😀'.repeat(20_000),
  'binary junk': Array.from({ length: 50_000 }, (_, i) =>
    String.fromCharCode((i * 7919) % 65_536),
  ).join(''),
  'almost an email': 'a'.repeat(30_000) + '@' + 'b.'.repeat(10_000),
  'almost a postcode': 'SW1A'.repeat(20_000),
  'quotes never closed': '"'.repeat(10_000) + 'not '.repeat(10_000),
  '100 KB of one letter': 'x'.repeat(100_000),
};

describe('pathological input', () => {
  const checker = createChecker(testProfile('nhs-default'));
  const triage = createTriage(testProfile('nhs-default'));
  for (const [name, text] of Object.entries(INPUTS)) {
    it(`content check finishes: ${name}`, () => {
      for (const audience of ['corporate', 'personal'] as const) {
        const r = checker.check(
          toDraft({
            text,
            audience,
            handle: '@' + 'x'.repeat(1000),
            media: [{ type: 'image', alt: text.slice(0, 10_000) }],
          }),
        );
        expect(['pass', 'warn', 'block']).toContain(r.verdict);
        for (const f of r.findings) expect(f.end).toBeLessThanOrEqual(text.length);
      }
    });
    it(`triage finishes: ${name}`, () => {
      const r = triage.triage({ text });
      expect(Array.isArray(r.labels)).toBe(true);
      for (const e of r.evidence) expect(e.end).toBeLessThanOrEqual(text.length);
    });
  }
});
