/**
 * The inbox query and full-text search at scale, on SQLite and PostgreSQL, and the server's
 * memory while it answers them (issue 4, items 7b and 7c).
 *
 * Rows are generated with set-based SQL (not through the API: 1,000,000 items through triage would
 * take ~10 CPU-minutes): 4,000 distinct realistic texts are triaged once with the nhs-default
 * profile and their labels, routes, sentiment and triage record are reused; each item gets a case
 * reference word (`ref<n mod N/20>`, so 20 items share one) to give search selective words, an
 * account, a receive time 30 s after the previous one (a year for 1M items) and a due time a day
 * later. The newest 3 % of items and every 50th older one are open (~50,000 open at 1M), the
 * rest closed. Queries are then timed through the repositories (in this process) and through the API
 * of a `commsdesk serve` child process, whose RSS is read from /proc.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { ProfileCache } from '../src/server/profiles.js';
import { ItemsService, triageRecord } from '../src/server/services/items.service.js';
import type { Desk } from '../src/server/context.js';
import {
  createStore,
  openDatabase,
  type DatabaseHandle,
  type Organisation,
} from '../src/store/index.js';
import type { Database } from '../src/store/schema.js';
import { realisticPosts } from './posts.js';
import {
  ACCOUNTS,
  DeskClient,
  fmt,
  freePort,
  percentile,
  seedDesk,
  startServer,
  stopServer,
} from './desk/setup.js';
import { numberArg } from './shared.js';

export const PG_URL =
  process.env.COMMSDESK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TEMPLATES = 4_000;
const T0 = Date.parse('2025-03-01T00:00:00.000Z');

export interface InboxOptions {
  items: number;
  dialect: 'sqlite' | 'postgres';
  /** Timed repetitions of each query kind. */
  repeats?: number;
  log?: (line: string) => void;
}

export interface QueryTiming {
  name: string;
  via: 'repository' | 'api';
  n: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  rows: number;
}

export interface InboxReport {
  dialect: string;
  items: number;
  open: number;
  generateSeconds: number;
  timings: QueryTiming[];
  serverRssMiB: number | null;
  serverPeakRssMiB: number | null;
  databaseMiB: number | null;
}

interface Template {
  k: number;
  text: string;
  labels: string;
  routes: string;
  urgent: boolean;
  sentiment: string | null;
  triage: string;
}

/** Triage the distinct texts once, as ingest would. */
function templates(): Template[] {
  const cache = new ProfileCache();
  const service = new ItemsService({ profiles: cache } as unknown as Desk);
  const org = { id: 1, profileId: 'nhs-default', profileOverride: null } as Organisation;
  const posts = realisticPosts(TEMPLATES, 11);
  return posts.map((p, k) => {
    // Vary the length like real comments: a third are one or two sentences.
    const text =
      k % 3 === 0
        ? p
            .split(/(?<=[.!?])\s/)
            .slice(0, 1 + (k % 2))
            .join(' ')
        : p;
    const a = service.assess(org, {
      platform: 'facebook',
      externalId: `t${k}`,
      kind: 'comment',
      text,
      receivedAt: new Date(T0),
    });
    return {
      k,
      text,
      labels: JSON.stringify([...new Set(a.result.labels)]),
      routes: JSON.stringify(a.result.routes),
      urgent: a.result.urgent,
      sentiment: a.result.sentiment,
      triage: JSON.stringify(triageRecord(a)),
    };
  });
}

async function generate(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  orgId: number,
  accountIds: number[],
  n: number,
  log: (line: string) => void,
): Promise<void> {
  const tpl = templates();
  const pgsql = dialect === 'postgres';
  await sql`create ${sql.raw(pgsql ? 'unlogged' : 'temp')} table bench_texts (
      k integer primary key, text text not null, labels text not null, routes text not null,
      urgent integer not null, sentiment text, triage text not null)`.execute(db);
  for (let i = 0; i < tpl.length; i += 500) {
    const chunk = tpl.slice(i, i + 500);
    await sql`insert into bench_texts (k, text, labels, routes, urgent, sentiment, triage) values ${sql.join(
      chunk.map(
        (t) =>
          sql`(${t.k}, ${t.text}, ${t.labels}, ${t.routes}, ${t.urgent ? 1 : 0}, ${t.sentiment}, ${t.triage})`,
      ),
    )}`.execute(db);
  }
  const platformCase = sql.raw(
    `case s.n % ${accountIds.length} ${accountIds
      .map((id, i) => `when ${i} then '${ACCOUNTS[i]![0]}'`)
      .join(' ')} end`,
  );
  const accountCase = sql.raw(
    `case s.n % ${accountIds.length} ${accountIds.map((id, i) => `when ${i} then ${id}`).join(' ')} end`,
  );
  const openExpr = sql.raw(`(s.n > ${n - Math.round(n * 0.03)} or s.n % 50 = 0)`);
  const refs = referenceCount(n);
  const chunk = 50_000;
  const t0 = performance.now();
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    const { rows: maxRows } = await sql<{ m: number | string | null }>`
      select max(id) as m from items`.execute(db);
    const before = Number(maxRows[0]?.m ?? 0);
    if (pgsql) {
      await sql`
        insert into items (organisation_id, account_id, platform, external_id, kind, author_id,
          conversation_id, text, media, received_at, ingested_at, labels, urgent, routes, sentiment,
          triage, due_at, status, open, updated_at)
        select ${orgId}, ${accountCase}, ${platformCase}, 'g' || s.n,
          (array['comment','reply','mention','dm'])[1 + s.n % 4], null, null,
          t.text || ' ref' || (s.n % ${refs}), null,
          ${new Date(T0).toISOString()}::timestamptz + s.n * interval '30 seconds',
          ${new Date(T0).toISOString()}::timestamptz + s.n * interval '30 seconds',
          t.labels::jsonb, t.urgent = 1, t.routes::jsonb, t.sentiment, t.triage::jsonb,
          ${new Date(T0).toISOString()}::timestamptz + s.n * interval '30 seconds' + interval '1 day',
          case when ${openExpr} then 'new' else 'closed' end, ${openExpr},
          ${new Date(T0).toISOString()}::timestamptz + s.n * interval '30 seconds'
        from generate_series(${from}::int, ${to}::int) as s(n)
        join bench_texts t on t.k = s.n % ${TEMPLATES}`.execute(db);
      await sql`
        insert into item_labels (item_id, organisation_id, label, open, due_at)
        select i.id, i.organisation_id, l.label, i.open, i.due_at
        from items i
        join bench_texts t on t.k = substr(i.external_id, 2)::int % ${TEMPLATES}
        cross join lateral jsonb_array_elements_text(t.labels::jsonb) as l(label)
        where i.id > ${before}`.execute(db);
    } else {
      const iso = (expr: string) =>
        sql.raw(`strftime('%Y-%m-%dT%H:%M:%fZ', ${T0 / 1000} + ${expr}, 'unixepoch')`);
      await db.transaction().execute(async (tx) => {
        await sql`
          with recursive s(n) as (select ${from} union all select n + 1 from s where n < ${to})
          insert into items (organisation_id, account_id, platform, external_id, kind, author_id,
            conversation_id, text, media, received_at, ingested_at, labels, urgent, routes,
            sentiment, triage, due_at, status, open, updated_at)
          select ${orgId}, ${accountCase}, ${platformCase}, 'g' || s.n,
            case s.n % 4 when 0 then 'comment' when 1 then 'reply' when 2 then 'mention' else 'dm' end,
            null, null, t.text || ' ref' || (s.n % ${refs}), null,
            ${iso('s.n * 30')}, ${iso('s.n * 30')}, t.labels, t.urgent, t.routes, t.sentiment,
            t.triage, ${iso('s.n * 30 + 86400')},
            case when ${openExpr} then 'new' else 'closed' end, ${openExpr}, ${iso('s.n * 30')}
          from s join bench_texts t on t.k = s.n % ${TEMPLATES}`.execute(tx);
        await sql`
          insert into item_labels (item_id, organisation_id, label, open, due_at)
          select i.id, i.organisation_id, j.value, i.open, i.due_at
          from items i
          join bench_texts t on t.k = cast(substr(i.external_id, 2) as integer) % ${TEMPLATES}
          join json_each(t.labels) j
          where i.id > ${before}`.execute(tx);
      });
    }
    const done = to;
    if (done % 200_000 === 0 || done === n) {
      log(`  generated ${fmt(done)} items (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  await sql`drop table bench_texts`.execute(db);
  await sql`analyze`.execute(db);
}

/** How many case references: 20 items share each. */
function referenceCount(n: number): number {
  return Math.max(1, Math.floor(n / 20));
}

/** Which labels and accounts the queries use: a common label, a rarer one, each account. */
async function queryPlan(db: Kysely<Database>, orgId: number) {
  const labels = await db
    .selectFrom('item_labels')
    .select(['label', sql<number>`count(*)`.as('n')])
    .where('organisation_id', '=', orgId)
    .groupBy('label')
    .orderBy('n', 'desc')
    .execute();
  return labels.map((l) => ({ label: l.label, n: Number(l.n) }));
}

function timingOf(
  name: string,
  via: 'repository' | 'api',
  ms: number[],
  rows: number,
): QueryTiming {
  return {
    name,
    via,
    n: ms.length,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    maxMs: Math.max(...ms),
    rows,
  };
}

const SEARCHES = [
  'pharmacy',
  'flu vaccine',
  'ward manager',
  'emergency waits long',
  'physiotherapists',
  'PALS contact',
];

export async function benchInbox(options: InboxOptions): Promise<InboxReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const repeats = options.repeats ?? 40;
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-bench-inbox-'));
  let databaseUrl: string | undefined;
  let admin: pg.Client | null = null;
  let schema = '';
  if (options.dialect === 'postgres') {
    schema = `cd_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    databaseUrl =
      PG_URL +
      (PG_URL.includes('?') ? '&' : '?') +
      'options=' +
      encodeURIComponent(`-c search_path=${schema}`);
  }
  let handle: DatabaseHandle | null = null;
  try {
    const seeded = await seedDesk(dataDir, databaseUrl);
    handle = await openDatabase({ dataDir, ...(databaseUrl ? { url: databaseUrl } : {}) });
    const t0 = performance.now();
    log(`${options.dialect}: generating ${fmt(options.items)} items…`);
    await generate(handle.db, options.dialect, seeded.orgId, seeded.accountIds, options.items, log);
    const generateSeconds = (performance.now() - t0) / 1000;
    const store = createStore(handle);
    const open = await store.items.count(seeded.orgId, { open: true });
    const labelCounts = await queryPlan(handle.db, seeded.orgId);
    const common = labelCounts[0]?.label ?? 'praise';
    const rare = labelCounts[Math.min(labelCounts.length - 1, 3)]?.label ?? common;
    log(
      `  ${fmt(options.items)} items (${fmt(open)} open) in ${generateSeconds.toFixed(0)} s; labels ${labelCounts
        .map((l) => `${l.label} ${fmt(l.n)}`)
        .join(', ')}`,
    );

    type Kind = { name: string; repo: (i: number) => Promise<number>; url: (i: number) => string };
    const acc = seeded.accountIds;
    const kinds: Kind[] = [
      {
        name: 'inbox: open items, first page of 50',
        repo: async () => (await store.items.inbox(seeded.orgId, { limit: 50 })).rows.length,
        url: () => `/api/orgs/${seeded.slug}/inbox?limit=50`,
      },
      {
        name: `inbox: by account`,
        repo: async (i) =>
          (await store.items.inbox(seeded.orgId, { limit: 50, accountId: acc[i % acc.length]! }))
            .rows.length,
        url: (i) => `/api/orgs/${seeded.slug}/inbox?limit=50&account=${acc[i % acc.length]}`,
      },
      {
        name: `inbox: by label (common: ${common})`,
        repo: async () =>
          (await store.items.inbox(seeded.orgId, { limit: 50, labels: [common] })).rows.length,
        url: () => `/api/orgs/${seeded.slug}/inbox?limit=50&label=${common}`,
      },
      {
        name: `inbox: by label (rarer: ${rare}) and account`,
        repo: async (i) =>
          (
            await store.items.inbox(seeded.orgId, {
              limit: 50,
              labels: [rare],
              accountId: acc[i % acc.length]!,
            })
          ).rows.length,
        url: (i) =>
          `/api/orgs/${seeded.slug}/inbox?limit=50&label=${rare}&account=${acc[i % acc.length]}`,
      },
      {
        name: 'search: common words',
        repo: async (i) =>
          (await store.items.search(seeded.orgId, SEARCHES[i % SEARCHES.length]!, 50)).length,
        url: (i) =>
          `/api/orgs/${seeded.slug}/search?limit=50&q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`,
      },
      {
        name: 'search: a case reference (20 matches)',
        repo: async (i) =>
          (
            await store.items.search(
              seeded.orgId,
              `ref${(i * 7919) % referenceCount(options.items)}`,
              50,
            )
          ).length,
        url: (i) =>
          `/api/orgs/${seeded.slug}/search?limit=50&q=ref${(i * 7919) % referenceCount(options.items)}`,
      },
    ];

    const timings: QueryTiming[] = [];
    for (const kind of kinds) {
      for (let i = 0; i < 3; i++) await kind.repo(i);
      const ms: number[] = [];
      let rows = 0;
      for (let i = 0; i < repeats; i++) {
        const s = performance.now();
        rows = await kind.repo(i);
        ms.push(performance.now() - s);
      }
      timings.push(timingOf(kind.name, 'repository', ms, rows));
    }
    await handle.close();
    handle = null;

    const port = await freePort();
    const server = await startServer({
      dataDir,
      port,
      services: 'api',
      ...(databaseUrl ? { databaseUrl } : {}),
    });
    const client = new DeskClient(port, seeded.token, 1);
    let rss: number | null = null;
    let peak: number | null = null;
    try {
      for (const kind of kinds) {
        for (let i = 0; i < 3; i++) await client.send('GET', kind.url(i));
        const ms: number[] = [];
        let rows = 0;
        for (let i = 0; i < repeats; i++) {
          const s = performance.now();
          const res = await client.send('GET', kind.url(i));
          ms.push(performance.now() - s);
          if (res.status !== 200) throw new Error(`Unexpected ${res.status}: ${res.body}`);
          rows = (JSON.parse(res.body) as { items: unknown[] }).items.length;
        }
        timings.push(timingOf(kind.name, 'api', ms, rows));
      }
      rss = server.rssMiB();
      peak = server.peakRssMiB();
    } finally {
      client.close();
      await stopServer(server);
    }
    let databaseMiB: number | null = null;
    if (admin) {
      const r = await admin.query<{ b: string }>(
        `select sum(pg_total_relation_size(c.oid))::text as b from pg_class c
         join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r','m')`,
        [schema],
      );
      databaseMiB = Number(r.rows[0]?.b ?? 0) / 2 ** 20;
    } else {
      const { statSync } = await import('node:fs');
      databaseMiB = statSync(join(dataDir, 'commsdesk.sqlite')).size / 2 ** 20;
    }
    const report: InboxReport = {
      dialect: options.dialect,
      items: options.items,
      open,
      generateSeconds,
      timings,
      serverRssMiB: rss,
      serverPeakRssMiB: peak,
      databaseMiB,
    };
    for (const t of timings) {
      const target = t.name.startsWith('search') ? 100 : 50;
      log(
        `  ${t.via.padEnd(10)} ${t.name.padEnd(48)} p50 ${t.p50Ms.toFixed(1).padStart(7)} ms  p95 ${t.p95Ms
          .toFixed(1)
          .padStart(
            7,
          )} ms  max ${t.maxMs.toFixed(1).padStart(7)} ms  (${t.rows} rows; target p95 ≤ ${target} ms: ${
          t.p95Ms <= target ? 'met' : 'NOT met'
        })`,
      );
    }
    log(
      `  server RSS after the API queries ${rss?.toFixed(0) ?? '?'} MiB (peak ${peak?.toFixed(0) ?? '?'} MiB); database ${databaseMiB?.toFixed(0)} MiB`,
    );
    return report;
  } finally {
    if (handle) await handle.close();
    if (admin) {
      await admin.query(`drop schema "${schema}" cascade`);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dialects = process.argv.includes('--postgres')
    ? (['postgres'] as const)
    : process.argv.includes('--sqlite')
      ? (['sqlite'] as const)
      : (['sqlite', 'postgres'] as const);
  for (const dialect of dialects) {
    await benchInbox({
      items: numberArg('items', 1_000_000),
      dialect,
      repeats: numberArg('repeats', 40),
    });
  }
}
