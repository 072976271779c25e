/**
 * The plain objects the repositories take and return (camelCase, `Date` for times, numbers for
 * ids). Nothing here knows which database is underneath.
 *
 * Labels, routes, platforms and item kinds are stored as strings: their vocabulary belongs to core
 * (`core/triage/labels.ts`, `core/profile/schema.ts`), and storage must keep whatever core decides.
 */

/** The roles of GOV-5. A membership holds one or more. */
export const ROLES = [
  'comms_officer',
  'comms_manager',
  'oncall_manager',
  'staff',
  'line_manager',
  'pals',
  'foi',
  'quality',
  'governance',
  'it',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Where an inbound item is in its life. */
export const ITEM_STATUSES = [
  'new',
  'in_progress',
  'waiting_on_colleague',
  'handed_off',
  'replied',
  'closed',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Statuses that keep an item in the inbox ("open"); the others are done with. */
export const OPEN_STATUSES: readonly ItemStatus[] = [
  'new',
  'in_progress',
  'waiting_on_colleague',
  'handed_off',
];

export const POST_KINDS = ['post', 'reply'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_STATUSES = [
  'draft',
  'awaiting_approval',
  'approved',
  'scheduled',
  /** Scheduled, then held by crisis mode (INB-5): it needs re-confirming before it goes out. */
  'paused',
  'published',
  'failed',
  'withdrawn',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Who did something: a user id, or the desk itself. */
export type Actor = number | 'system';

export interface Organisation {
  id: number;
  slug: string;
  name: string;
  profileId: string;
  /** YAML overrides on top of the profile, edited in the desk; `null` when none. */
  profileOverride: string | null;
  crisisMode: boolean;
  crisisSince: Date | null;
  createdAt: Date;
}

export interface NewOrganisation {
  slug: string;
  name: string;
  profileId: string;
  profileOverride?: string | null;
}

/** A person who can sign in. Users are global; what they may see is decided by memberships. */
export interface User {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  lockedUntil: Date | null;
  failedLogins: number;
  createdAt: Date;
}

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash?: string | null;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
}

export interface Membership {
  organisationId: number;
  userId: number;
  roles: Role[];
  createdAt: Date;
}

export interface Account {
  id: number;
  organisationId: number;
  platform: string;
  handle: string;
  ownerTeam: string;
  /** User ids of the account's managers (ACC-1 asks for at least two). */
  managers: number[];
  verificationStatus: VerificationStatus;
  /** Connector bookkeeping (cursors, webhook ids). Never tokens: those live encrypted elsewhere. */
  connectorState: Record<string, unknown> | null;
  createdAt: Date;
}

export interface NewAccount {
  platform: string;
  handle: string;
  ownerTeam: string;
  managers?: number[];
  verificationStatus?: VerificationStatus;
  connectorState?: Record<string, unknown> | null;
}

export interface Author {
  id: number;
  organisationId: number;
  platform: string;
  platformAuthorId: string;
  displayName: string | null;
  /** Authors linked as one person across platforms share a person id (the first author's id). */
  personId: number;
  doNotEngage: boolean;
  doNotEngageReason: string | null;
  doNotEngageBy: Actor | null;
  doNotEngageAt: Date | null;
  firstSeenAt: Date;
}

/** What is known of an author across all the platforms linked to them (core's AuthorContext). */
export interface AuthorContext {
  doNotEngage: boolean;
  reason?: string;
  /** Items from this person across platforms, not counting erased ones. */
  priorItems: number;
}

/** An inbound item as it is ingested: already triaged by core. */
export interface NewItem {
  platform: string;
  externalId: string;
  kind: string;
  accountId?: number | null;
  author?: { platformAuthorId: string; displayName?: string | null } | null;
  conversationId?: string | null;
  text: string;
  media?: unknown[] | null;
  receivedAt: Date;
  labels?: string[];
  urgent?: boolean;
  routes?: string[];
  sentiment?: string | null;
  /** The triage result with its evidence, stored as JSON for the "why" view. */
  triage?: unknown;
  dueAt?: Date | null;
  status?: ItemStatus;
}

export interface Item {
  id: number;
  organisationId: number;
  accountId: number | null;
  platform: string;
  externalId: string;
  kind: string;
  authorId: number | null;
  conversationId: string | null;
  /** Empty once erased. */
  text: string;
  media: unknown[] | null;
  receivedAt: Date;
  ingestedAt: Date;
  labels: string[];
  urgent: boolean;
  routes: string[];
  sentiment: string | null;
  triage: unknown;
  dueAt: Date | null;
  status: ItemStatus;
  assigneeId: number | null;
  erasedAt: Date | null;
  erasedBy: Actor | null;
  updatedAt: Date;
}

export interface IngestResult {
  id: number;
  /** `false` when the organisation already had an item with this platform and external id. */
  created: boolean;
  /** Created items only: the author the item was stored with (null when it names none). */
  authorId?: number | null;
}

export interface InboxQuery {
  /** Items carrying any of these labels. */
  labels?: string[];
  accountId?: number;
  /** Items from this platform (facebook, x, …). */
  platform?: string;
  /** Defaults to the open statuses. */
  status?: ItemStatus[];
  urgent?: boolean;
  /** A user id, or `null` for unassigned items. */
  assignee?: number | null;
  dueBefore?: Date;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
}

export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

export interface LabelCorrection {
  id: number;
  organisationId: number;
  itemId: number;
  label: string;
  change: 'added' | 'removed';
  by: number;
  reason: string;
  at: Date;
}

export interface Handoff {
  id: number;
  organisationId: number;
  itemId: number;
  route: string;
  team: string;
  sentTo: string;
  sentAt: Date;
  dueAt: Date | null;
  /** Erased with the item (it may quote the member of the public). */
  note: string | null;
  by: Actor;
  /** The receiving team took it on (INB-8), with its own case reference if it gave one. */
  acceptedAt: Date | null;
  acceptedBy: Actor | null;
  reference: string | null;
  /** The receiving team closed it; the outcome is erased with the item. */
  closedAt: Date | null;
  closedBy: Actor | null;
  outcome: string | null;
}

export interface Consultation {
  id: number;
  organisationId: number;
  itemId: number;
  colleague: string;
  question: string | null;
  askedBy: Actor;
  askedAt: Date;
  dueAt: Date | null;
  answeredAt: Date | null;
  answer: string | null;
}

export interface ActionStepDone {
  organisationId: number;
  itemId: number;
  actionId: string;
  doneBy: Actor;
  doneAt: Date;
}

export interface Post {
  id: number;
  organisationId: number;
  accountId: number;
  kind: PostKind;
  inReplyToItemId: number | null;
  text: string;
  media: unknown[] | null;
  status: PostStatus;
  scheduledFor: Date | null;
  publishedAt: Date | null;
  platformPostId: string | null;
  checkVerdict: 'pass' | 'warn' | 'block' | null;
  checkFindings: unknown[] | null;
  overrideReason: string | null;
  /** Bumped by every edit; revision `version` holds the text as it was before. */
  version: number;
  createdBy: Actor;
  createdAt: Date;
  updatedAt: Date;
  /** Content calendar grouping (PUB-1): a campaign such as "winter-flu", and a category. */
  campaign: string | null;
  category: string | null;
}

export interface NewPost {
  accountId: number;
  kind: PostKind;
  inReplyToItemId?: number | null;
  text: string;
  media?: unknown[] | null;
  scheduledFor?: Date | null;
  createdBy: Actor;
  campaign?: string | null;
  category?: string | null;
}

export interface PostRevision {
  postId: number;
  organisationId: number;
  version: number;
  text: string;
  media: unknown[] | null;
  editedBy: Actor;
  editedAt: Date;
  reason: string | null;
}

export interface PostApproval {
  id: number;
  organisationId: number;
  postId: number;
  userId: number;
  decision: 'approved' | 'rejected';
  note: string | null;
  at: Date;
  /** The post version decided on (null for approvals recorded before migration 0003). */
  version: number | null;
  /** Set when the approver signed as the named approver of this restricted period (PUB-5). */
  restrictedPeriod: string | null;
}

export interface NewJob {
  organisationId: number;
  type: string;
  payload: unknown;
  runAt: Date;
  /** Enqueueing the same key twice for an organisation returns the first job. */
  uniqueKey?: string | null;
  maxAttempts?: number;
}

export interface Job {
  id: number;
  organisationId: number;
  type: string;
  payload: unknown;
  status: JobStatus;
  /** When it may next be claimed; while running, the end of the lease; `null` once finished. */
  runAt: Date | null;
  attempts: number;
  maxAttempts: number;
  uniqueKey: string | null;
  lockedBy: string | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}
