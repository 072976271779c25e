/**
 * `commsdesk audit verify|head|export` — for auditors: check that no audit row was altered,
 * deleted, reordered or slipped in (GOV-1), anchor the chain's head outside the database, and
 * export the log.
 */
import { readFileSync } from 'node:fs';
import {
  createStore,
  migrateToLatest,
  openDatabase,
  type ChainHead,
  type Organisation,
} from '../store/index.js';

export interface AuditCommandOptions {
  dataDir?: string;
  databaseUrl?: string;
  org?: string;
  anchor?: string;
  from?: string;
  to?: string;
}

/** Exit codes: 0 intact, 2 bad usage, 3 the chain is broken somewhere. */
export async function auditCommand(
  sub: string | undefined,
  opts: AuditCommandOptions,
): Promise<void> {
  if (sub !== 'verify' && sub !== 'head' && sub !== 'export') {
    process.stderr.write(
      'commsdesk: usage: commsdesk audit verify|head|export [--org SLUG] [--data-dir DIR] [--anchor FILE] [--from ISO] [--to ISO]\n',
    );
    process.exitCode = 2;
    return;
  }
  const url = opts.databaseUrl ?? process.env['DATABASE_URL'];
  const handle = await openDatabase({
    ...(url ? { url } : {}),
    dataDir: opts.dataDir ?? process.env['COMMSDESK_DATA_DIR'] ?? './data',
  });
  try {
    await migrateToLatest(handle.db);
    const store = createStore(handle);
    let orgs: Organisation[] = await store.organisations.list();
    if (opts.org) {
      orgs = orgs.filter((o) => o.slug === opts.org);
      if (orgs.length === 0) {
        process.stderr.write(
          `commsdesk: Unexpected organisation "${opts.org}", expected the slug of an organisation in this database\n`,
        );
        process.exitCode = 2;
        return;
      }
    }
    if (sub === 'head') {
      const heads: Record<string, ChainHead | null> = {};
      for (const o of orgs) {
        const h = await store.audit.head(o.id);
        heads[o.slug] = h ? { seq: h.seq, hash: h.hash } : null;
      }
      process.stdout.write(JSON.stringify(heads, null, 2) + '\n');
      return;
    }
    if (sub === 'export') {
      for (const o of orgs) {
        for (const row of await store.audit.export(o.id, {
          ...(opts.from ? { from: new Date(opts.from) } : {}),
          ...(opts.to ? { to: new Date(opts.to) } : {}),
        })) {
          process.stdout.write(JSON.stringify({ organisation: o.slug, ...row }) + '\n');
        }
      }
      return;
    }
    const anchors = opts.anchor
      ? (JSON.parse(readFileSync(opts.anchor, 'utf8')) as Record<string, ChainHead | null>)
      : {};
    let broken = 0;
    for (const o of orgs) {
      const anchor = anchors[o.slug];
      const verdict = await store.audit.verify(o.id, anchor ? { anchor } : {});
      if (verdict.ok) {
        process.stdout.write(
          `✔ ${o.slug}: audit log intact (${verdict.rows} rows${anchor ? `, reaches the anchored head #${anchor.seq}` : ''})\n`,
        );
      } else {
        broken++;
        process.stdout.write(
          `✖ ${o.slug}: audit log has been tampered with (${verdict.rows} rows read)\n`,
        );
        for (const p of verdict.problems)
          process.stdout.write(`  row ${p.seq}: ${p.kind} — ${p.message}\n`);
      }
    }
    if (broken) process.exitCode = 3;
  } finally {
    await handle.close();
  }
}
