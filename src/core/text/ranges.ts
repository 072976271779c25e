/** Looking an offset up in ranges of text. */

/** A range of text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Is `at` inside one of `ranges`? Ranges are sorted by start and may overlap, but none is longer
 * than `maxLen`: a binary search finds the last range starting at or before `at`, and a short walk
 * back checks the few that can still cover it, so per-match checks stay cheap on long texts.
 */
export function insideSorted(ranges: readonly TextRange[], at: number, maxLen: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start <= at) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0; i--) {
    const r = ranges[i]!;
    if (r.start < at - maxLen) break;
    if (at >= r.start && at < r.end) return true;
  }
  return false;
}
