/**
 * Asking the team for advice (STF-1): a staff member's draft, the question they ask about it and
 * the comms team's answer. Only a draft the person chose to send is stored here — "pause before
 * you post" checks keep nothing — and withdrawing a request deletes its row, text and all.
 */
import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const { ref, time } = t;
  await t
    .finish(
      t
        .id(db.schema.createTable('advice_requests'))
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('user_id', ref, (c) => c.notNull().references('users.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        // The personal account the draft is for, when the person gave it (the handle rule).
        .addColumn('handle', 'text')
        .addColumn('question', 'text', (c) => c.notNull())
        // open | answered
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_by', ref, (c) => c.references('users.id'))
        .addColumn('answered_at', time)
        .addColumn('created_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(
          'advice_requests_organisation_fk',
          ['organisation_id'],
          'organisations',
          ['id'],
        ),
    )
    .execute();
  await db.schema
    .createIndex('advice_requests_status')
    .on('advice_requests')
    .columns(['organisation_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('advice_requests_user')
    .on('advice_requests')
    .columns(['organisation_id', 'user_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('advice_requests').execute();
}
