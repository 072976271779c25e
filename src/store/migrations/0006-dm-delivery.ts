/**
 * DM acknowledgements delivered through the platform (INB-3): the platform's id for the message
 * sent, the platform's error in words when it could not be sent, and when either happened. A row
 * starts `recorded` (written, not yet delivered) and ends `sent`, `failed` or `no_account`.
 */
import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const { time, ref } = columnTypes(db);
  await db.schema
    .alterTable('dm_acknowledgements')
    .addColumn('platform_message_id', 'text')
    .execute();
  await db.schema.alterTable('dm_acknowledgements').addColumn('error', 'text').execute();
  await db.schema.alterTable('dm_acknowledgements').addColumn('account_id', ref).execute();
  await db.schema.alterTable('dm_acknowledgements').addColumn('delivered_at', time).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['delivered_at', 'account_id', 'error', 'platform_message_id']) {
    await db.schema.alterTable('dm_acknowledgements').dropColumn(column).execute();
  }
}
