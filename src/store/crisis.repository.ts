/**
 * Crisis periods (INB-5): each time crisis mode was switched on, by whom and why, and when and
 * why it ended. The organisation row carries the live flag (`crisis_mode`, `crisis_since`); this
 * is the history the banner and the after-action review read.
 */
import type { Selectable } from 'kysely';
import {
  actorOrNull,
  actorText,
  dateOrNull,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import type { Actor } from './model.js';
import type { CrisisPeriodsTable } from './schema.js';

export interface CrisisPeriod {
  id: number;
  organisationId: number;
  startedAt: Date;
  startedBy: Actor;
  reason: string;
  endedAt: Date | null;
  endedBy: Actor | null;
  endReason: string | null;
}

export class CrisisRepository {
  constructor(private readonly ctx: StoreContext) {}

  async start(
    organisationId: number,
    start: { by: Actor; reason: string; at: Date },
  ): Promise<CrisisPeriod> {
    const row = await this.ctx.db
      .insertInto('crisis_periods')
      .values({
        organisation_id: organisationId,
        started_at: toIso(start.at),
        started_by: actorText(start.by),
        reason: start.reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPeriod(row);
  }

  /** End the open period; null when none was open. */
  async end(
    organisationId: number,
    end: { by: Actor; reason: string; at: Date },
  ): Promise<CrisisPeriod | null> {
    const open = await this.current(organisationId);
    if (!open) return null;
    const row = await this.ctx.db
      .updateTable('crisis_periods')
      .set({ ended_at: toIso(end.at), ended_by: actorText(end.by), end_reason: end.reason })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', open.id)
      .where('ended_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toPeriod(row) : null;
  }

  /** The period in progress, if any. */
  async current(organisationId: number): Promise<CrisisPeriod | null> {
    const row = await this.ctx.db
      .selectFrom('crisis_periods')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('ended_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? toPeriod(row) : null;
  }

  /** Past and present periods, newest first. */
  async history(organisationId: number, limit = 50): Promise<CrisisPeriod[]> {
    const rows = await this.ctx.db
      .selectFrom('crisis_periods')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toPeriod);
  }
}

function toPeriod(r: Selectable<CrisisPeriodsTable>): CrisisPeriod {
  return {
    id: toNumber(r.id),
    organisationId: toNumber(r.organisation_id),
    startedAt: toDate(r.started_at),
    startedBy: actorOrNull(r.started_by) ?? 'system',
    reason: r.reason,
    endedAt: dateOrNull(r.ended_at),
    endedBy: actorOrNull(r.ended_by),
    endReason: r.end_reason,
  };
}
