/**
 * Requests for advice (STF-1): a staff member's draft for a personal account and their question,
 * stored only because they chose to ask the comms team, and the team's answer. Deleting a request
 * (the staff member withdraws it) removes the row, so the text is gone, not hidden. Time is
 * always passed in.
 */
import type { Selectable } from 'kysely';
import { dateOrNull, numberOrNull, toDate, toIso, toNumber, type StoreContext } from './codec.js';
import type { AdviceRequestsTable } from './schema.js';

export type AdviceStatus = 'open' | 'answered';

export interface AdviceRequest {
  id: number;
  organisationId: number;
  /** The staff member who asked. */
  userId: number;
  text: string;
  /** The personal account the draft is for, when given. */
  handle: string | null;
  question: string;
  status: AdviceStatus;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: Date | null;
  createdAt: Date;
}

export interface NewAdviceRequest {
  userId: number;
  text: string;
  handle?: string | null;
  question: string;
}

export class AdviceRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(organisationId: number, r: NewAdviceRequest, at: Date): Promise<AdviceRequest> {
    const row = await this.ctx.db
      .insertInto('advice_requests')
      .values({
        organisation_id: organisationId,
        user_id: r.userId,
        text: r.text,
        handle: r.handle ?? null,
        question: r.question,
        status: 'open',
        created_at: toIso(at),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAdvice(row);
  }

  async get(organisationId: number, id: number): Promise<AdviceRequest | null> {
    const row = await this.ctx.db
      .selectFrom('advice_requests')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toAdvice(row) : null;
  }

  /** One person's requests, newest first. */
  async byUser(organisationId: number, userId: number, limit = 100): Promise<AdviceRequest[]> {
    const rows = await this.ctx.db
      .selectFrom('advice_requests')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toAdvice);
  }

  /** The organisation's requests in these statuses: oldest first, so the team answers in order. */
  async list(
    organisationId: number,
    statuses: readonly AdviceStatus[],
    limit = 200,
  ): Promise<AdviceRequest[]> {
    if (statuses.length === 0) return [];
    const rows = await this.ctx.db
      .selectFrom('advice_requests')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('status', 'in', [...statuses])
      .orderBy('id', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toAdvice);
  }

  /** Record (or replace) the team's answer. Null when the request does not exist (any more). */
  async answer(
    organisationId: number,
    id: number,
    answer: { text: string; by: number },
    at: Date,
  ): Promise<AdviceRequest | null> {
    const row = await this.ctx.db
      .updateTable('advice_requests')
      .set({
        status: 'answered',
        answer: answer.text,
        answered_by: answer.by,
        answered_at: toIso(at),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toAdvice(row) : null;
  }

  /** Delete a request and its text. True when there was one to delete. */
  async delete(organisationId: number, id: number): Promise<boolean> {
    const result = await this.ctx.db
      .deleteFrom('advice_requests')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** How many rows the organisation holds (tests assert that a check stores nothing). */
  async count(organisationId: number): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('advice_requests')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return toNumber(row.n);
  }
}

function toAdvice(row: Selectable<AdviceRequestsTable>): AdviceRequest {
  return {
    id: toNumber(row.id),
    organisationId: toNumber(row.organisation_id),
    userId: toNumber(row.user_id),
    text: row.text,
    handle: row.handle,
    question: row.question,
    status: row.status === 'answered' ? 'answered' : 'open',
    answer: row.answer,
    answeredBy: numberOrNull(row.answered_by),
    answeredAt: dateOrNull(row.answered_at),
    createdAt: toDate(row.created_at),
  };
}
