import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { chainHash, verifyChain, type ChainVerdict } from '../../src/store/audit-chain.js';
import { recordToChainRow, type AuditEntry } from '../../src/store/audit.repository.js';
import type { Dialect } from '../../src/store/codec.js';
import type { Database } from '../../src/store/schema.js';
import { at, describeEachDatabase, type TestDatabase } from './databases.js';

function entry(organisationId: number, n: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    organisationId,
    actor: 'system',
    action: 'item.status',
    subjectType: 'item',
    subjectId: n,
    before: { status: 'new' },
    after: { status: 'in_progress', n },
    at: at(n),
    ...over,
  };
}

async function appendMany(db: TestDatabase, organisationId: number, count: number): Promise<void> {
  for (let n = 1; n <= count; n += 1) await db.store.audit.append(entry(organisationId, n));
}

/**
 * Run `fn` with the append-only triggers out of the way, as someone with direct access to the
 * database could: the chain, not the triggers, is what must catch them.
 */
async function tamper(
  db: Kysely<Database>,
  dialect: Dialect,
  fn: (db: Kysely<Database>) => Promise<unknown>,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(db);
    try {
      await fn(db);
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(db);
    }
    return;
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`.execute(
    db,
  );
  for (const t of rows) await sql.raw(`drop trigger ${t.name}`).execute(db);
  try {
    await fn(db);
  } finally {
    for (const t of rows) await sql.raw(t.sql).execute(db);
  }
}

function problems(verdict: ChainVerdict) {
  return verdict.ok ? [] : verdict.problems.map((p) => ({ seq: p.seq, kind: p.kind }));
}

describeEachDatabase('audit log', (get, dialect) => {
  it('[GOV-1] appends a hash chain per organisation that verifies', async () => {
    const db = get();
    const org = await db.organisation();
    const first = await db.store.audit.append(entry(org.id, 1, { actor: 7 }));
    expect(first).toMatchObject({ seq: 1, actor: 7, subjectId: '1', before: { status: 'new' } });
    expect(first.prevHash).toBe('0'.repeat(64));
    await appendMany(db, org.id, 4);
    const rows = await db.store.audit.export(org.id);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    rows.slice(1).forEach((r, i) => expect(r.prevHash).toBe(rows[i].hash));
    const verdict = await db.store.audit.verify(org.id);
    expect(verdict).toEqual({ ok: true, rows: 5, head: { seq: 5, hash: rows[4].hash } });
    expect(await db.store.audit.head(org.id)).toEqual({ seq: 5, hash: rows[4].hash, at: at(4) });
    // An export verifies on its own, away from the database.
    expect(verifyChain(rows.map(recordToChainRow)).ok).toBe(true);
  });

  it('[GOV-1] hashes before/after canonically: key order does not matter', async () => {
    const db = get();
    const org = await db.organisation();
    const record = await db.store.audit.append(
      entry(org.id, 1, { before: { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } } }),
    );
    const { rows } = await sql<{ before_json: string }>`
      select before_json from audit_log where organisation_id = ${org.id}`.execute(db.handle.db);
    expect(rows[0].before_json).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(record.hash).toBe(chainHash(record.prevHash, recordToChainRow(record)));
    expect((await db.store.audit.verify(org.id)).ok).toBe(true);
  });

  it('[GOV-1] refuses UPDATE and DELETE of audit rows from the application', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 2);
    await expect(
      db.handle.db
        .updateTable('audit_log')
        .set({ action: 'nothing' })
        .where('organisation_id', '=', org.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.handle.db.deleteFrom('audit_log').where('organisation_id', '=', org.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('[GOV-1] detects a row altered directly in the database', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 5);
    await tamper(db.handle.db, dialect, (raw) =>
      raw
        .updateTable('audit_log')
        .set({ after_json: '{"n":3,"status":"closed"}' })
        .where('organisation_id', '=', org.id)
        .where('seq', '=', 3)
        .execute(),
    );
    const verdict = await db.store.audit.verify(org.id);
    expect(problems(verdict)).toEqual([{ seq: 3, kind: 'altered' }]);
    expect(verdict.ok ? '' : verdict.problems[0].message).toMatch(/Unexpected hash .* at seq 3/);
  });

  it('[GOV-1] detects an altered row even when its hash was recomputed', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 4);
    const [row] = await db.store.audit.export(org.id).then((rs) => rs.filter((r) => r.seq === 2));
    const forged = { ...recordToChainRow(row), actor: '99' };
    await tamper(db.handle.db, dialect, (raw) =>
      raw
        .updateTable('audit_log')
        .set({ actor: '99', hash: chainHash(forged.prevHash, forged) })
        .where('organisation_id', '=', org.id)
        .where('seq', '=', 2)
        .execute(),
    );
    expect(problems(await db.store.audit.verify(org.id))).toEqual([{ seq: 3, kind: 'missing' }]);
  });

  it('[GOV-1] detects a deleted row', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 5);
    await tamper(db.handle.db, dialect, (raw) =>
      raw
        .deleteFrom('audit_log')
        .where('organisation_id', '=', org.id)
        .where('seq', '=', 2)
        .execute(),
    );
    const verdict = await db.store.audit.verify(org.id);
    expect(problems(verdict)).toEqual([{ seq: 2, kind: 'missing' }]);
    expect(verdict.rows).toBe(4);
  });

  it('[GOV-1] detects a deleted row when the rows after it were renumbered', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 5);
    await tamper(db.handle.db, dialect, async (raw) => {
      await raw
        .deleteFrom('audit_log')
        .where('organisation_id', '=', org.id)
        .where('seq', '=', 2)
        .execute();
      for (const seq of [3, 4, 5]) {
        await raw
          .updateTable('audit_log')
          .set({ seq: seq - 1 })
          .where('organisation_id', '=', org.id)
          .where('seq', '=', seq)
          .execute();
      }
    });
    expect(problems(await db.store.audit.verify(org.id))).toEqual([{ seq: 2, kind: 'missing' }]);
  });

  it('[GOV-1] detects reordered rows', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 5);
    await tamper(db.handle.db, dialect, async (raw) => {
      const swap = async (from: number, to: number) =>
        raw
          .updateTable('audit_log')
          .set({ seq: to })
          .where('organisation_id', '=', org.id)
          .where('seq', '=', from)
          .execute();
      await swap(2, -2);
      await swap(3, 2);
      await swap(-2, 3);
    });
    const verdict = await db.store.audit.verify(org.id);
    expect(problems(verdict)[0]).toEqual({ seq: 2, kind: 'reordered' });
  });

  it('[GOV-1] detects a forged row slipped into the chain', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 4);
    const rows = await db.store.audit.export(org.id);
    // Someone makes room at seq 3 and writes a well-formed row linked to seq 2.
    const forged = {
      ...recordToChainRow(rows[2]),
      seq: 3,
      action: 'post.approve',
      prevHash: rows[1].hash,
    };
    await tamper(db.handle.db, dialect, async (raw) => {
      for (const seq of [4, 3]) {
        await raw
          .updateTable('audit_log')
          .set({ seq: seq + 1 })
          .where('organisation_id', '=', org.id)
          .where('seq', '=', seq)
          .execute();
      }
      await raw
        .insertInto('audit_log')
        .values({
          organisation_id: org.id,
          seq: 3,
          at: forged.at,
          actor: forged.actor,
          action: forged.action,
          subject_type: forged.subjectType,
          subject_id: forged.subjectId,
          before_json: forged.beforeJson,
          after_json: forged.afterJson,
          prev_hash: forged.prevHash,
          hash: chainHash(forged.prevHash, forged),
        })
        .execute();
    });
    expect(problems(await db.store.audit.verify(org.id))).toEqual([{ seq: 3, kind: 'inserted' }]);
  });

  it('[GOV-1] detects a cut-off tail only against an anchored head', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 5);
    const anchor = await db.store.audit.head(org.id);
    if (!anchor) throw new Error('no head');
    await tamper(db.handle.db, dialect, (raw) =>
      raw
        .deleteFrom('audit_log')
        .where('organisation_id', '=', org.id)
        .where('seq', '>=', 4)
        .execute(),
    );
    expect((await db.store.audit.verify(org.id)).ok).toBe(true);
    expect(problems(await db.store.audit.verify(org.id, { anchor }))).toEqual([
      { seq: 4, kind: 'missing' },
    ]);
  });

  it('[GOV-1] keeps organisations apart: own chains, own exports, tampering in one does not touch the other', async () => {
    const db = get();
    const a = await db.organisation('a');
    const b = await db.organisation('b');
    await appendMany(db, a.id, 3);
    await appendMany(db, b.id, 2);
    expect((await db.store.audit.export(a.id)).every((r) => r.organisationId === a.id)).toBe(true);
    expect((await db.store.audit.head(b.id))?.seq).toBe(2);
    await tamper(db.handle.db, dialect, (raw) =>
      raw
        .updateTable('audit_log')
        .set({ action: 'forged' })
        .where('organisation_id', '=', b.id)
        .execute(),
    );
    expect((await db.store.audit.verify(a.id)).ok).toBe(true);
    expect((await db.store.audit.verify(b.id)).ok).toBe(false);
    // A row moved into another organisation's chain breaks that chain.
    await tamper(db.handle.db, dialect, (raw) =>
      raw
        .updateTable('audit_log')
        .set({ organisation_id: a.id, seq: 4 })
        .where('organisation_id', '=', b.id)
        .where('seq', '=', 1)
        .execute(),
    );
    // Its contents name organisation B, and it links to the start of B's chain.
    expect(problems(await db.store.audit.verify(a.id))).toEqual([
      { seq: 4, kind: 'altered' },
      { seq: 4, kind: 'reordered' },
    ]);
  });

  it('[GOV-1] never forks under concurrent appends', async () => {
    const db = get();
    const org = await db.organisation();
    const other = await db.organisation('other');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.store.audit.append(entry(i % 3 === 0 ? other.id : org.id, i + 1)),
      ),
    );
    const verdict = await db.store.audit.verify(org.id);
    expect(verdict).toMatchObject({ ok: true, rows: 20 });
    expect(await db.store.audit.verify(other.id)).toMatchObject({ ok: true, rows: 10 });
  });

  it('commits or rolls back with the change it records', async () => {
    const db = get();
    const org = await db.organisation();
    await expect(
      db.store.transaction(async (tx) => {
        await tx.audit.append(entry(org.id, 1));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.store.audit.head(org.id)).toBeNull();
    await db.store.transaction(async (tx) => {
      await tx.audit.append(entry(org.id, 1));
      await tx.audit.append(entry(org.id, 2));
    });
    expect(await db.store.audit.verify(org.id)).toMatchObject({ ok: true, rows: 2 });
  });

  it('exports a time range, verifiable as a slice', async () => {
    const db = get();
    const org = await db.organisation();
    await appendMany(db, org.id, 6);
    const slice = await db.store.audit.export(org.id, { from: at(2), to: at(5) });
    expect(slice.map((r) => r.seq)).toEqual([2, 3, 4]);
    expect(verifyChain(slice.map(recordToChainRow), { partial: true }).ok).toBe(true);
    expect(verifyChain(slice.map(recordToChainRow)).ok).toBe(false);
    expect((await db.store.audit.history(org.id, 'item', 3)).map((r) => r.seq)).toEqual([3]);
  });
});
