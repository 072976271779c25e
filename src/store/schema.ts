/**
 * The tables as Kysely sees them (snake_case, as stored). Column types admit what either driver
 * returns: better-sqlite3 gives numbers and ISO strings, pg gives bigint ids as strings, `Date`s
 * for timestamptz and parsed JSON for jsonb. Repositories convert through `codec.ts`; nothing
 * outside `src/store` sees these rows.
 */
import type { ColumnType } from 'kysely';

/** A generated id: never written. */
type Id = ColumnType<number | string, never, never>;
/** An id of another row. */
type Ref = ColumnType<number | string, number, number>;
type RefOrNull = ColumnType<number | string | null, number | null | undefined, number | null>;
/** ISO-8601 text on SQLite, timestamptz on PostgreSQL; always written as ISO-8601 text. */
type Time = ColumnType<Date | string, string, string>;
type TimeOrNull = ColumnType<Date | string | null, string | null | undefined, string | null>;
/** 0/1 on SQLite, boolean on PostgreSQL. */
type Bool = ColumnType<boolean | number, boolean | number | undefined, boolean | number>;
/** TEXT on SQLite, jsonb on PostgreSQL; always written as JSON text. */
type Json = ColumnType<unknown, string | undefined, string>;
type JsonOrNull = ColumnType<unknown, string | null | undefined, string | null>;
type Text = ColumnType<string, string, string>;
type TextOrNull = ColumnType<string | null, string | null | undefined, string | null>;
/** int4 on PostgreSQL, which pg returns as a number. */
type Int = ColumnType<number, number | undefined, number>;

export interface OrganisationsTable {
  id: Id;
  slug: Text;
  name: Text;
  profile_id: Text;
  profile_override: TextOrNull;
  crisis_mode: Bool;
  crisis_since: TimeOrNull;
  created_at: Time;
}

export interface UsersTable {
  id: Id;
  email: Text;
  display_name: Text;
  password_hash: TextOrNull;
  oidc_issuer: TextOrNull;
  oidc_subject: TextOrNull;
  locked_until: TimeOrNull;
  failed_logins: Int;
  created_at: Time;
}

export interface MembershipsTable {
  organisation_id: Ref;
  user_id: Ref;
  roles: Json;
  created_at: Time;
}

export interface AccountsTable {
  id: Id;
  organisation_id: Ref;
  platform: Text;
  handle: Text;
  owner_team: Text;
  managers: Json;
  verification_status: Text;
  connector_state: JsonOrNull;
  created_at: Time;
}

export interface AuthorsTable {
  id: Id;
  organisation_id: Ref;
  platform: Text;
  platform_author_id: Text;
  display_name: TextOrNull;
  person_id: RefOrNull;
  do_not_engage: Bool;
  dne_reason: TextOrNull;
  dne_by: TextOrNull;
  dne_at: TimeOrNull;
  first_seen_at: Time;
}

export interface ItemsTable {
  id: Id;
  organisation_id: Ref;
  account_id: RefOrNull;
  platform: Text;
  external_id: Text;
  kind: Text;
  author_id: RefOrNull;
  conversation_id: TextOrNull;
  text: Text;
  media: JsonOrNull;
  received_at: Time;
  ingested_at: Time;
  labels: Json;
  urgent: Bool;
  routes: Json;
  sentiment: TextOrNull;
  triage: JsonOrNull;
  /** Never null: "no due time" is stored as {@link NO_DUE_AT} so one index sorts every item. */
  due_at: Time;
  status: Text;
  /** 1 while the status is one of the open statuses: the inbox index starts with it. */
  open: Bool;
  assignee_id: RefOrNull;
  erased_at: TimeOrNull;
  erased_by: TextOrNull;
  updated_at: Time;
}

/** One row per label of an item, carrying the inbox sort key so a label filter is one range. */
export interface ItemLabelsTable {
  item_id: Ref;
  organisation_id: Ref;
  label: Text;
  open: Bool;
  due_at: Time;
}

export interface LabelCorrectionsTable {
  id: Id;
  organisation_id: Ref;
  item_id: Ref;
  label: Text;
  change: Text;
  by_user: Ref;
  reason: Text;
  at: Time;
}

export interface HandoffsTable {
  id: Id;
  organisation_id: Ref;
  item_id: Ref;
  route: Text;
  team: Text;
  sent_to: Text;
  sent_at: Time;
  due_at: TimeOrNull;
  note: TextOrNull;
  by_actor: Text;
  accepted_at: TimeOrNull;
  accepted_by: TextOrNull;
  reference: TextOrNull;
  closed_at: TimeOrNull;
  closed_by: TextOrNull;
  outcome: TextOrNull;
}

export interface ConsultationsTable {
  id: Id;
  organisation_id: Ref;
  item_id: Ref;
  colleague: Text;
  question: TextOrNull;
  asked_by: Text;
  asked_at: Time;
  due_at: TimeOrNull;
  answered_at: TimeOrNull;
  answer: TextOrNull;
}

export interface ActionStepsTable {
  organisation_id: Ref;
  item_id: Ref;
  action_id: Text;
  done_by: Text;
  done_at: Time;
}

export interface PostsTable {
  id: Id;
  organisation_id: Ref;
  account_id: Ref;
  kind: Text;
  in_reply_to_item_id: RefOrNull;
  text: Text;
  media: JsonOrNull;
  status: Text;
  scheduled_for: TimeOrNull;
  published_at: TimeOrNull;
  platform_post_id: TextOrNull;
  check_verdict: TextOrNull;
  check_findings: JsonOrNull;
  override_reason: TextOrNull;
  version: Int;
  created_by: Text;
  created_at: Time;
  updated_at: Time;
  /** Added by migration 0003 (publishing). */
  campaign: TextOrNull;
  category: TextOrNull;
}

export interface PostRevisionsTable {
  organisation_id: Ref;
  post_id: Ref;
  version: Int;
  text: Text;
  media: JsonOrNull;
  edited_by: Text;
  edited_at: Time;
  reason: TextOrNull;
}

export interface PostApprovalsTable {
  id: Id;
  organisation_id: Ref;
  post_id: Ref;
  user_id: Ref;
  decision: Text;
  note: TextOrNull;
  at: Time;
  /** Added by migration 0003: the post version approved; the restricted period signed for. */
  version: ColumnType<number | null, number | null | undefined, number | null>;
  restricted_period: TextOrNull;
}

export interface AuditLogTable {
  id: Id;
  organisation_id: Ref;
  /** 1, 2, 3… per organisation: the position in that organisation's chain. */
  seq: Int;
  at: Time;
  actor: Text;
  action: Text;
  subject_type: Text;
  subject_id: Text;
  /** Canonical JSON text exactly as hashed (TEXT on both databases, so nothing re-encodes it). */
  before_json: TextOrNull;
  after_json: TextOrNull;
  prev_hash: Text;
  hash: Text;
}

export interface JobsTable {
  id: Id;
  organisation_id: Ref;
  type: Text;
  payload: Json;
  status: Text;
  run_at: TimeOrNull;
  attempts: Int;
  max_attempts: Int;
  unique_key: TextOrNull;
  locked_by: TextOrNull;
  last_error: TextOrNull;
  created_at: Time;
  finished_at: TimeOrNull;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  accounts: AccountsTable;
  authors: AuthorsTable;
  items: ItemsTable;
  item_labels: ItemLabelsTable;
  label_corrections: LabelCorrectionsTable;
  handoffs: HandoffsTable;
  consultations: ConsultationsTable;
  action_steps: ActionStepsTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  post_approvals: PostApprovalsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  publish_attempts: PublishAttemptsTable;
  ig_incidents: IgIncidentsTable;
  crisis_periods: CrisisPeriodsTable;
  connections: ConnectionsTable;
  oncall_shifts: OncallShiftsTable;
  escalations: EscalationsTable;
  notifications: NotificationsTable;
  notification_channels: NotificationChannelsTable;
  dm_acknowledgements: DmAcknowledgementsTable;
  advice_requests: AdviceRequestsTable;
}

export interface SessionsTable {
  id_hash: Text;
  user_id: Ref;
  csrf_token: Text;
  created_at: Time;
  last_seen_at: Time;
  expires_at: Time;
  method: Text;
}

export interface ApiTokensTable {
  id: Id;
  organisation_id: Ref;
  name: Text;
  token_hash: Text;
  roles: Json;
  created_by: RefOrNull;
  created_at: Time;
  revoked_at: TimeOrNull;
}

/** The stored due time of an item that has none: sorts after every real due time on both databases. */
export const NO_DUE_AT = '9999-12-31T23:59:59.999Z';

export interface ConnectionsTable {
  id: Id;
  organisation_id: Ref;
  account_id: Ref;
  platform: Text;
  base_url: Text;
  credentials_sealed: Text;
  webhook_secret_sealed: TextOrNull;
  cursor: TextOrNull;
  poll_minutes: Int;
  health_state: Text;
  health_reason: TextOrNull;
  health_checked_at: TimeOrNull;
  webhook_rejections: Int;
  created_at: Time;
  updated_at: Time;
}

/** On-call rota, escalations, notification outbox and DM acknowledgements (migration 0004). */
export interface OncallShiftsTable {
  id: Id;
  organisation_id: Ref;
  starts_at: Time;
  ends_at: Time;
  people: Json;
  note: TextOrNull;
  created_by: Text;
  created_at: Time;
  updated_at: Time;
}

export interface EscalationsTable {
  id: Id;
  organisation_id: Ref;
  item_id: Ref;
  kind: Text;
  level: Int;
  key: Text;
  target: Text;
  person_id: RefOrNull;
  recipient: Text;
  reason: Text;
  shift_id: RefOrNull;
  notified_at: Time;
  acknowledged_at: TimeOrNull;
  acknowledged_by: TextOrNull;
  next_at: TimeOrNull;
  created_by: Text;
}

export interface NotificationsTable {
  id: Id;
  organisation_id: Ref;
  key: Text;
  channel: Text;
  to_address: Text;
  to_user_id: RefOrNull;
  subject: Text;
  body: Text;
  item_id: RefOrNull;
  escalation_id: RefOrNull;
  status: Text;
  attempts: Int;
  last_error: TextOrNull;
  created_at: Time;
  sent_at: TimeOrNull;
}

export interface NotificationChannelsTable {
  organisation_id: Ref;
  channel: Text;
  url_sealed: Text;
  updated_by: Text;
  updated_at: Time;
}

export interface DmAcknowledgementsTable {
  id: Id;
  organisation_id: Ref;
  platform: Text;
  conversation: Text;
  item_id: Ref;
  template_id: Text;
  text: Text;
  status: Text;
  post_id: RefOrNull;
  created_at: Time;
  /** Delivery through the platform (migration 0006). */
  platform_message_id: TextOrNull;
  error: TextOrNull;
  account_id: RefOrNull;
  delivered_at: TimeOrNull;
}

/** Publishing and crisis mode (migration 0003). */
export interface PublishAttemptsTable {
  id: Id;
  organisation_id: Ref;
  post_id: Ref;
  version: Int;
  client_ref: Text;
  started_at: Time;
  finished_at: TimeOrNull;
  outcome: TextOrNull;
  platform_post_id: TextOrNull;
  error: TextOrNull;
}

export interface IgIncidentsTable {
  id: Id;
  organisation_id: Ref;
  post_id: Ref;
  kind: Text;
  reason: Text;
  platform: Text;
  platform_post_id: TextOrNull;
  platform_deleted: Bool;
  status: Text;
  raised_by: Text;
  raised_at: Time;
}

export interface CrisisPeriodsTable {
  id: Id;
  organisation_id: Ref;
  started_at: Time;
  started_by: Text;
  reason: Text;
  ended_at: TimeOrNull;
  ended_by: TextOrNull;
  end_reason: TextOrNull;
}

/** A staff member's draft sent to the comms team for advice (STF-1, migration 0007). */
export interface AdviceRequestsTable {
  id: Id;
  organisation_id: Ref;
  user_id: Ref;
  text: Text;
  handle: TextOrNull;
  question: Text;
  status: Text;
  answer: TextOrNull;
  answered_by: RefOrNull;
  answered_at: TimeOrNull;
  created_at: Time;
}
