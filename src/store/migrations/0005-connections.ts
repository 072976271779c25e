/**
 * Connections: how an account reaches its platform. Credentials and the webhook secret are stored
 * sealed (AES-256-GCM by the server's secret box); the database alone never reveals a token. The
 * health columns let the desk say "reconnect needed" as soon as a platform refuses a token.
 * Webhook rejections are counted per connection (forged or mis-signed deliveries).
 */
import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const { ref, time } = t;
  await t
    .finish(
      t
        .id(db.schema.createTable('connections'))
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('account_id', ref, (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('base_url', 'text', (c) => c.notNull())
        .addColumn('credentials_sealed', 'text', (c) => c.notNull())
        .addColumn('webhook_secret_sealed', 'text')
        .addColumn('cursor', 'text')
        .addColumn('poll_minutes', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('health_state', 'text', (c) => c.notNull().defaultTo('ok'))
        .addColumn('health_reason', 'text')
        .addColumn('health_checked_at', time)
        .addColumn('webhook_rejections', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(
          'connections_account_fk',
          ['organisation_id', 'account_id'],
          'accounts',
          ['organisation_id', 'id'],
        )
        .addUniqueConstraint('connections_account_unique', ['organisation_id', 'account_id']),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('connections').execute();
}
