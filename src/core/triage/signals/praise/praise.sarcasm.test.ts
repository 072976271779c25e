/** praise.sarcasm only argues against praise (negative weight), so it is tested directly. */
import { describe, expect, it } from 'vitest';
import type { Signal, SignalReport } from '../../signal.js';
import { prepare } from '../../prepare.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';
import sarcasm from './praise.sarcasm.js';

const reports = (signal: Signal, text: string): SignalReport[] => {
  const out: SignalReport[] = [];
  signal.create(signal.options.parse({}), testProfile('nhs-default'))(prepare({ text }), (r) =>
    out.push(r),
  );
  return out;
};

describe('[INB-6] praise.sarcasm', () => {
  it('argues against praise in sarcastic items', () => {
    for (const text of [
      "Great job everyone, really great, losing my mum's hearing aids AND her dentures in one admission. Stellar work 👏👏",
      "Brilliant!! Nothing says 'we care' like cancelling my op the morning of 😒 thanks so much",
      'well done, another cancelled op. you lot are brilliant at that',
      'great, another 6 hour wait, well done',
    ]) {
      const r = reports(sarcasm, text);
      expect(r.length, text).toBeGreaterThan(0);
      expect(r.every((x) => x.weight < 0)).toBe(true);
    }
  });
  it('leaves genuine praise alone', () => {
    for (const text of [
      'Thank you so much to the stroke unit',
      'The nurses were angels but the food was awful.',
      'Oh brilliant, thank you for fitting me in today!',
    ]) {
      expect(reports(sarcasm, text), text).toEqual([]);
    }
  });
});
