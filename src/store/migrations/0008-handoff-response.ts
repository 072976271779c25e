/**
 * The receiving team's side of a hand-off (INB-8): when PALS, FOI, Quality or another team took
 * it on (with its own case reference, e.g. a PALS case or Datix number) and when they closed it
 * with an outcome. Until then the comms team can see a hand-off is still unanswered.
 */
import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

const COLUMNS = ['accepted_at', 'accepted_by', 'reference', 'closed_at', 'closed_by', 'outcome'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const { time } = columnTypes(db);
  await db.schema.alterTable('handoffs').addColumn('accepted_at', time).execute();
  await db.schema.alterTable('handoffs').addColumn('accepted_by', 'text').execute();
  await db.schema.alterTable('handoffs').addColumn('reference', 'text').execute();
  await db.schema.alterTable('handoffs').addColumn('closed_at', time).execute();
  await db.schema.alterTable('handoffs').addColumn('closed_by', 'text').execute();
  await db.schema.alterTable('handoffs').addColumn('outcome', 'text').execute();
  await db.schema
    .createIndex('handoffs_by_route')
    .on('handoffs')
    .columns(['organisation_id', 'route', 'closed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('handoffs_by_route').execute();
  for (const column of [...COLUMNS].reverse()) {
    await db.schema.alterTable('handoffs').dropColumn(column).execute();
  }
}
