/**
 * The work done on an item besides its status: hand-offs to PALS, FOI, Quality and the rest (what
 * was sent to whom and when, with its own due time), consulting a colleague (INB-9), and the
 * steps of the action checklist that are done.
 */
import type { Selectable } from 'kysely';
import {
  actorText,
  dateOrNull,
  fromActor,
  isoOrNull,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import type { ActionStepDone, Actor, Consultation, Handoff } from './model.js';
import type { ConsultationsTable, HandoffsTable } from './schema.js';

export class ItemWorkRepository {
  constructor(private readonly ctx: StoreContext) {}

  async addHandoff(
    organisationId: number,
    itemId: number,
    handoff: {
      route: string;
      team: string;
      sentTo: string;
      sentAt: Date;
      dueAt?: Date | null;
      note?: string | null;
      by: Actor;
    },
  ): Promise<Handoff> {
    const row = await this.ctx.db
      .insertInto('handoffs')
      .values({
        organisation_id: organisationId,
        item_id: itemId,
        route: handoff.route,
        team: handoff.team,
        sent_to: handoff.sentTo,
        sent_at: toIso(handoff.sentAt),
        due_at: isoOrNull(handoff.dueAt),
        note: handoff.note ?? null,
        by_actor: actorText(handoff.by),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toHandoff(row);
  }

  async handoffs(organisationId: number, itemId: number): Promise<Handoff[]> {
    const rows = await this.ctx.db
      .selectFrom('handoffs')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    return rows.map(toHandoff);
  }

  async handoff(organisationId: number, handoffId: number): Promise<Handoff | null> {
    const row = await this.ctx.db
      .selectFrom('handoffs')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', handoffId)
      .executeTakeFirst();
    return row ? toHandoff(row) : null;
  }

  /**
   * A receiving team's queue: hand-offs to these routes, open ones (not closed) first by due
   * time, or the recently closed ones.
   */
  async handoffsTo(
    organisationId: number,
    routes: readonly string[],
    options: { closed: boolean; limit: number },
  ): Promise<Handoff[]> {
    if (routes.length === 0) return [];
    let q = this.ctx.db
      .selectFrom('handoffs')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('route', 'in', [...routes]);
    q = options.closed
      ? q.where('closed_at', 'is not', null).orderBy('closed_at', 'desc')
      : q.where('closed_at', 'is', null).orderBy('due_at').orderBy('sent_at');
    const rows = await q.orderBy('id').limit(options.limit).execute();
    return rows.map(toHandoff);
  }

  /** The team took it on. Only the first acceptance counts; null when already accepted. */
  async acceptHandoff(
    organisationId: number,
    handoffId: number,
    input: { by: Actor; at: Date; reference: string | null },
  ): Promise<Handoff | null> {
    const row = await this.ctx.db
      .updateTable('handoffs')
      .set({
        accepted_at: toIso(input.at),
        accepted_by: actorText(input.by),
        reference: input.reference,
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', handoffId)
      .where('accepted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toHandoff(row) : null;
  }

  /** The team closed it with an outcome. Only the first close counts; null when already closed. */
  async closeHandoff(
    organisationId: number,
    handoffId: number,
    input: { by: Actor; at: Date; outcome: string },
  ): Promise<Handoff | null> {
    const row = await this.ctx.db
      .updateTable('handoffs')
      .set({ closed_at: toIso(input.at), closed_by: actorText(input.by), outcome: input.outcome })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', handoffId)
      .where('closed_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toHandoff(row) : null;
  }

  async consult(
    organisationId: number,
    itemId: number,
    consultation: {
      colleague: string;
      question: string;
      askedBy: Actor;
      askedAt: Date;
      dueAt?: Date | null;
    },
  ): Promise<Consultation> {
    const row = await this.ctx.db
      .insertInto('consultations')
      .values({
        organisation_id: organisationId,
        item_id: itemId,
        colleague: consultation.colleague,
        question: consultation.question,
        asked_by: actorText(consultation.askedBy),
        asked_at: toIso(consultation.askedAt),
        due_at: isoOrNull(consultation.dueAt),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toConsultation(row);
  }

  /** Record the answer; only the first answer counts. Null when there is nothing to answer. */
  async answer(
    organisationId: number,
    consultationId: number,
    answer: string,
    at: Date,
  ): Promise<Consultation | null> {
    const row = await this.ctx.db
      .updateTable('consultations')
      .set({ answer, answered_at: toIso(at) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', consultationId)
      .where('answered_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toConsultation(row) : null;
  }

  async consultations(organisationId: number, itemId: number): Promise<Consultation[]> {
    const rows = await this.ctx.db
      .selectFrom('consultations')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    return rows.map(toConsultation);
  }

  /** Unanswered consultations due before `before`, soonest first: for the SLA sweep. */
  async overdueConsultations(organisationId: number, before: Date): Promise<Consultation[]> {
    const rows = await this.ctx.db
      .selectFrom('consultations')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('answered_at', 'is', null)
      .where('due_at', '<', toIso(before))
      .orderBy('due_at')
      .orderBy('id')
      .execute();
    return rows.map(toConsultation);
  }

  /** Tick a checklist step. Ticking it again keeps the first tick. Returns whether it was new. */
  async markStepDone(
    organisationId: number,
    itemId: number,
    actionId: string,
    by: Actor,
    at: Date,
  ): Promise<boolean> {
    const rows = await this.ctx.db
      .insertInto('action_steps')
      .values({
        organisation_id: organisationId,
        item_id: itemId,
        action_id: actionId,
        done_by: actorText(by),
        done_at: toIso(at),
      })
      .onConflict((oc) => oc.columns(['item_id', 'action_id']).doNothing())
      .returning('action_id')
      .execute();
    return rows.length > 0;
  }

  async stepsDone(organisationId: number, itemId: number): Promise<ActionStepDone[]> {
    const rows = await this.ctx.db
      .selectFrom('action_steps')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('item_id', '=', itemId)
      .orderBy('done_at')
      .orderBy('action_id')
      .execute();
    return rows.map((r) => ({
      organisationId: toNumber(r.organisation_id),
      itemId: toNumber(r.item_id),
      actionId: r.action_id,
      doneBy: fromActor(r.done_by),
      doneAt: toDate(r.done_at),
    }));
  }
}

function toHandoff(r: Selectable<HandoffsTable>): Handoff {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    itemId: toNumber(r.item_id),
    route: r.route,
    team: r.team,
    sentTo: r.sent_to,
    sentAt: toDate(r.sent_at),
    dueAt: dateOrNull(r.due_at),
    note: r.note,
    by: fromActor(r.by_actor),
    acceptedAt: dateOrNull(r.accepted_at),
    acceptedBy: r.accepted_by === null ? null : fromActor(r.accepted_by),
    reference: r.reference,
    closedAt: dateOrNull(r.closed_at),
    closedBy: r.closed_by === null ? null : fromActor(r.closed_by),
    outcome: r.outcome,
  };
}

function toConsultation(r: Selectable<ConsultationsTable>): Consultation {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    itemId: toNumber(r.item_id),
    colleague: r.colleague,
    question: r.question,
    askedBy: fromActor(r.asked_by),
    askedAt: toDate(r.asked_at),
    dueAt: dateOrNull(r.due_at),
    answeredAt: dateOrNull(r.answered_at),
    answer: r.answer,
  };
}
