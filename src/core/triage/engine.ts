/**
 * The triage engine: runs every signal over an item, weighs the evidence per label, and returns
 * labels, urgency, routes and sentiment — each with the evidence that produced it.
 */
import type { Profile, Route } from '../profile/schema.js';
import { LABELS, type InboundItem, type Label, type Sentiment } from './labels.js';
import { prepare, type PreparedItem } from './prepare.js';
import { LABEL_ROUTES, ROUTE_ORDER, type RouteReason } from './routes.js';
import { sentimentOf } from './sentiment.js';
import type { Signal, SignalDetect } from './signal.js';
import { signals as allSignals } from './signals/index.js';
import {
  CARE_FAILURE_SIGNALS,
  familyReport,
  NOT_CARE_SIGNALS,
  UNSAFE_CARE_RULE,
} from './unsafe-care.js';

/** One piece of evidence for a label: where in the text, which signal, how strong. */
export interface Evidence {
  label: Label;
  /** The signal id that found it. */
  rule: string;
  start: number;
  end: number;
  /** The text quoted from the item. */
  text: string;
  weight: number;
  note?: string;
  urgent?: boolean;
  routes?: Route[];
}

/** The result of triaging one item. */
export interface TriageResult {
  labels: Label[];
  urgent: boolean;
  /** Evidence that made the item urgent. */
  urgentBecause: Evidence[];
  routes: Route[];
  routeReasons: RouteReason[];
  sentiment: Sentiment;
  /** Evidence for the labels given, strongest first within each label. */
  evidence: Evidence[];
  /** Evidence that was weighed but did not carry a label (shown on request, for review). */
  discarded: Evidence[];
  /** Summed weight per label. */
  scores: Partial<Record<Label, number>>;
}

/** Options of a triage run. */
export interface TriageOptions {
  /**
   * Whether the item arrived out of hours (from the working calendar). Urgent items out of hours
   * go to the on-call manager too (INB-4). Undefined means unknown: no on-call route.
   */
  outOfHours?: boolean;
}

/** A triage engine compiled for one profile. */
export interface Triage {
  profile: Profile;
  triage(item: InboundItem, options?: TriageOptions): TriageResult;
  /** Triage an already prepared item (the benchmark and tests use this). */
  triagePrepared(prepared: PreparedItem, options?: TriageOptions): TriageResult;
}

/** Score a label needs to be given. */
export const LABEL_THRESHOLD = 1;

/** Where each label comes in LABELS (evidence is listed in that order). */
const LABEL_ORDER = Object.fromEntries(LABELS.map((l, i) => [l, i])) as Record<Label, number>;

/** Labels that, when given, make another label redundant. */
const SUPERSEDES: readonly [Label, Label][] = [
  ['complaint', 'negative_feedback'],
  ['spam', 'personal_data'],
  ['spam', 'service_question'],
  ['abuse', 'negative_feedback'],
];

/** Compile the triage engine for a profile. */
export function createTriage(profile: Profile, signals: readonly Signal[] = allSignals): Triage {
  const compiled: { id: string; label: Label; detect: SignalDetect }[] = signals.map((s) => ({
    id: s.meta.id,
    label: s.meta.label,
    detect: s.create(s.options.parse({}), profile),
  }));

  const triagePrepared = (prepared: PreparedItem, options: TriageOptions = {}): TriageResult => {
    const evidence: Evidence[] = [];
    // One signal firing many times counts once at its strongest; different signals add up. The
    // strongest weight per signal and sign is kept as reports arrive (in first-seen order, so the
    // sums are added in the same order every run).
    // Slot 2i holds signal i's strongest positive weight, 2i+1 its strongest negative one.
    const best = new Float64Array(compiled.length * 2);
    const seenSlots: number[] = [];
    const weigh = (signal: number, weight: number) => {
      const slot = weight >= 0 ? signal * 2 : signal * 2 + 1;
      if (!seenSlots.includes(slot)) {
        seenSlots.push(slot);
        best[slot] = weight;
      } else if (Math.abs(weight) > Math.abs(best[slot]!)) best[slot] = weight;
    };
    for (let index = 0; index < compiled.length; index++) {
      const s = compiled[index]!;
      // This signal's evidence so far starts here: a span it reports twice is kept once.
      const first = evidence.length;
      s.detect(prepared, (r) => {
        weigh(index, r.weight);
        for (let i = first; i < evidence.length; i++) {
          const e = evidence[i]!;
          if (e.start === r.start && e.end === r.end) return;
        }
        evidence.push({
          label: s.label,
          rule: s.id,
          start: r.start,
          end: r.end,
          text: prepared.text.slice(r.start, r.end),
          weight: r.weight,
          ...(r.note === undefined ? {} : { note: r.note }),
          ...(r.urgent ? { urgent: true } : {}),
          ...(r.routes?.length ? { routes: r.routes } : {}),
        });
      });
    }

    const scores: Partial<Record<Label, number>> = {};
    for (const slot of seenSlots) {
      const label = compiled[slot >> 1]!.label;
      scores[label] = (scores[label] ?? 0) + best[slot]!;
    }

    let labels = LABELS.filter((l) => (scores[l] ?? 0) >= LABEL_THRESHOLD);
    // A care failure putting someone at risk now, told by them or their family, is a complaint too.
    // A medical emergency told to ask what to do (with medical_question) stays a question, not a grievance.
    if (
      labels.includes('patient_safety') &&
      !labels.includes('complaint') &&
      !labels.includes('medical_question')
    ) {
      const failure = evidence.find((e) => e.weight > 0 && CARE_FAILURE_SIGNALS.has(e.rule));
      const notCare = evidence.some((e) => e.weight > 0 && NOT_CARE_SIGNALS.has(e.rule));
      const family = failure && !notCare && familyReport(prepared);
      if (failure && family) {
        evidence.push({
          label: 'complaint',
          rule: UNSAFE_CARE_RULE,
          start: family.start,
          end: family.end,
          text: prepared.text.slice(family.start, family.end),
          weight: LABEL_THRESHOLD,
          note: `A care failure told by the patient or their family ("${failure.text}"): a grievance to investigate as well as a risk`,
        });
        scores.complaint = (scores.complaint ?? 0) + LABEL_THRESHOLD;
        labels = LABELS.filter((l) => (scores[l] ?? 0) >= LABEL_THRESHOLD);
      }
    }
    for (const [winner, loser] of SUPERSEDES) {
      if (labels.includes(winner)) labels = labels.filter((l) => l !== loser);
    }

    const sentiment = sentimentOf(prepared);
    const given = new Set<Label>(labels);
    if (labels.length === 0) {
      // Nothing specific: fall back on the tone so the item still lands somewhere sensible.
      const fallback: Label | undefined =
        sentiment === 'positive'
          ? 'praise'
          : sentiment === 'negative'
            ? 'negative_feedback'
            : prepared.text.includes('?')
              ? 'service_question'
              : undefined;
      if (fallback) {
        labels = [fallback];
        given.add(fallback);
        evidence.push({
          label: fallback,
          rule: 'fallback.tone',
          start: 0,
          end: prepared.text.length,
          text: prepared.text,
          weight: 0,
          note: `No specific signal; ${sentiment === 'neutral' ? 'a question' : `${sentiment} tone`}`,
        });
      }
    }

    const kept = evidence.filter(
      (e) => given.has(e.label) && (e.weight > 0 || e.rule === 'fallback.tone'),
    );
    kept.sort(
      (a, b) =>
        LABEL_ORDER[a.label] - LABEL_ORDER[b.label] || b.weight - a.weight || a.start - b.start,
    );
    const keptSet = new Set(kept);
    const discarded = evidence.filter((e) => !keptSet.has(e));

    const urgentBecause = kept.filter((e) => e.urgent || e.label === 'patient_safety');
    const urgent = urgentBecause.length > 0;

    const reasons = new Map<Route, RouteReason>();
    const add = (route: Route, label: Label | undefined, signal: string | undefined) => {
      const r = reasons.get(route) ?? { route, labels: [], signals: [] };
      if (label && !r.labels.includes(label)) r.labels.push(label);
      if (signal && !r.signals.includes(signal)) r.signals.push(signal);
      reasons.set(route, r);
    };
    for (const l of labels) for (const route of LABEL_ROUTES[l]) add(route, l, undefined);
    for (const e of kept) for (const route of e.routes ?? []) add(route, undefined, e.rule);
    if (urgent && options.outOfHours) add('oncall', undefined, 'oncall.out_of_hours');
    const routeReasons = ROUTE_ORDER.filter((r) => reasons.has(r)).map((r) => reasons.get(r)!);

    return {
      labels,
      urgent,
      urgentBecause,
      routes: routeReasons.map((r) => r.route),
      routeReasons,
      sentiment,
      evidence: kept,
      discarded,
      scores,
    };
  };

  return {
    profile,
    triagePrepared,
    triage: (item, options) => triagePrepared(prepare(item), options),
  };
}
