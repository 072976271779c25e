/**
 * `npm run chaos` — the crash test (issue 4, item 8).
 *
 * Delivers items over HTTP to a real `commsdesk serve --services=api,worker` child process while
 * killing it with SIGKILL at random moments (mid-request, as batches are being stored) and
 * restarting it on the same data directory. The clients behave like connectors: a batch that was
 * not acknowledged (connection refused or reset, a 5xx, a timeout) is sent again, whole, until it
 * is. Afterwards the database is read directly and the run reports
 *   - acknowledged-but-lost items: acknowledged to a client but not stored (must be 0);
 *   - duplicated items: stored more than once, or reported `created` by more than one
 *     acknowledgement (must be 0);
 * plus whether every item was stored in the end, the audit chain still verifies and the
 * full-text index matches the items (FTS5's integrity check).
 *
 *   npm run chaos -- [--items 100000] [--kills 10] [--batch 500] [--clients 3] [--seed N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createStore, openDatabase } from '../src/store/index.js';
import {
  DeskClient,
  fmt,
  freePort,
  seedDesk,
  startServer,
  stopServer,
  wireItems,
  type ServerProcess,
} from './desk/setup.js';
import { numberArg, seedArg, seededRandom, sleep, tallyStored } from './shared.js';

export interface ChaosOptions {
  items: number;
  kills: number;
  batch?: number;
  clients?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  items: number;
  kills: number;
  restarts: number;
  batches: number;
  attempts: number;
  failedAttempts: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  searchOk: boolean;
  auditOk: boolean;
  seconds: number;
  seed: number;
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rand = seededRandom(seed);
  const batchSize = options.batch ?? 500;
  const clients = options.clients ?? 3;
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-chaos-'));
  const t0 = performance.now();
  try {
    const seeded = await seedDesk(dataDir);
    const port = await freePort();
    const start = () => startServer({ dataDir, port, services: 'api,worker' });
    let server: ServerProcess = await start();
    const client = new DeskClient(port, seeded.token, clients);

    // Batches of varying size (a connector sends what it has), each delivered until acknowledged.
    const items = wireItems(options.items, { prefix: 'c' });
    const batches: string[][] = [];
    for (let i = 0; i < items.length;) {
      const n = Math.max(1, Math.round(batchSize * (0.2 + 0.8 * rand())));
      batches.push(items.slice(i, i + n).map((it) => it.external_id));
      i += n;
    }
    const bodies = batches.map((_, b) => {
      const from = batches.slice(0, b).reduce((s, x) => s + x.length, 0);
      return JSON.stringify({ items: items.slice(from, from + batches[b]!.length) });
    });

    // Kill moments: when the acknowledged count passes random points, plus a random delay so
    // the kill lands at an arbitrary point of the batches then in flight.
    const killAt = Array.from({ length: options.kills }, () =>
      Math.floor(options.items * (0.05 + 0.9 * rand())),
    ).sort((a, b) => a - b);
    const killDelays = killAt.map(() => Math.floor(rand() * 400));
    let kills = 0;
    let restarts = 0;
    let restarting: Promise<void> | null = null;
    let acknowledgedItems = 0;

    const createdAcks = new Map<string, number>();
    const acked = new Set<string>();
    let attempts = 0;
    let failedAttempts = 0;

    const killAndRestart = async () => {
      const victim = server;
      victim.child.kill('SIGKILL');
      await victim.exited;
      kills++;
      await sleep(Math.floor(rand() * 300));
      server = await start();
      restarts++;
    };
    const maybeKill = () => {
      while (kills + (restarting ? 1 : 0) < killAt.length && acknowledgedItems >= killAt[kills]!) {
        if (restarting) return;
        const delay = killDelays[kills]!;
        restarting = sleep(delay)
          .then(killAndRestart)
          .finally(() => {
            restarting = null;
            maybeKill();
          });
        return;
      }
    };

    let next = 0;
    const queue: number[] = [];
    const take = () =>
      queue.length > 0 ? queue.shift() : next < bodies.length ? next++ : undefined;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let b = take(); b !== undefined; b = take()) {
          for (let attempt = 0; ; attempt++) {
            attempts++;
            let ok = false;
            try {
              const res = await client.send('POST', '/api/items', bodies[b]!, 30_000);
              if (res.status === 200) {
                const parsed = JSON.parse(res.body) as {
                  results: { external_id: string; created: boolean }[];
                };
                for (const r of parsed.results) {
                  acked.add(r.external_id);
                  if (r.created)
                    createdAcks.set(r.external_id, (createdAcks.get(r.external_id) ?? 0) + 1);
                }
                ok = true;
              } else if (res.status < 500) {
                throw new Error(`Unexpected ${res.status} from POST /api/items: ${res.body}`);
              }
            } catch (error) {
              if ((error as Error).message.startsWith('Unexpected')) throw error;
            }
            if (ok) break;
            failedAttempts++;
            await (restarting ?? sleep(Math.min(1_000, 50 * 2 ** Math.min(attempt, 4))));
          }
          acknowledgedItems += batches[b]!.length;
          maybeKill();
        }
      }),
    );
    while (restarting) await restarting;
    client.close();
    await stopServer(server);

    // Count what the database holds, reading it directly.
    const handle = await openDatabase({ dataDir });
    let stored = 0;
    let lost = 0;
    let duplicated = 0;
    let searchOk = false;
    let auditOk = false;
    try {
      const store = createStore(handle);
      ({ stored, lost, duplicated } = await tallyStored(
        handle.db,
        seeded.orgId,
        acked,
        createdAcks,
      ));
      // FTS5's own check that its index matches the items table (it throws when not).
      searchOk = await sql`insert into items_fts (items_fts, rank) values ('integrity-check', 1)`
        .execute(handle.db)
        .then(
          () => true,
          () => false,
        );
      auditOk = (await store.audit.verify(seeded.orgId)).ok;
    } finally {
      await handle.close();
    }
    const report: ChaosReport = {
      items: options.items,
      kills,
      restarts,
      batches: batches.length,
      attempts,
      failedAttempts,
      acknowledged: acked.size,
      stored,
      lost,
      duplicated,
      searchOk,
      auditOk,
      seconds: (performance.now() - t0) / 1000,
      seed,
    };
    log(
      `chaos: ${fmt(report.items)} items in ${fmt(report.batches)} batches, ${report.kills} SIGKILLs ` +
        `(${report.restarts} restarts), ${fmt(report.attempts)} POSTs of which ` +
        `${fmt(report.failedAttempts)} unacknowledged and retried; ${report.seconds.toFixed(1)} s, seed ${report.seed}`,
    );
    log(
      `  acknowledged ${fmt(report.acknowledged)}, stored ${fmt(report.stored)}; ` +
        `acknowledged-but-lost ${report.lost}, duplicated ${report.duplicated} (both must be 0: ` +
        `${report.lost === 0 && report.duplicated === 0 ? 'met' : 'NOT met'}); ` +
        `search index ${report.searchOk ? 'consistent' : 'INCONSISTENT'}; audit chain ${report.auditOk ? 'verifies' : 'BROKEN'}`,
    );
    return report;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runChaos({
    items: numberArg('items', 100_000),
    kills: numberArg('kills', 10),
    batch: numberArg('batch', 500),
    clients: numberArg('clients', 3),
    ...seedArg(),
  });
  const ok =
    report.lost === 0 &&
    report.duplicated === 0 &&
    report.stored === report.items &&
    report.searchOk &&
    report.auditOk;
  process.exitCode = ok ? 0 : 1;
}
