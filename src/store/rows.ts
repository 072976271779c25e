/** Row → domain conversions shared by more than one repository. */
import type { Selectable } from 'kysely';
import {
  actorOrNull,
  dateOrNull,
  fromBool,
  fromJson,
  numberOrNull,
  toDate,
  toNumber,
} from './codec.js';
import type { Item, ItemStatus } from './model.js';
import { NO_DUE_AT, type ItemsTable } from './schema.js';

/** The item columns, without PostgreSQL's generated search vector. */
export const ITEM_COLUMNS: readonly (keyof ItemsTable)[] = [
  'id',
  'organisation_id',
  'account_id',
  'platform',
  'external_id',
  'kind',
  'author_id',
  'conversation_id',
  'text',
  'media',
  'received_at',
  'ingested_at',
  'labels',
  'urgent',
  'routes',
  'sentiment',
  'triage',
  'due_at',
  'status',
  'open',
  'assignee_id',
  'erased_at',
  'erased_by',
  'updated_at',
];

/** The stored due time of an item with none. */
export function storedDueAt(dueAt: Date | null | undefined): string {
  return dueAt ? dueAt.toISOString() : NO_DUE_AT;
}

function dueAtOf(v: Date | string): Date | null {
  const d = toDate(v);
  return d.toISOString() === NO_DUE_AT ? null : d;
}

export function toItem(row: Selectable<ItemsTable>): Item {
  return {
    id: toNumber(row.id),
    organisationId: toNumber(row.organisation_id),
    accountId: numberOrNull(row.account_id),
    platform: row.platform,
    externalId: row.external_id,
    kind: row.kind,
    authorId: numberOrNull(row.author_id),
    conversationId: row.conversation_id,
    text: row.text,
    media: fromJson<unknown[] | null>(row.media),
    receivedAt: toDate(row.received_at),
    ingestedAt: toDate(row.ingested_at),
    labels: fromJson<string[]>(row.labels),
    urgent: fromBool(row.urgent),
    routes: fromJson<string[]>(row.routes),
    sentiment: row.sentiment,
    triage: fromJson<unknown>(row.triage),
    dueAt: dueAtOf(row.due_at),
    status: row.status as ItemStatus,
    assigneeId: numberOrNull(row.assignee_id),
    erasedAt: dateOrNull(row.erased_at),
    erasedBy: actorOrNull(row.erased_by),
    updatedAt: toDate(row.updated_at),
  };
}
