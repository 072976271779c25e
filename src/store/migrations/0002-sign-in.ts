/**
 * Sign-in: server-side sessions and API tokens. Only SHA-256 hashes of the session id and the
 * token are stored, so a copy of the database does not let anyone sign in.
 */
import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const { ref, time } = t;

  await t
    .finish(
      db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', ref, (c) => c.notNull().references('users.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('last_seen_at', time, (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull()),
    )
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await t
    .finish(
      t
        .id(db.schema.createTable('api_tokens'))
        .addColumn('organisation_id', ref, (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('roles', t.json, (c) => c.notNull())
        .addColumn('created_by', ref)
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('revoked_at', time),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('sessions').execute();
}
