/**
 * What crisis mode (INB-5) changes about watching the inbox, in one place the ingest, SLA and
 * on-call code read: while it is on, evenings and weekends are monitored as working hours, and
 * the urgent and on-call acknowledgement targets are halved (never below 5 minutes). Kept apart
 * from crisis.service.ts (which pauses posts) so ingest can use it without importing publishing.
 */
import type { Profile } from '../../core/profile/schema.js';
import type { Organisation } from '../../store/index.js';

/** What the inbox, SLA and on-call sweeps read while crisis mode is on. */
export interface CrisisMonitoring {
  /** Crisis mode is on: monitor in the evenings and at weekends as in working hours. */
  extendedHours: boolean;
  /** Elapsed minutes to act on an urgent item (the profile's, halved in a crisis; ≥ 5). */
  urgentMinutes: number;
  /** Minutes the on-call manager has to acknowledge (the profile's, halved in a crisis; ≥ 5). */
  oncallAckMinutes: number;
}

/** Monitoring targets for an organisation now: the profile's, tightened while in crisis. */
export function crisisMonitoring(org: Organisation, profile: Profile): CrisisMonitoring {
  const tighten = (minutes: number) =>
    org.crisisMode ? Math.max(5, Math.floor(minutes / 2)) : minutes;
  return {
    extendedHours: org.crisisMode,
    urgentMinutes: tighten(profile.targets.urgentMinutes),
    oncallAckMinutes: tighten(profile.targets.oncallAckMinutes),
  };
}

/**
 * The due time of an item that arrives while crisis mode is on, or null when it is off. Every
 * hour counts: an urgent item is due the crisis's urgent minutes after it arrived; any other
 * after the profile's response target counted in elapsed minutes (evenings and weekends
 * included), or by the ordinary working-hours due time if that is sooner.
 */
export function crisisDueAt(
  monitoring: CrisisMonitoring,
  profile: Pick<Profile, 'targets'>,
  item: { urgent: boolean; receivedAt: Date; dueAt: Date | null },
): { dueAt: Date; basis: string } | null {
  if (!monitoring.extendedHours) return null;
  const received = item.receivedAt.getTime();
  if (item.urgent) {
    return {
      dueAt: new Date(received + monitoring.urgentMinutes * 60_000),
      basis: `crisis mode: urgent, ${monitoring.urgentMinutes} minutes (half the profile's ${profile.targets.urgentMinutes}) whatever the hour (INB-5)`,
    };
  }
  const elapsed = received + profile.targets.responseWorkingMinutes * 60_000;
  const due = item.dueAt && item.dueAt.getTime() < elapsed ? item.dueAt.getTime() : elapsed;
  return {
    dueAt: new Date(due),
    basis: `crisis mode: ${profile.targets.responseWorkingMinutes} minutes with evenings and weekends monitored (INB-5; ${profile.targets.clause})`,
  };
}
