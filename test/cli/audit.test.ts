import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, migrateToLatest, openDatabase } from '../../src/store/index.js';
import { runCli } from './run-cli.js';

describe('[GOV-1] commsdesk audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'commsdesk-audit-'));

  beforeAll(async () => {
    const handle = await openDatabase({ dataDir: dir });
    await migrateToLatest(handle.db);
    const store = createStore(handle);
    const at = new Date('2026-11-24T09:00:00Z');
    for (const slug of ['north', 'south']) {
      const org = await store.organisations.create(
        { slug, name: `${slug} NHS`, profileId: 'nhs-default' },
        at,
      );
      for (let i = 1; i <= 4; i++) {
        await store.audit.append({
          organisationId: org.id,
          actor: 'system',
          action: 'item.status',
          subjectType: 'item',
          subjectId: i,
          before: { status: 'new' },
          after: { status: 'closed' },
          at: new Date(at.getTime() + i * 60_000),
        });
      }
    }
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an intact log for every organisation, exit code 0', () => {
    const r = runCli(['audit', 'verify', '--data-dir', dir], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✔ north: audit log intact \(4 rows\)/);
    expect(r.stdout).toMatch(/✔ south: audit log intact \(4 rows\)/);
  });

  it('detects an altered row and a deleted row, even with the append-only triggers removed; exit code 3', () => {
    const head = runCli(['audit', 'head', '--data-dir', dir], '');
    const anchorFile = join(dir, 'anchor.json');
    writeFileSync(anchorFile, head.stdout);

    // Someone with direct database access removes the triggers and edits history.
    const raw = new BetterSqlite3(join(dir, 'commsdesk.sqlite'));
    for (const t of raw
      .prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'")
      .all() as { name: string }[])
      raw.exec(`drop trigger ${t.name}`);
    const north = (
      raw.prepare("select id from organisations where slug = 'north'").get() as { id: number }
    ).id;
    const south = (
      raw.prepare("select id from organisations where slug = 'south'").get() as { id: number }
    ).id;
    raw
      .prepare("update audit_log set action = 'item.erase' where organisation_id = ? and seq = 2")
      .run(north);
    raw.prepare('delete from audit_log where organisation_id = ? and seq = 4').run(south);
    raw.close();

    const r = runCli(['audit', 'verify', '--data-dir', dir, '--anchor', anchorFile], '');
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/✖ north: audit log has been tampered with/);
    expect(r.stdout).toMatch(/row 2: altered/);
    // The deleted last row is only detectable against the anchored head.
    expect(r.stdout).toMatch(/✖ south/);
  });

  it('refuses an unknown organisation without revealing others', () => {
    const r = runCli(['audit', 'verify', '--data-dir', dir, '--org', 'nowhere'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unexpected organisation "nowhere"/);
    expect(r.stderr).not.toMatch(/north|south/);
  });
});
