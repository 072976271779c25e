/**
 * The desk's benchmarks inside `npm run bench`: ingest through the API (SQLite), the inbox and
 * search at scale on SQLite and PostgreSQL, and the server's memory. `--quick` runs CI sizes;
 * `--desk` the sizes (100,000 items ingested, 1,000,000 stored). Figures:
 * docs/benchmarks-desk.md.
 */
import { loadavg } from 'node:os';
import { benchInbox } from '../inbox.js';
import { benchIngest } from '../ingest.js';

export async function runDeskBenches(quick: boolean): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`\nDesk (server), ${quick ? 'quick sizes' : 'full sizes'}; load average ${load()}`);
  await benchIngest({ items: quick ? 10_000 : 100_000, batch: 500, clients: 4 });
  for (const dialect of ['sqlite', 'postgres'] as const) {
    try {
      await benchInbox({ items: quick ? 20_000 : 1_000_000, dialect, repeats: quick ? 20 : 40 });
    } catch (error) {
      if (dialect === 'postgres' && /ECONNREFUSED|connect/i.test((error as Error).message)) {
        console.log(`postgres: not reachable (${(error as Error).message}); skipped`);
      } else throw error;
    }
  }
  console.log(`load average at the end ${load()}`);
}
