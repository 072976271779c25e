/**
 * Small helpers for lists of text spans (phrase matches, sentences) that keep rules linear on
 * huge inputs: binary search instead of scanning a list once per match, and one merge pass
 * instead of filtering a list once per sentence.
 */

/** A span of text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Index of the first span in `sorted` (by start) whose start is at or after `pos`. */
function firstFrom(sorted: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a span in `sorted` (by start, not overlapping each other) overlaps [start, end).
 * Binary search: O(log n).
 */
export function overlapsAny(sorted: readonly Span[], start: number, end: number): boolean {
  const i = firstFrom(sorted, end);
  // Only the last span starting before `end` can reach into [start, end).
  const before = sorted[i - 1];
  return before !== undefined && before.end > start;
}

/** Whether a span in `sorted` (by start, not overlapping each other) contains [start, end). */
export function containedIn(sorted: readonly Span[], start: number, end: number): boolean {
  const i = firstFrom(sorted, start + 1);
  const before = sorted[i - 1];
  return before !== undefined && before.start <= start && end <= before.end;
}

/**
 * `extra` spans added to `base` unless they overlap a span of `base`; the result is sorted by
 * start. `base` must be sorted and free of overlaps; `extra` may be in any order.
 */
export function addUnlessOverlapping<T extends Span>(base: readonly T[], extra: readonly T[]): T[] {
  const kept = extra.filter((e) => !overlapsAny(base, e.start, e.end));
  return [...base, ...kept].sort((a, b) => a.start - b.start);
}

/**
 * Spans shared out to the sentences (sorted, not overlapping) that contain them, with offsets
 * made relative to the sentence. A span that crosses a sentence boundary is dropped. One merge
 * pass over both lists.
 */
export function bySentence<T extends Span>(sents: readonly Span[], spans: readonly T[]): T[][] {
  const out: T[][] = sents.map(() => []);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let i = 0;
  for (const m of sorted) {
    while (i < sents.length && sents[i]!.end <= m.start) i++;
    const s = sents[i];
    if (!s) break;
    if (m.start >= s.start && m.end <= s.end)
      out[i]!.push({ ...m, start: m.start - s.start, end: m.end - s.start });
  }
  return out;
}
