/**
 * The notification outbox and each organisation's notification channels.
 *
 * Notifications are written in the transaction of the change that causes them and sent later by
 * the `notification.send` job, never inline: a rolled-back change sends nothing, and a slow mail
 * server never holds a transaction open. Each has a key unique per organisation, so a repeated
 * job queues it once. Webhook URLs are bearer credentials and arrive here already sealed.
 */
import type { Selectable } from 'kysely';
import {
  actorText,
  dateOrNull,
  fromActor,
  numberOrNull,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import type { Actor } from './model.js';
import type { NotificationsTable } from './schema.js';

export const NOTIFICATION_CHANNELS = ['email', 'teams', 'slack'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const WEBHOOK_CHANNELS = ['teams', 'slack'] as const;
export type WebhookChannel = (typeof WEBHOOK_CHANNELS)[number];
export type NotificationStatus = 'queued' | 'sent' | 'failed';

export interface Notification {
  id: number;
  organisationId: number;
  key: string;
  channel: NotificationChannel;
  /** An email address, or the channel name for a webhook. */
  to: string;
  toUserId: number | null;
  subject: string;
  /** A link and labels only: never an item's text or a person's name. */
  body: string;
  itemId: number | null;
  escalationId: number | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface NewNotification {
  key: string;
  channel: NotificationChannel;
  to: string;
  toUserId?: number | null;
  subject: string;
  body: string;
  itemId?: number | null;
  escalationId?: number | null;
}

export interface ChannelSetting {
  channel: WebhookChannel;
  urlSealed: string;
  updatedBy: Actor;
  updatedAt: Date;
}

export class NotificationRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Queue a notification; the same key again returns the one already queued. */
  async add(
    organisationId: number,
    n: NewNotification,
    at: Date,
  ): Promise<{ notification: Notification; created: boolean }> {
    const row = await this.ctx.db
      .insertInto('notifications')
      .values({
        organisation_id: organisationId,
        key: n.key,
        channel: n.channel,
        to_address: n.to,
        to_user_id: n.toUserId ?? null,
        subject: n.subject,
        body: n.body,
        item_id: n.itemId ?? null,
        escalation_id: n.escalationId ?? null,
        status: 'queued',
        attempts: 0,
        created_at: toIso(at),
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return { notification: toNotification(row), created: true };
    const existing = await this.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('key', '=', n.key)
      .executeTakeFirstOrThrow();
    return { notification: toNotification(existing), created: false };
  }

  async get(organisationId: number, id: number): Promise<Notification | null> {
    const row = await this.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toNotification(row) : null;
  }

  /** Newest first. */
  async list(
    organisationId: number,
    filter: { itemId?: number; status?: NotificationStatus; limit?: number } = {},
  ): Promise<Notification[]> {
    let q = this.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('organisation_id', '=', organisationId);
    if (filter.itemId !== undefined) q = q.where('item_id', '=', filter.itemId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toNotification);
  }

  /**
   * Record one sending attempt: `sent`, or an error with whether it is final. Only a queued
   * notification changes, so a late retry never turns a sent one back into a failure.
   */
  async recordAttempt(
    organisationId: number,
    id: number,
    outcome: { sentAt: Date } | { error: string; final: boolean },
  ): Promise<Notification | null> {
    const row = await this.ctx.db
      .updateTable('notifications')
      .set((eb) =>
        'sentAt' in outcome
          ? {
              status: 'sent',
              sent_at: toIso(outcome.sentAt),
              attempts: eb('attempts', '+', 1),
              last_error: null,
            }
          : {
              status: outcome.final ? 'failed' : 'queued',
              attempts: eb('attempts', '+', 1),
              last_error: outcome.error.slice(0, 2_000),
            },
      )
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    return row ? toNotification(row) : null;
  }

  async setChannel(
    organisationId: number,
    channel: WebhookChannel,
    urlSealed: string,
    by: Actor,
    at: Date,
  ): Promise<void> {
    await this.ctx.db
      .insertInto('notification_channels')
      .values({
        organisation_id: organisationId,
        channel,
        url_sealed: urlSealed,
        updated_by: actorText(by),
        updated_at: toIso(at),
      })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'channel']).doUpdateSet({
          url_sealed: urlSealed,
          updated_by: actorText(by),
          updated_at: toIso(at),
        }),
      )
      .execute();
  }

  async removeChannel(organisationId: number, channel: WebhookChannel): Promise<boolean> {
    const rows = await this.ctx.db
      .deleteFrom('notification_channels')
      .where('organisation_id', '=', organisationId)
      .where('channel', '=', channel)
      .returning('channel')
      .execute();
    return rows.length > 0;
  }

  async channels(organisationId: number): Promise<ChannelSetting[]> {
    const rows = await this.ctx.db
      .selectFrom('notification_channels')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('channel')
      .execute();
    return rows.map((r) => ({
      channel: r.channel as WebhookChannel,
      urlSealed: r.url_sealed,
      updatedBy: fromActor(r.updated_by),
      updatedAt: toDate(r.updated_at),
    }));
  }
}

function toNotification(r: Selectable<NotificationsTable>): Notification {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    key: r.key,
    channel: r.channel as NotificationChannel,
    to: r.to_address,
    toUserId: numberOrNull(r.to_user_id),
    subject: r.subject,
    body: r.body,
    itemId: numberOrNull(r.item_id),
    escalationId: numberOrNull(r.escalation_id),
    status: r.status as NotificationStatus,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: toDate(r.created_at),
    sentAt: dateOrNull(r.sent_at),
  };
}
