/**
 * SLA sweeps (INB-2, INB-7, INB-9, INB-12).
 *
 * - Each item gets one `sla.due` job at its due time (unique per item and due time). If the item
 *   is then still open and unanswered (new, in progress or waiting on a colleague), a breach is
 *   raised: the assignee or the comms team is told, the managers are escalated to. A hand-off
 *   has its own clock, so a handed-off item is not in breach of the response target.
 * - A sweep per organisation every 15 minutes (`sla.sweep`, a chain of jobs keyed by their time
 *   slot) raises overdue consultations (INB-9) and reminds the FOI team a few working days before
 *   an FOI hand-off's statutory deadline (INB-7).
 *
 * Items that arrive long after their due time (a historical import) are not alerted on.
 */
import { DateTime } from 'luxon';
import { addWorkingDays } from '../../core/sla/calendar.js';
import type { Item, Job, NewJob, Organisation, Store } from '../../store/index.js';
import type { Desk } from '../context.js';
import { itemMessage } from '../notify/message.js';
import { EscalationService } from './escalation.service.js';
import { queueNotifications } from './notify.service.js';

export const SLA_DUE_JOB = 'sla.due';
export const SLA_SWEEP_JOB = 'sla.sweep';
export const SWEEP_EVERY_MS = 15 * 60_000;
/** FOI reminders go out this many working days before the deadline. */
export const FOI_REMINDER_WORKING_DAYS = 3;
/** Older than this at ingest (an import of past items): no alerts, escalations or replies. */
export const STALE_MS = 24 * 60 * 60_000;
/** Statuses in which an item still waits for its first response. */
export const UNANSWERED_STATUSES: readonly string[] = [
  'new',
  'in_progress',
  'waiting_on_colleague',
];

interface DuePayload {
  itemId: number;
  dueAt: string;
}

function dueJob(organisationId: number, itemId: number, dueAt: Date): NewJob {
  return {
    organisationId,
    type: SLA_DUE_JOB,
    payload: { itemId, dueAt: dueAt.toISOString() } satisfies DuePayload,
    runAt: dueAt,
    uniqueKey: `sla:${itemId}:${dueAt.toISOString()}`,
  };
}

/** The organisation's next sweep slot strictly after `at`. */
function sweepJob(organisationId: number, at: Date): NewJob {
  const slot = new Date((Math.floor(at.getTime() / SWEEP_EVERY_MS) + 1) * SWEEP_EVERY_MS);
  return {
    organisationId,
    type: SLA_SWEEP_JOB,
    payload: {},
    runAt: slot,
    uniqueKey: `sla-sweep:${slot.toISOString()}`,
  };
}

export class SlaService {
  private readonly escalations: EscalationService;

  constructor(private readonly desk: Desk) {
    this.escalations = new EscalationService(desk);
  }

  /** The jobs a batch of new items needs: a due-time job per item, and the organisation's sweep. */
  jobsFor(org: Organisation, items: readonly Item[], at: Date): NewJob[] {
    const jobs: NewJob[] = [];
    for (const item of items) {
      if (!item.dueAt || item.dueAt.getTime() < at.getTime() - STALE_MS) continue;
      jobs.push(dueJob(org.id, item.id, item.dueAt));
    }
    jobs.push(sweepJob(org.id, at));
    return jobs;
  }

  /** In the ingest transaction: a due-time job per new item, and the organisation's sweep. */
  async scheduleForItems(
    tx: Store,
    org: Organisation,
    items: readonly Item[],
    at: Date,
  ): Promise<void> {
    await tx.jobs.enqueueMany(this.jobsFor(org, items, at), at);
  }

  private async scheduleDue(tx: Store, org: Organisation, itemId: number, dueAt: Date, at: Date) {
    await tx.jobs.enqueue(dueJob(org.id, itemId, dueAt), at);
  }

  /** The next sweep slot strictly after `at`; enqueueing it twice is harmless (unique key). */
  async ensureSweep(tx: Store, organisationId: number, at: Date): Promise<void> {
    await tx.jobs.enqueue(sweepJob(organisationId, at), at);
  }

  /** The `sla.due` job. */
  async checkDue(job: Job): Promise<void> {
    const p = job.payload as DuePayload;
    const { store, clock } = this.desk;
    const at = clock.now();
    await store.transaction(async (tx) => {
      const org = await tx.organisations.get(job.organisationId);
      if (!org) return;
      const item = await tx.items.get(org.id, p.itemId);
      if (!item || item.erasedAt || !item.dueAt || !UNANSWERED_STATUSES.includes(item.status))
        return;
      // The due time moved (re-triage, a label correction): follow it.
      if (item.dueAt.getTime() > at.getTime()) {
        await this.scheduleDue(tx, org, item.id, item.dueAt, at);
        return;
      }
      await this.escalations.raiseBreach(tx, org, item, item.dueAt, at);
    });
  }

  /** The `sla.sweep` job: overdue consultations, FOI reminders, then the next slot. */
  async sweep(job: Job): Promise<void> {
    const { store, clock } = this.desk;
    const at = clock.now();
    const org = await store.organisations.get(job.organisationId);
    if (!org) return;
    const { profile, calendar } = this.desk.profiles.forOrganisation(org);

    const overdue = await store.itemWork.overdueConsultations(org.id, at);
    for (const c of overdue) {
      await store.transaction(async (tx) => {
        const item = await tx.items.get(org.id, c.itemId);
        if (!item || item.erasedAt) return;
        if (item.status === 'closed' || item.status === 'replied') return;
        await this.escalations.raiseConsultationOverdue(tx, org, item, c, at);
      });
    }

    const lastDay = addWorkingDays(calendar, at, FOI_REMINDER_WORKING_DAYS);
    if (lastDay) {
      const horizon = DateTime.fromISO(lastDay, { zone: profile.hours.timeZone })
        .plus({ days: 1 })
        .startOf('day')
        .toJSDate(); // exclusive: the whole of the last day
      const due = await store.oncall.handoffsDueBetween(org.id, 'foi', at, horizon);
      const foiTeam = profile.teams.foi;
      for (const h of due) {
        await store.transaction(async (tx) => {
          const item = await tx.items.get(org.id, h.itemId);
          if (!item) return;
          const { created } = await queueNotifications(
            tx,
            org,
            {
              key: `foi-reminder:${h.id}`,
              content: itemMessage(
                this.desk.config.publicUrl,
                org,
                item,
                'FOI request deadline is near',
                [`Statutory deadline: ${h.dueAt.toISOString()} (hand-off ${h.id})`],
              ),
              emails: foiTeam?.email ? [{ to: foiTeam.email }] : [],
              webhooks: true,
              itemId: item.id,
            },
            at,
          );
          if (created) {
            await tx.audit.append({
              organisationId: org.id,
              actor: 'system',
              action: 'foi.reminder',
              subjectType: 'item',
              subjectId: item.id,
              after: { handoffId: h.id, dueAt: h.dueAt.toISOString(), to: foiTeam?.name ?? null },
              at,
            });
          }
        });
      }
    }

    await store.transaction((tx) => this.ensureSweep(tx, org.id, at));
  }
}
