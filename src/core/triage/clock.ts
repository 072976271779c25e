/**
 * When a triaged item is due, and whether it arrived out of hours (INB-2, INB-4, INB-7).
 * Urgent items run on elapsed time (they need action now, whatever the hour); everything else on
 * the profile's working calendar; FOI requests also carry their statutory deadline.
 */
import type { Profile } from '../profile/schema.js';
import { dueAt, isOutOfHours, workingCalendar, type WorkingCalendar } from '../sla/calendar.js';
import { foiDueAt, type FoiDeadline } from '../sla/foi.js';
import type { Label } from './labels.js';

/** The clocks of one item. */
export interface ItemClock {
  /** When the team must have responded. Null only when the calendar has no working time at all. */
  dueAt: Date | null;
  /** How `dueAt` was worked out, in words, with the clause. */
  basis: string;
  outOfHours: boolean;
  /** For FOI requests: the statutory deadline (20 working days, FOIA s.10). */
  foi?: FoiDeadline;
}

/** The working calendar of a profile (hours, nation's bank holidays, closures). */
export function profileCalendar(profile: Pick<Profile, 'hours' | 'nation'>): WorkingCalendar {
  return workingCalendar(profile.hours, profile.nation, {
    observeBankHolidays: profile.hours.bankHolidays === 'closed',
  });
}

/** Work out an item's clocks from its labels and arrival time. */
export function itemClock(
  labels: readonly Label[],
  urgent: boolean,
  receivedAt: Date,
  profile: Pick<Profile, 'targets'>,
  calendar: WorkingCalendar,
): ItemClock {
  const outOfHours = isOutOfHours(calendar, receivedAt);
  const foi = labels.includes('foi_request')
    ? (foiDueAt(receivedAt, profile.targets.foiWorkingDays, {
        regime: profile.targets.foiRegime,
      }) ?? undefined)
    : undefined;
  if (urgent) {
    return {
      dueAt: new Date(receivedAt.getTime() + profile.targets.urgentMinutes * 60_000),
      basis: `urgent: ${profile.targets.urgentMinutes} minutes whatever the hour (${profile.targets.clause})`,
      outOfHours,
      ...(foi ? { foi } : {}),
    };
  }
  const due = dueAt(receivedAt, profile.targets.responseWorkingMinutes, calendar);
  return {
    dueAt: due,
    basis: `${profile.targets.responseWorkingMinutes} working minutes${outOfHours ? ', counted from the next working period' : ''} (${profile.targets.clause})`,
    outOfHours,
    ...(foi ? { foi } : {}),
  };
}
