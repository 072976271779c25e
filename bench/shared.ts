/**
 * Small pieces the bench and crash-test scripts share: numbers from the command line, a seeded
 * generator, sleep, and the count of acknowledged items lost or duplicated in the database.
 */
import type { openDatabase } from '../src/store/index.js';

/** A number given on the command line as `--name N`, or the fallback when the flag is absent. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** `{ seed }` when the command line has `--seed N`, else nothing, so the run picks its own seed. */
export function seedArg(): { seed?: number } {
  const seedAt = process.argv.indexOf('--seed');
  return seedAt >= 0 ? { seed: Number(process.argv[seedAt + 1]) } : {};
}

/** A small seeded generator (mulberry32), so a run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Database = Awaited<ReturnType<typeof openDatabase>>['db'];

/**
 * Reads an organisation's items straight from the database and counts them against what clients
 * were told: `lost` = acknowledged but not stored; `duplicated` = extra stored copies plus extra
 * `created` answers (`createdAnswers`: external id → how many answers said it was created).
 */
export async function tallyStored(
  db: Database,
  orgId: number,
  acknowledged: ReadonlySet<string>,
  createdAnswers: ReadonlyMap<string, number> = new Map(),
): Promise<{ stored: number; lost: number; duplicated: number }> {
  const rows = await db
    .selectFrom('items')
    .select(['external_id'])
    .where('organisation_id', '=', orgId)
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.external_id, (counts.get(r.external_id) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  for (const id of acknowledged) if (!counts.has(id)) lost++;
  for (const n of counts.values()) if (n > 1) duplicated += n - 1;
  for (const n of createdAnswers.values()) if (n > 1) duplicated += n - 1;
  return { stored: rows.length, lost, duplicated };
}
