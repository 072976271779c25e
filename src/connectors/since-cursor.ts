/**
 * The "newest time plus the ids seen at that time" poll cursor that Bluesky, TikTok and YouTube
 * keep: one copy of reading and advancing it, so the connectors cannot drift apart.
 */
import type { NormalisedItem, PollResult } from './contract.js';

/** `since` is the newest time delivered; `key` (default `ids`) lists the items at exactly `since`. */
export type SinceCursor<K extends string = 'ids'> = { since: string } & { [P in K]: string[] };

/** Reads a stored cursor; `null` when there is none or it cannot be read (a first poll). */
export function readSinceCursor<K extends string = 'ids'>(
  cursor: string | null,
  key: K = 'ids' as K,
): SinceCursor<K> | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(cursor) as { since?: unknown } & Record<string, unknown>;
    const ids = c[key];
    return typeof c.since === 'string'
      ? ({ since: c.since, [key]: Array.isArray(ids) ? ids : [] } as SinceCursor<K>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Ends a poll: drops repeated external ids (the last copy wins), sorts oldest first and moves the
 * cursor to the newest `receivedAt`; the old cursor string is kept when nothing was ever seen.
 */
export function finishSincePoll(
  found: NormalisedItem[],
  state: SinceCursor | null,
  cursor: string | null,
): PollResult {
  const unique = [...new Map(found.map((i) => [i.externalId, i])).values()].sort((a, b) =>
    a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0,
  );
  let next = state;
  for (const item of unique) {
    if (!next || item.receivedAt > next.since)
      next = { since: item.receivedAt, ids: [item.externalId] };
    else if (item.receivedAt === next.since) next.ids.push(item.externalId);
  }
  return { items: unique, cursor: next ? JSON.stringify(next) : cursor };
}
