/**
 * The on-call rota, escalations and DM acknowledgements (INB-3, INB-4, INB-9, INB-12).
 *
 * Every write that a job may repeat is keyed: an escalation by `(organisation, key)`, a DM
 * acknowledgement by `(organisation, platform, conversation)`. Inserting again returns the row
 * already there with `created: false`, so at-least-once jobs and concurrent ingests never
 * escalate or acknowledge twice. Time is always passed in.
 */
import type { Selectable } from 'kysely';
import {
  actorOrNull,
  actorText,
  dateOrNull,
  fromActor,
  fromJson,
  isoOrNull,
  json,
  numberOrNull,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import type { Actor } from './model.js';
import type { DmAcknowledgementsTable, EscalationsTable, OncallShiftsTable } from './schema.js';

/** A shift on the rota: who is on call between two instants, in the order they are called. */
export interface OncallShift {
  id: number;
  organisationId: number;
  startsAt: Date;
  endsAt: Date;
  /** User ids, first called first. */
  people: number[];
  note: string | null;
  createdBy: Actor;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewOncallShift {
  startsAt: Date;
  endsAt: Date;
  people: number[];
  note?: string | null;
}

export const ESCALATION_KINDS = ['oncall', 'breach', 'consultation', 'concern'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];
export const ESCALATION_TARGETS = ['person', 'managers', 'team', 'partner'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** One step of an escalation: who was told about which item, when, and whether they answered. */
export interface Escalation {
  id: number;
  organisationId: number;
  itemId: number;
  kind: EscalationKind;
  /** 0 for the first person called, 1 for the next, and so on. */
  level: number;
  key: string;
  target: EscalationTarget;
  personId: number | null;
  /** Who it went to in words (a team or partner name, or "user 12"): never free text. */
  recipient: string;
  reason: string;
  shiftId: number | null;
  notifiedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: Actor | null;
  /** When it goes to the next level if nobody acknowledges it; null when it will not. */
  nextAt: Date | null;
  createdBy: Actor;
}

export interface NewEscalation {
  itemId: number;
  kind: EscalationKind;
  level: number;
  /** Unique per organisation: the same key is never escalated twice. */
  key: string;
  target: EscalationTarget;
  personId?: number | null;
  recipient: string;
  reason: string;
  shiftId?: number | null;
  nextAt?: Date | null;
  createdBy: Actor;
}

/** The automatic acknowledgement a DM conversation received (once per conversation, INB-3). */
export interface DmAcknowledgement {
  id: number;
  organisationId: number;
  platform: string;
  conversation: string;
  itemId: number;
  templateId: string;
  text: string;
  /**
   * `recorded`: written, not delivered yet (a delivery may be in progress or waiting to retry);
   * `sent`: the platform has it (`platformMessageId`); `failed`: the platform refused it for good
   * (`error` says why and what to do); `no_account`: the desk has no account to send it from.
   */
  status: DmAcknowledgementStatus;
  postId: number | null;
  /** The account it went (or was to go) out on. */
  accountId: number | null;
  platformMessageId: string | null;
  /** The last delivery error in words, also while a retry is pending. */
  error: string | null;
  /** When it was sent, or failed for good. */
  deliveredAt: Date | null;
  createdAt: Date;
}

export type DmAcknowledgementStatus = 'recorded' | 'sent' | 'failed' | 'no_account';

/** An FOI hand-off whose statutory deadline is near (for reminders). */
export interface DueHandoff {
  id: number;
  itemId: number;
  route: string;
  dueAt: Date;
}

export class OncallRepository {
  constructor(private readonly ctx: StoreContext) {}

  async createShift(
    organisationId: number,
    shift: NewOncallShift,
    by: Actor,
    at: Date,
  ): Promise<OncallShift> {
    const row = await this.ctx.db
      .insertInto('oncall_shifts')
      .values({
        organisation_id: organisationId,
        starts_at: toIso(shift.startsAt),
        ends_at: toIso(shift.endsAt),
        people: json(shift.people),
        note: shift.note ?? null,
        created_by: actorText(by),
        created_at: toIso(at),
        updated_at: toIso(at),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toShift(row);
  }

  async updateShift(
    organisationId: number,
    shiftId: number,
    shift: NewOncallShift,
    at: Date,
  ): Promise<OncallShift | null> {
    const row = await this.ctx.db
      .updateTable('oncall_shifts')
      .set({
        starts_at: toIso(shift.startsAt),
        ends_at: toIso(shift.endsAt),
        people: json(shift.people),
        note: shift.note ?? null,
        updated_at: toIso(at),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', shiftId)
      .returningAll()
      .executeTakeFirst();
    return row ? toShift(row) : null;
  }

  async deleteShift(organisationId: number, shiftId: number): Promise<boolean> {
    const rows = await this.ctx.db
      .deleteFrom('oncall_shifts')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', shiftId)
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  async shift(organisationId: number, shiftId: number): Promise<OncallShift | null> {
    const row = await this.ctx.db
      .selectFrom('oncall_shifts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', shiftId)
      .executeTakeFirst();
    return row ? toShift(row) : null;
  }

  /** Shifts that overlap `[from, to)`, earliest first. */
  async shifts(
    organisationId: number,
    range: { from?: Date; to?: Date; limit?: number } = {},
  ): Promise<OncallShift[]> {
    let q = this.ctx.db
      .selectFrom('oncall_shifts')
      .selectAll()
      .where('organisation_id', '=', organisationId);
    if (range.from) q = q.where('ends_at', '>', toIso(range.from));
    if (range.to) q = q.where('starts_at', '<', toIso(range.to));
    const rows = await q
      .orderBy('starts_at')
      .orderBy('id')
      .limit(range.limit ?? 200)
      .execute();
    return rows.map(toShift);
  }

  /**
   * The shift on call at `at`. Where shifts overlap, the one that started last wins: a cover
   * shift added over a week-long rota takes over for its hours.
   */
  async shiftAt(organisationId: number, at: Date): Promise<OncallShift | null> {
    const iso = toIso(at);
    const row = await this.ctx.db
      .selectFrom('oncall_shifts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('starts_at', '<=', iso)
      .where('ends_at', '>', iso)
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toShift(row) : null;
  }

  /** Record an escalation step; the same key again returns the step already recorded. */
  async addEscalation(
    organisationId: number,
    e: NewEscalation,
    at: Date,
  ): Promise<{ escalation: Escalation; created: boolean }> {
    const row = await this.ctx.db
      .insertInto('escalations')
      .values({
        organisation_id: organisationId,
        item_id: e.itemId,
        kind: e.kind,
        level: e.level,
        key: e.key,
        target: e.target,
        person_id: e.personId ?? null,
        recipient: e.recipient,
        reason: e.reason,
        shift_id: e.shiftId ?? null,
        notified_at: toIso(at),
        next_at: isoOrNull(e.nextAt),
        created_by: actorText(e.createdBy),
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return { escalation: toEscalation(row), created: true };
    const existing = await this.ctx.db
      .selectFrom('escalations')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('key', '=', e.key)
      .executeTakeFirstOrThrow();
    return { escalation: toEscalation(existing), created: false };
  }

  async escalation(organisationId: number, escalationId: number): Promise<Escalation | null> {
    const row = await this.ctx.db
      .selectFrom('escalations')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', escalationId)
      .executeTakeFirst();
    return row ? toEscalation(row) : null;
  }

  async escalationsForItem(organisationId: number, itemId: number): Promise<Escalation[]> {
    const rows = await this.ctx.db
      .selectFrom('escalations')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    return rows.map(toEscalation);
  }

  /** Newest first; `open` keeps only those nobody has acknowledged yet. */
  async escalations(
    organisationId: number,
    filter: { open?: boolean; kind?: EscalationKind; limit?: number } = {},
  ): Promise<Escalation[]> {
    let q = this.ctx.db
      .selectFrom('escalations')
      .selectAll()
      .where('organisation_id', '=', organisationId);
    if (filter.open) q = q.where('acknowledged_at', 'is', null);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    const rows = await q
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toEscalation);
  }

  /**
   * Acknowledge every open step of one item's escalation of that kind: the chain stops. Returns
   * the steps acknowledged now (empty when someone already had).
   */
  async acknowledge(
    organisationId: number,
    itemId: number,
    kind: EscalationKind,
    by: Actor,
    at: Date,
  ): Promise<Escalation[]> {
    const rows = await this.ctx.db
      .updateTable('escalations')
      .set({ acknowledged_at: toIso(at), acknowledged_by: actorText(by), next_at: null })
      .where('organisation_id', '=', organisationId)
      .where('item_id', '=', itemId)
      .where('kind', '=', kind)
      .where('acknowledged_at', 'is', null)
      .returningAll()
      .execute();
    return rows.map(toEscalation).sort((a, b) => a.id - b.id);
  }

  /** Whether any step of the item's escalation of that kind was acknowledged. */
  async isAcknowledged(organisationId: number, itemId: number, kind: EscalationKind) {
    const row = await this.ctx.db
      .selectFrom('escalations')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('item_id', '=', itemId)
      .where('kind', '=', kind)
      .where('acknowledged_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The step was passed on (or the chain ended): it no longer waits to go further. */
  async clearNextAt(organisationId: number, escalationId: number): Promise<void> {
    await this.ctx.db
      .updateTable('escalations')
      .set({ next_at: null })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', escalationId)
      .execute();
  }

  /**
   * Record that a conversation was acknowledged. Only the first call for a conversation inserts;
   * every later or concurrent one gets `created: false` and the first record.
   */
  async recordDmAcknowledgement(
    organisationId: number,
    ack: {
      platform: string;
      conversation: string;
      itemId: number;
      templateId: string;
      text: string;
      status: DmAcknowledgement['status'];
      postId?: number | null;
    },
    at: Date,
  ): Promise<{ acknowledgement: DmAcknowledgement; created: boolean }> {
    const row = await this.ctx.db
      .insertInto('dm_acknowledgements')
      .values({
        organisation_id: organisationId,
        platform: ack.platform,
        conversation: ack.conversation,
        item_id: ack.itemId,
        template_id: ack.templateId,
        text: ack.text,
        status: ack.status,
        post_id: ack.postId ?? null,
        created_at: toIso(at),
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'platform', 'conversation']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return { acknowledgement: toAck(row), created: true };
    const existing = await this.dmAcknowledgement(organisationId, ack.platform, ack.conversation);
    if (!existing) throw new Error('dm_acknowledgements conflict without a row');
    return { acknowledgement: existing, created: false };
  }

  async dmAcknowledgement(
    organisationId: number,
    platform: string,
    conversation: string,
  ): Promise<DmAcknowledgement | null> {
    const row = await this.ctx.db
      .selectFrom('dm_acknowledgements')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('platform', '=', platform)
      .where('conversation', '=', conversation)
      .executeTakeFirst();
    return row ? toAck(row) : null;
  }

  /**
   * Record what delivering an acknowledgement came to. A `sent` acknowledgement is final: later
   * calls (a retried job that lost the race) change nothing and get null. `recorded` with an
   * error notes a failed attempt that will be retried.
   */
  async setDmAcknowledgementDelivery(
    organisationId: number,
    id: number,
    outcome: {
      status: DmAcknowledgementStatus;
      accountId?: number | null;
      platformMessageId?: string | null;
      error?: string | null;
    },
    at: Date,
  ): Promise<DmAcknowledgement | null> {
    const row = await this.ctx.db
      .updateTable('dm_acknowledgements')
      .set({
        status: outcome.status,
        ...(outcome.accountId !== undefined ? { account_id: outcome.accountId } : {}),
        platform_message_id: outcome.platformMessageId ?? null,
        error: outcome.error ? outcome.error.slice(0, 2_000) : null,
        delivered_at: outcome.status === 'recorded' ? null : toIso(at),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .where('status', '!=', 'sent')
      .returningAll()
      .executeTakeFirst();
    return row ? toAck(row) : null;
  }

  async dmAcknowledgements(organisationId: number, limit = 100): Promise<DmAcknowledgement[]> {
    const rows = await this.ctx.db
      .selectFrom('dm_acknowledgements')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toAck);
  }

  /** Hand-offs on `route` due in `[from, to)` whose item is still open: for deadline reminders. */
  async handoffsDueBetween(
    organisationId: number,
    route: string,
    from: Date,
    to: Date,
  ): Promise<DueHandoff[]> {
    const rows = await this.ctx.db
      .selectFrom('handoffs as h')
      .innerJoin('items as i', (j) =>
        j.onRef('i.organisation_id', '=', 'h.organisation_id').onRef('i.id', '=', 'h.item_id'),
      )
      .select(['h.id', 'h.item_id', 'h.route', 'h.due_at'])
      .where('h.organisation_id', '=', organisationId)
      .where('h.route', '=', route)
      .where('h.due_at', '>=', toIso(from))
      .where('h.due_at', '<', toIso(to))
      .where('i.status', 'not in', ['replied', 'closed'])
      .orderBy('h.due_at')
      .execute();
    return rows.flatMap((r) =>
      r.due_at === null
        ? []
        : [
            {
              id: toNumber(r.id),
              itemId: toNumber(r.item_id),
              route: r.route,
              dueAt: toDate(r.due_at),
            },
          ],
    );
  }
}

function toShift(r: Selectable<OncallShiftsTable>): OncallShift {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    startsAt: toDate(r.starts_at),
    endsAt: toDate(r.ends_at),
    people: fromJson<number[]>(r.people),
    note: r.note,
    createdBy: fromActor(r.created_by),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

function toEscalation(r: Selectable<EscalationsTable>): Escalation {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    itemId: toNumber(r.item_id),
    kind: r.kind as EscalationKind,
    level: r.level,
    key: r.key,
    target: r.target as EscalationTarget,
    personId: numberOrNull(r.person_id),
    recipient: r.recipient,
    reason: r.reason,
    shiftId: numberOrNull(r.shift_id),
    notifiedAt: toDate(r.notified_at),
    acknowledgedAt: dateOrNull(r.acknowledged_at),
    acknowledgedBy: actorOrNull(r.acknowledged_by),
    nextAt: dateOrNull(r.next_at),
    createdBy: fromActor(r.created_by),
  };
}

function toAck(r: Selectable<DmAcknowledgementsTable>): DmAcknowledgement {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    platform: r.platform,
    conversation: r.conversation,
    itemId: toNumber(r.item_id),
    templateId: r.template_id,
    text: r.text,
    status: r.status as DmAcknowledgement['status'],
    postId: numberOrNull(r.post_id),
    accountId: numberOrNull(r.account_id),
    platformMessageId: r.platform_message_id,
    error: r.error,
    deliveredAt: dateOrNull(r.delivered_at),
    createdAt: toDate(r.created_at),
  };
}
