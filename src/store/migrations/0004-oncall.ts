/**
 * On-call and notifications (INB-2, INB-3, INB-4, INB-9, INB-12): the on-call rota, escalations
 * with their acknowledgement, the notification outbox and each organisation's channels (Teams and
 * Slack webhook URLs, sealed), and the once-per-conversation record of DM acknowledgements.
 *
 * Idempotency lives in unique keys, so a retried job or two concurrent ingests never escalate,
 * notify or acknowledge twice: `escalations (organisation_id, key)`, `notifications
 * (organisation_id, key)`, `dm_acknowledgements (organisation_id, platform, conversation)`.
 */
import type { Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const { ref, time, json } = t;
  const create = (name: string) => t.id(db.schema.createTable(name));
  const orgFk: [string, ['organisation_id'], string, string[]] = [
    'organisation_fk',
    ['organisation_id'],
    'organisations',
    ['id'],
  ];
  const itemFk = (name: string): [string, string[], string, string[]] => [
    `${name}_item_fk`,
    ['organisation_id', 'item_id'],
    'items',
    ['organisation_id', 'id'],
  ];

  await t
    .finish(
      create('oncall_shifts')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('starts_at', time, (c) => c.notNull())
        .addColumn('ends_at', time, (c) => c.notNull())
        // User ids in the order they are called: the first, then the next if unacknowledged.
        .addColumn('people', json, (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        .addUniqueConstraint('oncall_shifts_org_id', ['organisation_id', 'id']),
    )
    .execute();
  await db.schema
    .createIndex('oncall_shifts_time')
    .on('oncall_shifts')
    .columns(['organisation_id', 'starts_at'])
    .execute();

  await t
    .finish(
      create('escalations')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('item_id', ref, (c) => c.notNull())
        // oncall (INB-4), breach (INB-2), consultation (INB-9), concern (INB-12)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        // person | managers | team | partner
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('person_id', ref, (c) => c.references('users.id'))
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('shift_id', ref)
        .addColumn('notified_at', time, (c) => c.notNull())
        .addColumn('acknowledged_at', time)
        .addColumn('acknowledged_by', 'text')
        .addColumn('next_at', time)
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        .addForeignKeyConstraint(...itemFk('escalations'))
        .addUniqueConstraint('escalations_key', ['organisation_id', 'key']),
    )
    .execute();
  await db.schema
    .createIndex('escalations_item')
    .on('escalations')
    .columns(['organisation_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('escalations_open')
    .on('escalations')
    .columns(['organisation_id', 'acknowledged_at', 'notified_at'])
    .execute();

  await t
    .finish(
      create('notifications')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        // email | teams | slack
        .addColumn('channel', 'text', (c) => c.notNull())
        // An email address, or the channel name for webhooks (the URL is looked up when sending).
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('to_user_id', ref, (c) => c.references('users.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('item_id', ref)
        .addColumn('escalation_id', ref)
        // queued | sent | failed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('sent_at', time)
        .addForeignKeyConstraint(...orgFk)
        .addUniqueConstraint('notifications_key', ['organisation_id', 'key']),
    )
    .execute();
  await db.schema
    .createIndex('notifications_list')
    .on('notifications')
    .columns(['organisation_id', 'created_at'])
    .execute();

  await t
    .finish(
      db.schema
        .createTable('notification_channels')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        // teams | slack
        .addColumn('channel', 'text', (c) => c.notNull())
        // AES-256-GCM sealed with the desk's secret box: a webhook URL is a bearer credential.
        .addColumn('url_sealed', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('notification_channels_pk', ['organisation_id', 'channel'])
        .addForeignKeyConstraint(...orgFk),
    )
    .execute();

  await t
    .finish(
      create('dm_acknowledgements')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('conversation', 'text', (c) => c.notNull())
        .addColumn('item_id', ref, (c) => c.notNull())
        .addColumn('template_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        // recorded (an outbound reply record) | posted (sent through the posts machinery)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('post_id', ref)
        .addColumn('created_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        .addForeignKeyConstraint(...itemFk('dm_acknowledgements'))
        .addUniqueConstraint('dm_acknowledgements_once', [
          'organisation_id',
          'platform',
          'conversation',
        ]),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'dm_acknowledgements',
    'notification_channels',
    'notifications',
    'escalations',
    'oncall_shifts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
