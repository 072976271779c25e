/**
 * Ingest through the API to triaged-and-queryable, on SQLite (issue 4, item 7a).
 *
 * A real `commsdesk serve` child process; a few concurrent keep-alive clients post batches with an
 * API token; the clock stops when every item is acknowledged and counted in the database (each
 * batch is committed before its acknowledgement, so acknowledged means queryable). In the same
 * run: a raw better-sqlite3 batched insert of the very rows the API stored into the same schema
 * (the ceiling), and an in-process breakdown of where the time goes (triage, SQL through the
 * repository, HTTP/JSON as the rest).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfig } from '../src/server/config.js';
import { openDesk } from '../src/server/desk.js';
import { ItemsService, type IncomingItem } from '../src/server/services/items.service.js';
import { triageRecord } from '../src/server/services/items.service.js';
import {
  createStore,
  migrateToLatest,
  openDatabase,
  SQLITE_FILE,
  type NewItem,
} from '../src/store/index.js';
import {
  DeskClient,
  fmt,
  freePort,
  seedDesk,
  startServer,
  stopServer,
  wireItems,
  type WireItem,
} from './desk/setup.js';
import { numberArg } from './shared.js';

export interface IngestOptions {
  items: number;
  batch: number;
  clients: number;
  /** COMMSDESK_TRIAGE_THREADS for the server: a number, or undefined for its default. */
  threads?: string;
  log?: (line: string) => void;
}

export interface IngestReport {
  items: number;
  batch: number;
  clients: number;
  threads: string;
  apiSeconds: number;
  apiPerSecond: number;
  rawSeconds: number;
  rawPerSecond: number;
  ratio: number;
  batchP50Ms: number;
  batchP95Ms: number;
  serverPeakRssMiB: number | null;
  /** Server CPU time (all threads) per item: independent of other load on the machine. */
  serverCpuMsPerItem: number | null;
  breakdown: {
    triageMsPerItem: number;
    sqlMsPerItem: number;
    jsonMsPerItem: number;
    apiMsPerItemOneCore: number;
  };
}

export async function benchIngest(options: IngestOptions): Promise<IngestReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-bench-ingest-'));
  try {
    const seeded = await seedDesk(dataDir);
    const port = await freePort();
    const server = await startServer({
      dataDir,
      port,
      services: 'api',
      env: options.threads !== undefined ? { COMMSDESK_TRIAGE_THREADS: options.threads } : {},
    });
    const client = new DeskClient(port, seeded.token, options.clients);
    let apiSeconds = 0;
    const batchMs: number[] = [];
    let peak: number | null = null;
    let cpuMsPerItem: number | null = null;
    try {
      // Warm-up (JIT, profile compile, triage workers): items that are not counted.
      const warm = JSON.stringify({ items: wireItems(1_000, { prefix: 'warm', seed: 3 }) });
      for (let i = 0; i < 2; i++) await client.send('POST', '/api/items', warm);

      const items = wireItems(options.items);
      const bodies: string[] = [];
      for (let i = 0; i < items.length; i += options.batch) {
        bodies.push(JSON.stringify({ items: items.slice(i, i + options.batch) }));
      }
      let next = 0;
      let created = 0;
      const cpu0 = server.cpuSeconds();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: options.clients }, async () => {
          while (next < bodies.length) {
            const body = bodies[next++]!;
            const b0 = performance.now();
            const res = await client.send('POST', '/api/items', body);
            batchMs.push(performance.now() - b0);
            if (res.status !== 200) {
              throw new Error(`Unexpected ${res.status} from POST /api/items: ${res.body}`);
            }
            created += (JSON.parse(res.body) as { created: number }).created;
          }
        }),
      );
      // Queryable: count through a second connection, and ask the inbox through the API.
      const handle = await openDatabase({ dataDir });
      const counted = await createStore(handle).items.count(seeded.orgId);
      await handle.close();
      const inbox = await client.send('GET', `/api/orgs/${seeded.slug}/inbox?limit=1`);
      apiSeconds = (performance.now() - t0) / 1000;
      if (created !== items.length || counted !== items.length + 1_000 || inbox.status !== 200) {
        throw new Error(
          `Unexpected counts: created ${created}, stored ${counted}, expected ${items.length} (+1,000 warm-up); inbox ${inbox.status}`,
        );
      }
      peak = server.peakRssMiB();
      const cpu1 = server.cpuSeconds();
      if (cpu0 !== null && cpu1 !== null) cpuMsPerItem = ((cpu1 - cpu0) * 1000) / items.length;
      log(
        `  API: ${fmt(options.items)} items in ${apiSeconds.toFixed(1)} s = ` +
          `${fmt(options.items / apiSeconds)} items/s`,
      );
    } finally {
      client.close();
      await stopServer(server);
    }

    const raw = rawInsert(dataDir, seeded.orgId);
    const breakdown = await whereTimeGoes(wireItems(Math.min(options.items, 10_000)));
    const report: IngestReport = {
      items: options.items,
      batch: options.batch,
      clients: options.clients,
      threads: options.threads ?? 'default',
      apiSeconds,
      apiPerSecond: options.items / apiSeconds,
      rawSeconds: raw.seconds,
      rawPerSecond: raw.rows / raw.seconds,
      ratio: raw.rows / raw.seconds / (options.items / apiSeconds),
      batchP50Ms: pct(batchMs, 50),
      batchP95Ms: pct(batchMs, 95),
      serverPeakRssMiB: peak,
      serverCpuMsPerItem: cpuMsPerItem,
      breakdown,
    };
    log(
      `ingest via API (SQLite), ${fmt(report.items)} items, batches of ${report.batch}, ` +
        `${report.clients} clients, triage threads ${report.threads}: ` +
        `${fmt(report.apiPerSecond)} items/s (${report.apiSeconds.toFixed(1)} s; batch p50 ` +
        `${fmt(report.batchP50Ms)} ms, p95 ${fmt(report.batchP95Ms)} ms; server peak RSS ` +
        `${report.serverPeakRssMiB?.toFixed(0) ?? '?'} MiB)`,
    );
    log(
      `server CPU time per item (all threads): ${report.serverCpuMsPerItem?.toFixed(3) ?? '?'} ms ` +
        `→ at most ${report.serverCpuMsPerItem ? fmt((availableParallelism() * 1000) / report.serverCpuMsPerItem) : '?'} ` +
        `items/s if the server had all ${availableParallelism()} cores to itself; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    log(
      `raw better-sqlite3 batched insert, same rows and schema: ${fmt(report.rawPerSecond)} items/s ` +
        `→ raw / API = ${report.ratio.toFixed(1)}×`,
    );
    log(
      `target ≥ 5,000 items/s: ${report.apiPerSecond >= 5_000 ? 'met' : 'NOT met'} ` +
        `(aim 20,000: ${report.apiPerSecond >= 20_000 ? 'met' : 'not met'})`,
    );
    log(
      `where the time goes, one core, per item: triage ${breakdown.triageMsPerItem.toFixed(3)} ms, ` +
        `SQL through the repository (batches of 500, with audit) ${breakdown.sqlMsPerItem.toFixed(3)} ms, ` +
        `JSON parse + stringify ${breakdown.jsonMsPerItem.toFixed(3)} ms; ` +
        `the API run spent ${(1000 / report.apiPerSecond).toFixed(3)} ms of wall time per item on 2 cores`,
    );
    return report;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * The ceiling: the rows the API stored (items and their labels), inserted with better-sqlite3
 * prepared statements in transactions of 500 into a fresh database with the same migrated schema
 * (same indexes, FTS triggers, WAL and synchronous=FULL).
 */
function rawInsert(sourceDir: string, orgId: number): { rows: number; seconds: number } {
  const dir = mkdtempSync(join(tmpdir(), 'commsdesk-bench-raw-'));
  try {
    const source = new BetterSqlite3(join(sourceDir, SQLITE_FILE), { readonly: true });
    const items = source
      .prepare(`select * from items where organisation_id = ? order by id`)
      .all(orgId) as Record<string, unknown>[];
    const labels = source
      .prepare(`select * from item_labels where organisation_id = ? order by item_id`)
      .all(orgId) as Record<string, unknown>[];
    source.close();
    const db = new BetterSqlite3(join(dir, SQLITE_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return migrateAndInsert(db, join(sourceDir, SQLITE_FILE), items, labels);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function migrateAndInsert(
  db: BetterSqlite3.Database,
  sourceFile: string,
  items: Record<string, unknown>[],
  labels: Record<string, unknown>[],
): { rows: number; seconds: number } {
  // The schema: copied from the source (tables, indexes, the FTS table and its triggers).
  db.exec(`attach database '${sourceFile.replace(/'/g, "''")}' as src`);
  const ddl = db
    .prepare(
      `select type, name, sql from src.sqlite_master
       where sql is not null and name not like 'sqlite_%' and name not like 'items_fts_%'
       order by case type when 'table' then 0 when 'index' then 1 else 2 end, rowid`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const d of ddl) db.exec(d.sql);
  for (const table of ['organisations', 'accounts', 'authors']) {
    db.exec(`insert into main.${table} select * from src.${table}`);
  }
  db.exec('detach database src');
  const itemCols = Object.keys(items[0] ?? {});
  const labelCols = Object.keys(labels[0] ?? { item_id: 0 });
  const insertItem = db.prepare(
    `insert into items (${itemCols.join(', ')}) values (${itemCols.map((c) => `@${c}`).join(', ')})`,
  );
  const insertLabel = db.prepare(
    `insert into item_labels (${labelCols.join(', ')}) values (${labelCols.map((c) => `@${c}`).join(', ')})`,
  );
  const byItem = new Map<unknown, Record<string, unknown>[]>();
  for (const l of labels) byItem.set(l.item_id, [...(byItem.get(l.item_id) ?? []), l]);
  const batch = db.transaction((rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      insertItem.run(row);
      for (const l of byItem.get(row.id) ?? []) insertLabel.run(l);
    }
  });
  const t0 = performance.now();
  for (let i = 0; i < items.length; i += 500) batch(items.slice(i, i + 500));
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { rows: items.length, seconds };
}

/** Triage, SQL and JSON costs per item, measured one at a time on one core (in this process). */
async function whereTimeGoes(wire: WireItem[]): Promise<IngestReport['breakdown']> {
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-bench-parts-'));
  const { desk, database } = await openDesk(loadConfig({ dataDir, env: {} }));
  try {
    await migrateToLatest(database.db);
    const at = new Date('2026-03-02T09:00:00.000Z');
    const org = await desk.store.organisations.create(
      { slug: 'parts', name: 'Parts', profileId: 'nhs-default' },
      at,
    );
    const service = new ItemsService(desk);
    const incoming: IncomingItem[] = wire.map((i) => ({
      platform: i.platform,
      externalId: i.external_id,
      kind: i.kind,
      text: i.text,
      receivedAt: new Date(i.received_at),
      author: { platformAuthorId: i.author.id, displayName: i.author.name },
      account: null,
    }));
    for (const item of incoming.slice(0, 300)) service.assess(org, item);
    const t0 = performance.now();
    const rows: NewItem[] = incoming.map((item) => {
      const a = service.assess(org, item);
      return {
        platform: item.platform,
        externalId: item.externalId,
        kind: item.kind,
        author: item.author ?? null,
        text: item.text,
        receivedAt: item.receivedAt,
        labels: a.result.labels,
        urgent: a.result.urgent,
        routes: a.result.routes,
        sentiment: a.result.sentiment,
        triage: triageRecord(a),
        dueAt: a.clock.dueAt,
      };
    });
    const triageMs = performance.now() - t0;

    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += 500) {
      await desk.store.transaction(async (tx) => {
        const results = await tx.items.ingest(org.id, rows.slice(i, i + 500), at);
        await tx.audit.append({
          organisationId: org.id,
          actor: 'system',
          action: 'items.ingest',
          subjectType: 'items',
          subjectId: String(results[0]?.id ?? ''),
          after: { created: results.length, ids: results.map((r) => r.id) },
          at,
        });
      });
    }
    const sqlMs = performance.now() - t1;

    const t2 = performance.now();
    for (let i = 0; i < wire.length; i += 500) {
      const body = JSON.stringify({ items: wire.slice(i, i + 500) });
      JSON.parse(body);
      JSON.stringify({
        results: wire.slice(i, i + 500).map((w, j) => ({
          external_id: w.external_id,
          platform: w.platform,
          id: j,
          created: true,
        })),
      });
    }
    const jsonMs = performance.now() - t2;
    return {
      triageMsPerItem: triageMs / wire.length,
      sqlMsPerItem: sqlMs / wire.length,
      jsonMsPerItem: jsonMs / wire.length,
      apiMsPerItemOneCore: NaN,
    };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const threadsAt = process.argv.indexOf('--threads');
  await benchIngest({
    items: numberArg('items', 20_000),
    batch: numberArg('batch', 500),
    clients: numberArg('clients', 4),
    ...(threadsAt >= 0 ? { threads: process.argv[threadsAt + 1]! } : {}),
  });
}
