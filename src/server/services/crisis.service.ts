/**
 * Crisis mode (INB-5): a switch, by someone with `crisis.manage` and with a reason, that
 *
 * - pauses every scheduled post at once (status `paused`, its publishing job cancelled) and
 *   stops anything new being scheduled unless a crisis manager overrides with a reason;
 * - when switched off, leaves the paused posts paused: each must be re-confirmed (scheduled
 *   again) by a person, so nothing written before the crisis goes out unseen;
 * - extends monitoring: `crisisMonitoring` (crisis-monitoring.ts) tells ingest, the SLA clock and
 *   on-call escalation to treat every hour as staffed (evenings and weekends included) and to
 *   halve the urgent and on-call acknowledgement targets: items ingested during the crisis get
 *   due times by `crisisDueAt`, and on-call escalations wait half as long before the next person;
 * - shows a banner (`banner` in the status);
 *
 * and audits both switches in the transaction of the change.
 */
import type { CrisisPeriod, Organisation } from '../../store/index.js';
import type { OrgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { conflict } from '../errors.js';
import { crisisMonitoring, type CrisisMonitoring } from './crisis-monitoring.js';
import { pauseAllScheduled } from './posts.service.js';

export { crisisMonitoring, type CrisisMonitoring } from './crisis-monitoring.js';

export interface CrisisStatus {
  on: boolean;
  since: Date | null;
  period: CrisisPeriod | null;
  /** The banner every desk page shows while on; null when off. */
  banner: string | null;
  monitoring: CrisisMonitoring;
  /** Posts paused by crisis mode that still wait for re-confirmation. */
  pausedPosts: number[];
}

export class CrisisService {
  constructor(private readonly desk: Desk) {}

  async status(org: Organisation): Promise<CrisisStatus> {
    const { store } = this.desk;
    const fresh = (await store.organisations.get(org.id)) ?? org;
    const period = fresh.crisisMode ? await store.crisis.current(org.id) : null;
    const paused = await store.posts.list(org.id, { status: ['paused'], limit: 500 });
    const { profile } = this.desk.profiles.forOrganisation(fresh);
    return {
      on: fresh.crisisMode,
      since: fresh.crisisSince,
      period,
      banner: fresh.crisisMode
        ? `Crisis mode is on${period ? `: ${period.reason}` : ''}. Scheduled posts are paused; ` +
          'monitoring covers evenings and weekends.'
        : null,
      monitoring: crisisMonitoring(fresh, profile),
      pausedPosts: paused.map((p) => p.id),
    };
  }

  /** Switch crisis mode on or off, with a reason. */
  async set(access: OrgAccess, input: { on: boolean; reason: string }): Promise<CrisisStatus> {
    access.require('crisis.manage');
    const { store, clock } = this.desk;
    const org = access.org;
    const at = clock.now();
    await store.transaction(async (tx) => {
      const before = await tx.organisations.get(org.id);
      // setCrisisMode answers the organisation whether or not it changed: compare first.
      const changed =
        before && before.crisisMode !== input.on
          ? await tx.organisations.setCrisisMode(org.id, input.on, at)
          : null;
      if (!changed || changed.crisisMode !== input.on) {
        throw conflict(
          input.on ? 'crisis_already_on' : 'crisis_already_off',
          `Crisis mode is already ${input.on ? 'on' : 'off'}.`,
        );
      }
      if (input.on) {
        const period = await tx.crisis.start(org.id, {
          by: access.actor,
          reason: input.reason,
          at,
        });
        const paused = await pauseAllScheduled(tx, changed, at, access.actor);
        await tx.audit.append({
          organisationId: org.id,
          actor: access.actor,
          action: 'crisis.on',
          subjectType: 'organisation',
          subjectId: org.id,
          before: { crisisMode: false },
          after: { crisisMode: true, reason: input.reason, period: period.id, pausedPosts: paused },
          at,
        });
      } else {
        const period = await tx.crisis.end(org.id, { by: access.actor, reason: input.reason, at });
        const waiting = await tx.posts.list(org.id, { status: ['paused'], limit: 500 });
        await tx.audit.append({
          organisationId: org.id,
          actor: access.actor,
          action: 'crisis.off',
          subjectType: 'organisation',
          subjectId: org.id,
          before: { crisisMode: true },
          after: {
            crisisMode: false,
            reason: input.reason,
            period: period?.id ?? null,
            // Not published on their own: each waits for a person to re-confirm it.
            pausedPostsAwaitingReconfirmation: waiting.map((p) => p.id),
          },
          at,
        });
      }
    });
    return this.status(org);
  }

  history(org: Organisation): Promise<CrisisPeriod[]> {
    return this.desk.store.crisis.history(org.id);
  }
}
