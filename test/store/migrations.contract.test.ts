import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrator } from '../../src/store/migrations/index.js';
import { describeEachDatabase } from './databases.js';

const TABLES = [
  'organisations',
  'users',
  'memberships',
  'accounts',
  'authors',
  'items',
  'item_labels',
  'label_corrections',
  'handoffs',
  'consultations',
  'action_steps',
  'posts',
  'post_revisions',
  'post_approvals',
  'audit_log',
  'jobs',
];

describeEachDatabase('migrations', (get, dialect) => {
  it('migrates an empty database to the latest schema, and again changes nothing', async () => {
    const { handle } = get();
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(TABLES));
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const status = await (await migrator(handle.db)).getMigrations();
    expect(status.every((m) => m.executedAt !== undefined)).toBe(true);
  });

  it.runIf(dialect === 'sqlite')(
    'opens SQLite durable: WAL, synchronous=FULL, foreign keys on, a busy timeout',
    async () => {
      const { handle } = get();
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(handle.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBeGreaterThanOrEqual(1000);
    },
  );

  it('refuses a row that points at another organisation (composite foreign keys)', async () => {
    const { store, organisation } = get();
    const a = await organisation('a');
    const b = await organisation('b');
    const account = await store.accounts.create(
      a.id,
      { platform: 'x', handle: '@trust', ownerTeam: 'comms' },
      new Date(),
    );
    await expect(
      store.items.ingest(
        b.id,
        [
          {
            platform: 'x',
            externalId: 'cross-1',
            kind: 'mention',
            accountId: account.id,
            text: 'hello',
            receivedAt: new Date(),
          },
        ],
        new Date(),
      ),
    ).rejects.toThrow(/foreign key/i);
  });
});
