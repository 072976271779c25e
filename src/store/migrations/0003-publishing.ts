/**
 * Publishing (PUB-1, PUB-2, PUB-5, PUB-6) and crisis mode (INB-5):
 * - posts get a campaign and a content category (the content calendar groups by them);
 * - approvals record the version they approve, and, in a restricted period, that the approver
 *   signed as the period's named approver;
 * - every publish attempt is recorded before the platform is called, so a crash between the
 *   platform's answer and the desk's record is visible (and the retry looks the post up);
 * - information-governance incidents raised when a published post exposed personal data;
 * - crisis periods: who switched crisis mode on and off, when and why.
 */
import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const { ref, time, bool } = t;
  const postFk = (name: string) =>
    [`${name}_post_fk`, ['organisation_id', 'post_id'], 'posts', ['organisation_id', 'id']] as [
      string,
      ['organisation_id', 'post_id'],
      string,
      string[],
    ];

  await db.schema.alterTable('posts').addColumn('campaign', 'text').execute();
  await db.schema.alterTable('posts').addColumn('category', 'text').execute();
  await db.schema.alterTable('post_approvals').addColumn('version', 'integer').execute();
  await db.schema.alterTable('post_approvals').addColumn('restricted_period', 'text').execute();

  await t
    .finish(
      t
        .id(db.schema.createTable('publish_attempts'))
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('post_id', ref, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('client_ref', 'text', (c) => c.notNull())
        .addColumn('started_at', time, (c) => c.notNull())
        .addColumn('finished_at', time)
        .addColumn('outcome', 'text')
        .addColumn('platform_post_id', 'text')
        .addColumn('error', 'text')
        .addForeignKeyConstraint(...postFk('publish_attempts')),
    )
    .execute();
  await db.schema
    .createIndex('publish_attempts_post')
    .on('publish_attempts')
    .columns(['organisation_id', 'post_id'])
    .execute();

  await t
    .finish(
      t
        .id(db.schema.createTable('ig_incidents'))
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('post_id', ref, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('platform_post_id', 'text')
        .addColumn('platform_deleted', bool, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('raised_by', 'text', (c) => c.notNull())
        .addColumn('raised_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(...postFk('ig_incidents')),
    )
    .execute();
  await db.schema
    .createIndex('ig_incidents_org')
    .on('ig_incidents')
    .columns(['organisation_id', 'raised_at'])
    .execute();

  await t
    .finish(
      t
        .id(db.schema.createTable('crisis_periods'))
        .addColumn('organisation_id', ref, (c) => c.notNull().references('organisations.id'))
        .addColumn('started_at', time, (c) => c.notNull())
        .addColumn('started_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('ended_at', time)
        .addColumn('ended_by', 'text')
        .addColumn('end_reason', 'text'),
    )
    .execute();
  await db.schema
    .createIndex('crisis_periods_org')
    .on('crisis_periods')
    .columns(['organisation_id', 'started_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['crisis_periods', 'ig_incidents', 'publish_attempts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('post_approvals').dropColumn('restricted_period').execute();
  await db.schema.alterTable('post_approvals').dropColumn('version').execute();
  await db.schema.alterTable('posts').dropColumn('category').execute();
  await db.schema.alterTable('posts').dropColumn('campaign').execute();
}
