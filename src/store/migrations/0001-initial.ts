/**
 * The desk's first schema: organisations and people, accounts and authors, inbound items and the
 * work on them, posts, the audit chain and jobs. docs/data-model.md explains every table and index.
 *
 * Every organisation-owned row carries `organisation_id`, and references between such rows are
 * composite foreign keys `(organisation_id, x_id) → x(organisation_id, id)`: the database itself
 * refuses a hand-off of one organisation that points at another organisation's item.
 */
import { sql, type Kysely } from 'kysely';
import { columnTypes } from './dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const { ref, time, json, bool } = t;
  const pg = t.dialect === 'postgres';
  const create = (name: string) => t.id(db.schema.createTable(name));
  const createWithoutId = (name: string) => db.schema.createTable(name);
  const orgFk: [string, ['organisation_id'], string, string[]] = [
    'organisation_fk',
    ['organisation_id'],
    'organisations',
    ['id'],
  ];

  await t
    .finish(
      create('organisations')
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('profile_override', 'text')
        .addColumn('crisis_mode', bool, (c) => c.notNull().defaultTo(t.false))
        .addColumn('crisis_since', time)
        .addColumn('created_at', time, (c) => c.notNull()),
    )
    .execute();

  await t
    .finish(
      create('users')
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('oidc_issuer', 'text')
        .addColumn('oidc_subject', 'text')
        .addColumn('locked_until', time)
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', time, (c) => c.notNull())
        .addUniqueConstraint('users_oidc_unique', ['oidc_issuer', 'oidc_subject']),
    )
    .execute();

  await t
    .finish(
      createWithoutId('memberships')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('user_id', ref, (c) => c.notNull().references('users.id'))
        .addColumn('roles', json, (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['organisation_id', 'user_id'])
        .addForeignKeyConstraint(...orgFk),
    )
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();

  await t
    .finish(
      create('accounts')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('handle', 'text', (c) => c.notNull())
        .addColumn('owner_team', 'text', (c) => c.notNull())
        .addColumn('managers', json, (c) => c.notNull())
        .addColumn('verification_status', 'text', (c) => c.notNull())
        .addColumn('connector_state', json)
        .addColumn('created_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        .addUniqueConstraint('accounts_handle_unique', ['organisation_id', 'platform', 'handle'])
        .addUniqueConstraint('accounts_org_id', ['organisation_id', 'id']),
    )
    .execute();

  await t
    .finish(
      create('authors')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('platform_author_id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('person_id', ref)
        .addColumn('do_not_engage', bool, (c) => c.notNull().defaultTo(t.false))
        .addColumn('dne_reason', 'text')
        .addColumn('dne_by', 'text')
        .addColumn('dne_at', time)
        .addColumn('first_seen_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        .addUniqueConstraint('authors_platform_unique', [
          'organisation_id',
          'platform',
          'platform_author_id',
        ])
        .addUniqueConstraint('authors_org_id', ['organisation_id', 'id'])
        .addForeignKeyConstraint('authors_person_fk', ['organisation_id', 'person_id'], 'authors', [
          'organisation_id',
          'id',
        ]),
    )
    .execute();
  await db.schema.createIndex('authors_person').on('authors').column('person_id').execute();

  await t
    .finish(
      create('items')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('account_id', ref)
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('author_id', ref)
        .addColumn('conversation_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('media', json)
        .addColumn('received_at', time, (c) => c.notNull())
        .addColumn('ingested_at', time, (c) => c.notNull())
        .addColumn('labels', json, (c) => c.notNull())
        .addColumn('urgent', bool, (c) => c.notNull().defaultTo(t.false))
        .addColumn('routes', json, (c) => c.notNull())
        .addColumn('sentiment', 'text')
        .addColumn('triage', json)
        .addColumn('due_at', time, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('open', bool, (c) => c.notNull())
        .addColumn('assignee_id', ref, (c) => c.references('users.id'))
        .addColumn('erased_at', time)
        .addColumn('erased_by', 'text')
        .addColumn('updated_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        // Ingest is idempotent on this key: a replayed webhook finds its item, even once erased.
        .addUniqueConstraint('items_external_unique', [
          'organisation_id',
          'platform',
          'external_id',
        ])
        .addUniqueConstraint('items_org_id', ['organisation_id', 'id'])
        .addForeignKeyConstraint(
          'items_account_fk',
          ['organisation_id', 'account_id'],
          'accounts',
          ['organisation_id', 'id'],
        )
        .addForeignKeyConstraint('items_author_fk', ['organisation_id', 'author_id'], 'authors', [
          'organisation_id',
          'id',
        ]),
    )
    .execute();
  // The inbox: open items of one organisation by due time, optionally of one account, assignee or
  // urgency.
  // Each is a single index range read in order, so the first page never sorts.
  await db.schema
    .createIndex('items_inbox')
    .on('items')
    .columns(['organisation_id', 'open', 'due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('items_inbox_account')
    .on('items')
    .columns(['organisation_id', 'account_id', 'open', 'due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('items_inbox_assignee')
    .on('items')
    .columns(['organisation_id', 'assignee_id', 'open', 'due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('items_inbox_urgent')
    .on('items')
    .columns(['organisation_id', 'urgent', 'open', 'due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('items_author')
    .on('items')
    .columns(['author_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('items_conversation')
    .on('items')
    .columns(['organisation_id', 'conversation_id'])
    .execute();

  await t
    .finish(
      createWithoutId('item_labels')
        .addColumn('item_id', ref, (c) => c.notNull())
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('open', bool, (c) => c.notNull())
        .addColumn('due_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('item_labels_pk', ['item_id', 'label'])
        .addForeignKeyConstraint(
          'item_labels_item_fk',
          ['organisation_id', 'item_id'],
          'items',
          ['organisation_id', 'id'],
          (fk) => fk.onDelete('cascade'),
        ),
    )
    .execute();
  await db.schema
    .createIndex('item_labels_inbox')
    .on('item_labels')
    .columns(['organisation_id', 'label', 'open', 'due_at', 'item_id'])
    .execute();

  const itemChild = (name: string) =>
    create(name)
      .addColumn('organisation_id', ref, (c) => c.notNull())
      .addColumn('item_id', ref, (c) => c.notNull())
      .addForeignKeyConstraint(`${name}_item_fk`, ['organisation_id', 'item_id'], 'items', [
        'organisation_id',
        'id',
      ]);

  await t
    .finish(
      itemChild('label_corrections')
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('by_user', ref, (c) => c.notNull().references('users.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull()),
    )
    .execute();
  await db.schema
    .createIndex('label_corrections_item')
    .on('label_corrections')
    .column('item_id')
    .execute();

  await t
    .finish(
      itemChild('handoffs')
        .addColumn('route', 'text', (c) => c.notNull())
        .addColumn('team', 'text', (c) => c.notNull())
        .addColumn('sent_to', 'text', (c) => c.notNull())
        .addColumn('sent_at', time, (c) => c.notNull())
        .addColumn('due_at', time)
        .addColumn('note', 'text')
        .addColumn('by_actor', 'text', (c) => c.notNull()),
    )
    .execute();
  await db.schema.createIndex('handoffs_item').on('handoffs').column('item_id').execute();
  await db.schema
    .createIndex('handoffs_due')
    .on('handoffs')
    .columns(['organisation_id', 'due_at'])
    .execute();

  await t
    .finish(
      itemChild('consultations')
        .addColumn('colleague', 'text', (c) => c.notNull())
        .addColumn('question', 'text')
        .addColumn('asked_by', 'text', (c) => c.notNull())
        .addColumn('asked_at', time, (c) => c.notNull())
        .addColumn('due_at', time)
        .addColumn('answered_at', time)
        .addColumn('answer', 'text'),
    )
    .execute();
  await db.schema.createIndex('consultations_item').on('consultations').column('item_id').execute();
  await db.schema
    .createIndex('consultations_due')
    .on('consultations')
    .columns(['organisation_id', 'due_at'])
    .execute();

  await t
    .finish(
      createWithoutId('action_steps')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('item_id', ref, (c) => c.notNull())
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('done_by', 'text', (c) => c.notNull())
        .addColumn('done_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('action_steps_pk', ['item_id', 'action_id'])
        .addForeignKeyConstraint('action_steps_item_fk', ['organisation_id', 'item_id'], 'items', [
          'organisation_id',
          'id',
        ]),
    )
    .execute();

  await t
    .finish(
      create('posts')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('account_id', ref, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('in_reply_to_item_id', ref)
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('media', json)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('scheduled_for', time)
        .addColumn('published_at', time)
        .addColumn('platform_post_id', 'text')
        .addColumn('check_verdict', 'text')
        .addColumn('check_findings', json)
        .addColumn('override_reason', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        .addUniqueConstraint('posts_org_id', ['organisation_id', 'id'])
        .addForeignKeyConstraint(
          'posts_account_fk',
          ['organisation_id', 'account_id'],
          'accounts',
          ['organisation_id', 'id'],
        )
        .addForeignKeyConstraint(
          'posts_item_fk',
          ['organisation_id', 'in_reply_to_item_id'],
          'items',
          ['organisation_id', 'id'],
        ),
    )
    .execute();
  await db.schema
    .createIndex('posts_status')
    .on('posts')
    .columns(['organisation_id', 'status', 'scheduled_for'])
    .execute();

  const postChild = (table: ReturnType<typeof createWithoutId>, name: string) =>
    table
      .addColumn('organisation_id', ref, (c) => c.notNull())
      .addColumn('post_id', ref, (c) => c.notNull())
      .addForeignKeyConstraint(`${name}_post_fk`, ['organisation_id', 'post_id'], 'posts', [
        'organisation_id',
        'id',
      ]);

  await t
    .finish(
      postChild(createWithoutId('post_revisions'), 'post_revisions')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('media', json)
        .addColumn('edited_by', 'text', (c) => c.notNull())
        .addColumn('edited_at', time, (c) => c.notNull())
        .addColumn('reason', 'text')
        .addPrimaryKeyConstraint('post_revisions_pk', ['post_id', 'version']),
    )
    .execute();

  await t
    .finish(
      postChild(create('post_approvals'), 'post_approvals')
        .addColumn('user_id', ref, (c) => c.notNull().references('users.id'))
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('at', time, (c) => c.notNull()),
    )
    .execute();
  await db.schema
    .createIndex('post_approvals_post')
    .on('post_approvals')
    .column('post_id')
    .execute();

  await t
    .finish(
      create('audit_log')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addForeignKeyConstraint(...orgFk)
        .addUniqueConstraint('audit_log_chain', ['organisation_id', 'seq']),
    )
    .execute();
  await db.schema
    .createIndex('audit_log_at')
    .on('audit_log')
    .columns(['organisation_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_log_subject')
    .on('audit_log')
    .columns(['organisation_id', 'subject_type', 'subject_id'])
    .execute();

  await t
    .finish(
      create('jobs')
        .addColumn('organisation_id', ref, (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', json, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('run_at', time)
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('unique_key', 'text')
        .addColumn('locked_by', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('finished_at', time)
        .addForeignKeyConstraint(...orgFk)
        // NULL keys are distinct on both databases, so only keyed jobs are deduplicated.
        .addUniqueConstraint('jobs_unique_key', ['organisation_id', 'unique_key']),
    )
    .execute();
  // Claims read the earliest claimable job; finished jobs (run_at NULL) stay out of the index.
  await db.schema
    .createIndex('jobs_due')
    .on('jobs')
    .columns(['run_at', 'id'])
    .where(sql.ref('run_at'), 'is not', null)
    .execute();

  if (pg) {
    await createPostgresExtras(db);
  } else {
    await createSqliteExtras(db);
  }
}

/** Full-text search through an FTS5 external-content table kept in step by triggers. */
async function createSqliteExtras(db: Kysely<unknown>): Promise<void> {
  await sql`
    create virtual table items_fts using fts5(
      text, content = 'items', content_rowid = 'id',
      tokenize = 'porter unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`
    create trigger items_fts_insert after insert on items begin
      insert into items_fts (rowid, text) values (new.id, new.text);
    end`.execute(db);
  await sql`
    create trigger items_fts_delete after delete on items begin
      insert into items_fts (items_fts, rowid, text) values ('delete', old.id, old.text);
    end`.execute(db);
  await sql`
    create trigger items_fts_update after update of text on items begin
      insert into items_fts (items_fts, rowid, text) values ('delete', old.id, old.text);
      insert into items_fts (rowid, text) values (new.id, new.text);
    end`.execute(db);
  // The audit log is append-only for the application. Someone with the file can drop these
  // triggers; the hash chain is what catches that (docs/decisions/0004-storage.md).
  await sql`
    create trigger audit_log_no_update before update on audit_log begin
      select raise(abort, 'audit_log is append-only');
    end`.execute(db);
  await sql`
    create trigger audit_log_no_delete before delete on audit_log begin
      select raise(abort, 'audit_log is append-only');
    end`.execute(db);
}

/** Full-text search through a generated tsvector column with a GIN index. */
async function createPostgresExtras(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table items add column search tsvector
      generated always as (to_tsvector('english', "text")) stored`.execute(db);
  await sql`create index items_search on items using gin (search)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = columnTypes(db).dialect === 'postgres';
  if (!pg) await sql`drop table if exists items_fts`.execute(db);
  for (const table of [
    'jobs',
    'audit_log',
    'post_approvals',
    'post_revisions',
    'posts',
    'action_steps',
    'consultations',
    'handoffs',
    'label_corrections',
    'item_labels',
    'items',
    'authors',
    'accounts',
    'memberships',
    'users',
    'organisations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  if (pg) await sql`drop function if exists audit_log_append_only()`.execute(db);
}
