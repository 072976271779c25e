import { describe, expect, it } from 'vitest';
import { addUnlessOverlapping, bySentence, containedIn, overlapsAny } from './spans.js';

const s = (start: number, end: number) => ({ start, end });

describe('spans', () => {
  const sorted = [s(0, 4), s(10, 15), s(20, 22)];
  it('finds overlaps by binary search', () => {
    expect(overlapsAny(sorted, 3, 5)).toBe(true);
    expect(overlapsAny(sorted, 4, 10)).toBe(false);
    expect(overlapsAny(sorted, 14, 30)).toBe(true);
    expect(overlapsAny([], 0, 1)).toBe(false);
  });
  it('finds containing spans', () => {
    expect(containedIn(sorted, 10, 15)).toBe(true);
    expect(containedIn(sorted, 11, 16)).toBe(false);
    expect(containedIn(sorted, 5, 6)).toBe(false);
  });
  it('adds spans that do not overlap, in order', () => {
    expect(addUnlessOverlapping(sorted, [s(30, 31), s(2, 3), s(5, 6)])).toEqual([
      s(0, 4),
      s(5, 6),
      s(10, 15),
      s(20, 22),
      s(30, 31),
    ]);
  });
  it('shares spans out to sentences with relative offsets', () => {
    const sents = [s(0, 10), s(11, 20)];
    expect(bySentence(sents, [s(12, 14), s(1, 3), s(9, 12)])).toEqual([[s(1, 3)], [s(1, 3)]]);
  });
  it('is linear on many spans', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => s(i * 3, i * 3 + 2));
    const sents = Array.from({ length: 50_000 }, (_, i) => s(i * 6, i * 6 + 6));
    expect(bySentence(sents, many).length).toBe(50_000);
    expect(addUnlessOverlapping(many, many).length).toBe(100_000);
  });
});
