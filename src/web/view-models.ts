/**
 * Turning what the services return into what a page shows: label names and tag colours, due times
 * as working time left (paused out of hours, from core's calendar), times in the organisation's
 * zone, and an item's text cut into plain and evidence segments so the template can mark each
 * span — always as escaped text, never through a macro's raw `html:` parameter.
 */
import type { Profile } from '../core/profile/schema.js';
import { isOutOfHours, workingMinutesBetween, type WorkingCalendar } from '../core/sla/calendar.js';
import { clauseForRequirement } from '../core/triage/policy-clauses.js';
import { signals } from '../core/triage/signals/index.js';

const LABEL_NAMES: Record<string, string> = {
  praise: 'Praise',
  negative_feedback: 'Negative feedback',
  complaint: 'Complaint',
  patient_safety: 'Patient safety',
  foi_request: 'FOI request',
  media_enquiry: 'Media enquiry',
  medical_question: 'Medical question',
  legal_matter: 'Legal matter',
  abuse: 'Abuse',
  personal_data: 'Personal data',
  service_question: 'Service question',
  misinformation: 'Misinformation',
  spam: 'Spam',
};

/** NHS.UK tag colours by label: red for harm, orange for risk, blue for requests. */
const LABEL_COLOURS: Record<string, string> = {
  patient_safety: 'red',
  abuse: 'red',
  personal_data: 'orange',
  legal_matter: 'orange',
  complaint: 'orange',
  misinformation: 'yellow',
  media_enquiry: 'purple',
  foi_request: 'blue',
  medical_question: 'aqua-green',
  service_question: 'grey',
  negative_feedback: 'grey',
  praise: 'green',
  spam: 'white',
};

export const labelName = (label: string): string =>
  LABEL_NAMES[label] ?? label.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export const labelTag = (label: string) => ({
  text: labelName(label),
  classes: `nhsuk-tag--${LABEL_COLOURS[label] ?? 'grey'}`,
});

const STATUS_NAMES: Record<string, string> = {
  new: 'New',
  in_progress: 'In progress',
  waiting_on_colleague: 'Waiting on colleague',
  handed_off: 'Handed off',
  replied: 'Replied',
  closed: 'Closed',
};
export const statusName = (s: string): string => STATUS_NAMES[s] ?? s;

const ROUTE_NAMES: Record<string, string> = {
  pals: 'PALS',
  foi: 'FOI',
  quality: 'Quality',
  press: 'Press office',
  governance: 'Governance',
  safeguarding: 'Safeguarding',
  oncall: 'On-call manager',
  police: 'Police',
  comms: 'Communications',
};
export const routeName = (r: string): string => ROUTE_NAMES[r] ?? r;

/** A time in the organisation's zone, e.g. "Mon 2 Mar 2026, 10:05". */
export function formatTime(at: Date | string | null | undefined, zone: string): string {
  if (!at) return '';
  const d = typeof at === 'string' ? new Date(at) : at;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

function minutesText(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

export type SlaState = 'overdue' | 'due_soon' | 'on_time' | 'paused' | 'none';

/** Minutes of working time left under which an item counts as "due soon". */
export const DUE_SOON_MINUTES = 60;

/**
 * The SLA countdown: working time left until the due time. The clock stops out of hours (core's
 * calendar), so the countdown says "paused" then rather than ticking.
 */
export function slaOf(
  dueAt: Date | null,
  now: Date,
  calendar: WorkingCalendar,
): { state: SlaState; text: string; colour: string } {
  if (!dueAt) return { state: 'none', text: 'No response target', colour: 'grey' };
  if (dueAt <= now) {
    const late = workingMinutesBetween(calendar, dueAt, now) ?? 0;
    return {
      state: 'overdue',
      text: late > 0 ? `Overdue by ${minutesText(late)} working time` : 'Overdue',
      colour: 'red',
    };
  }
  const left = workingMinutesBetween(calendar, now, dueAt) ?? 0;
  if (isOutOfHours(calendar, now)) {
    return {
      state: 'paused',
      text: `${minutesText(left)} left (clock paused out of hours)`,
      colour: 'grey',
    };
  }
  return left <= DUE_SOON_MINUTES
    ? { state: 'due_soon', text: `${minutesText(left)} left`, colour: 'orange' }
    : { state: 'on_time', text: `${minutesText(left)} left`, colour: 'green' };
}

/** One piece of triage evidence as stored with the item. */
export interface StoredEvidence {
  label: string;
  rule: string;
  start: number;
  end: number;
  text?: string;
  note?: string;
  urgent?: boolean;
}

export interface Segment {
  text: string;
  /** 1-based numbers of the evidence entries covering this segment (empty for plain text). */
  refs: number[];
  labels: string[];
}

/**
 * Cut `text` at every evidence boundary. Overlapping evidence gives one segment carrying every
 * reference, so marks never nest.
 */
export function evidenceSegments(text: string, evidence: readonly StoredEvidence[]): Segment[] {
  const valid = evidence
    .map((e, i) => ({ ...e, n: i + 1 }))
    .filter((e) => e.start >= 0 && e.end <= text.length && e.start < e.end);
  const cuts = new Set<number>([0, text.length]);
  for (const e of valid) {
    cuts.add(e.start);
    cuts.add(e.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const covering = valid.filter((e) => e.start <= from && e.end >= to);
    const seg: Segment = {
      text: text.slice(from, to),
      refs: covering.map((e) => e.n),
      labels: [...new Set(covering.map((e) => e.label))],
    };
    const last = out[out.length - 1];
    if (last && last.refs.join() === seg.refs.join()) last.text += seg.text;
    else out.push(seg);
  }
  return out;
}

const SIGNAL_REQUIREMENTS = new Map(signals.map((s) => [s.meta.id, s.meta]));

/** The signal's description and the clause of the active profile its requirement maps to. */
export function explainSignal(
  profile: Profile,
  signalId: string,
): { description: string; clause: string } {
  const meta = SIGNAL_REQUIREMENTS.get(signalId);
  if (!meta) return { description: '', clause: '' };
  return {
    description: meta.description,
    clause: meta.requirements.map((r) => clauseForRequirement(profile, r)).join(', '),
  };
}
