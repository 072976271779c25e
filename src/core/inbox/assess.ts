/**
 * Everything the desk works out about one inbound item when it arrives: triage (labels, evidence,
 * routes, urgency), its clocks (response due time in working hours, FOI deadline), the FOI
 * validity check (INB-7) and the action checklist (INB-6). The CLI and the server both call this,
 * so an item is judged the same way wherever it is judged.
 */
import type { Profile } from '../profile/schema.js';
import type { WorkingCalendar } from '../sla/calendar.js';
import { actionsFor, type Action, type AuthorContext } from '../triage/actions.js';
import { itemClock, type ItemClock } from '../triage/clock.js';
import type { Triage, TriageResult } from '../triage/engine.js';
import { foiValidity } from '../triage/foi-validity.js';
import type { InboundItem } from '../triage/labels.js';

export interface Assessment {
  result: TriageResult;
  clock: ItemClock;
  /** Present for FOI requests: what a valid request still lacks. */
  foi?: { missing: string[]; note: string };
  actions: Action[];
}

/**
 * Assess an item received at `receivedAt`. Urgent items that arrive out of hours are triaged a
 * second time with that fact, so their routes include the on-call manager (INB-4).
 */
export function assessItem(
  item: InboundItem,
  receivedAt: Date,
  engine: Triage,
  calendar: WorkingCalendar,
  author?: AuthorContext,
): Assessment {
  const profile: Profile = engine.profile;
  const pre = engine.triage(item);
  const clock = itemClock(pre.labels, pre.urgent, receivedAt, profile, calendar);
  const result = clock.outOfHours && pre.urgent ? engine.triage(item, { outOfHours: true }) : pre;
  const foi = result.labels.includes('foi_request')
    ? foiValidity(item, {
        emailDomains: profile.organisation.emailDomains,
        emailAddresses: profile.organisation.emailAddresses,
      })
    : undefined;
  const actions = actionsFor({
    labels: result.labels,
    urgent: result.urgent,
    sentiment: result.sentiment,
    routes: result.routes,
    ...(item.kind ? { kind: item.kind } : {}),
    ...(author ? { author } : {}),
    outOfHours: clock.outOfHours,
    ...(clock.foi ? { foiDueAt: clock.foi.date } : {}),
    ...(foi ? { foiMissing: foi.missing } : {}),
    profile,
  });
  return {
    result,
    clock,
    ...(foi ? { foi: { missing: [...foi.missing], note: foi.note } } : {}),
    actions,
  };
}
