/** praise.promotion only argues against praise (negative weight), so it is tested directly. */
import { describe, expect, it } from 'vitest';
import type { Signal, SignalReport } from '../../signal.js';
import { prepare } from '../../prepare.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';
import promotion from './praise.promotion.js';

const reports = (signal: Signal, text: string): SignalReport[] => {
  const out: SignalReport[] = [];
  signal.create(signal.options.parse({}), testProfile('nhs-default'))(prepare({ text }), (r) =>
    out.push(r),
  );
  return out;
};

describe('[INB-6] [INB-1] praise.promotion', () => {
  it('argues against praise that hooks a promotion', () => {
    for (const text of [
      'Great video! Check out my channel for crypto tips 🚀',
      'Hey! We love your content 😍 DM us for a collab',
      'Amazing post! 🔥 Follow my page for daily motivation quotes',
    ]) {
      const r = reports(promotion, text);
      expect(r.length, text).toBeGreaterThan(0);
      expect(r.every((x) => x.weight < 0)).toBe(true);
    }
  });
  it('leaves praise without a promotion alone', () => {
    for (const text of ['Great video about the new ward, thank you', 'Love the new cafe'])
      expect(reports(promotion, text), text).toEqual([]);
  });
});
