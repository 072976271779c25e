/**
 * What on-call, SLA and DM acknowledgement add to ingest, registered in `deskModules`. Runs in
 * the ingest transaction, so the jobs and escalations are committed with the items or not at
 * all:
 *
 * - every new item gets its `sla.due` job, and the organisation's sweep is scheduled (INB-2);
 * - an urgent item that arrives while the team is out of hours (the profile's calendar at the
 *   moment of ingest, not of posting: a comment posted at 16:55 and fetched at 17:05 finds nobody
 *   at their desk) goes to the person on call at once (INB-4); one in hours goes to the comms team;
 * - a new DM conversation gets its acknowledgement job (INB-3).
 *
 * The due-time, sweep and acknowledgement jobs go in with one `enqueueMany` per batch.
 *
 * Items that arrived more than a day before they were ingested (imports) get none of this.
 */
import { isOutOfHours } from '../core/sla/calendar.js';
import type { Desk } from './context.js';
import { AcknowledgementService } from './services/acknowledgement.service.js';
import { EscalationService } from './services/escalation.service.js';
import { SlaService, STALE_MS } from './services/sla.service.js';

export function registerOncall(desk: Desk): void {
  const sla = new SlaService(desk);
  const escalations = new EscalationService(desk);
  const acknowledgements = new AcknowledgementService(desk);
  desk.ingestHooks.push(async (tx, org, created, at) => {
    const fresh = created.filter((i) => i.receivedAt.getTime() >= at.getTime() - STALE_MS);
    // Every job the batch needs in one multi-row insert per chunk, not one round trip per item.
    await tx.jobs.enqueueMany(
      [...sla.jobsFor(org, created, at), ...acknowledgements.jobsFor(org, fresh, at)],
      at,
    );
    const urgent = fresh.filter((i) => i.urgent && !i.erasedAt);
    if (urgent.length === 0) return;
    const { calendar } = desk.profiles.forOrganisation(org);
    // In a crisis the evenings and weekends are monitored too (INB-5), but an urgent item out of
    // the normal hours still calls the person on call — with the crisis's halved target to
    // acknowledge (escalation.service reads crisisMonitoring).
    const outOfHours = isOutOfHours(calendar, at);
    for (const item of urgent) {
      if (outOfHours) {
        await escalations.startOncall(tx, org, item, at);
      } else {
        await escalations.notifyUrgentInHours(tx, org, item, at);
      }
    }
  });
}
