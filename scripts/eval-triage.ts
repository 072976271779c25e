/**
 * Scores triage against a labelled set (default: shared/data/triage-dev.jsonl): per-label
 * precision/recall/F1, macro-F1, urgent precision/recall — beside two baselines computed in the
 * same run on the same items: keyword rules of the kind social media suites offer, and VADER
 * sentiment for praise / negative feedback.
 */
import vader from 'vader-sentiment';
import type { Profile } from '../src/core/profile/schema.js';
import { createTriage } from '../src/core/triage/engine.js';
import { LABELS, type InboundItem, type Label } from '../src/core/triage/labels.js';

export interface TriageCase {
  id: string;
  text: string;
  platform?: InboundItem['platform'];
  kind?: InboundItem['kind'];
  expected: { labels: Label[]; urgent: boolean };
}

type Predict = (c: TriageCase) => { labels: Label[]; urgent: boolean };

export interface TriageScore {
  name: string;
  perLabel: {
    label: Label;
    tp: number;
    fp: number;
    fn: number;
    precision: number;
    recall: number;
    f1: number;
  }[];
  macroF1: number;
  urgentPrecision: number;
  urgentRecall: number;
  mistakes: { id: string; expected: string; got: string; text: string }[];
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

export function score(
  name: string,
  cases: TriageCase[],
  predict: Predict,
  labels: readonly Label[] = LABELS,
): TriageScore {
  const counts = new Map<Label, { tp: number; fp: number; fn: number }>(
    labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]),
  );
  let utp = 0;
  let ufp = 0;
  let ufn = 0;
  const mistakes: TriageScore['mistakes'] = [];
  for (const c of cases) {
    const got = predict(c);
    const g = new Set(got.labels);
    const w = new Set(c.expected.labels);
    for (const l of labels) {
      const k = counts.get(l)!;
      if (g.has(l) && w.has(l)) k.tp++;
      else if (g.has(l)) k.fp++;
      else if (w.has(l)) k.fn++;
    }
    if (got.urgent && c.expected.urgent) utp++;
    else if (got.urgent) ufp++;
    else if (c.expected.urgent) ufn++;
    const gs = [...g].sort().join(',');
    const ws = [...w].sort().join(',');
    if (gs !== ws || got.urgent !== c.expected.urgent)
      mistakes.push({
        id: c.id,
        expected: `${ws}${c.expected.urgent ? ' URGENT' : ''}`,
        got: `${gs}${got.urgent ? ' URGENT' : ''}`,
        text: c.text,
      });
  }
  const perLabel = labels.map((label) => {
    const k = counts.get(label)!;
    const precision = k.tp + k.fp ? k.tp / (k.tp + k.fp) : k.fn ? 0 : 1;
    const recall = k.tp + k.fn ? k.tp / (k.tp + k.fn) : 1;
    return { label, ...k, precision, recall, f1: f1(precision, recall) };
  });
  return {
    name,
    perLabel,
    macroF1: perLabel.reduce((s, l) => s + l.f1, 0) / perLabel.length,
    urgentPrecision: utp + ufp ? utp / (utp + ufp) : 1,
    urgentRecall: utp + ufn ? utp / (utp + ufn) : 1,
    mistakes,
  };
}

export function commsdeskPredictor(profile: Profile): Predict {
  const engine = createTriage(profile);
  return (c) => {
    const r = engine.triage({
      text: c.text,
      ...(c.platform ? { platform: c.platform } : {}),
      ...(c.kind ? { kind: c.kind } : {}),
    });
    return { labels: r.labels, urgent: r.urgent };
  };
}

/** Keyword rules as social media suites offer them: a word list per label, substring match. */
const KEYWORDS: Record<Label, string[]> = {
  praise: ['thank', 'thanks', 'amazing', 'brilliant', 'fantastic', 'great', 'wonderful', 'love'],
  negative_feedback: ['terrible', 'awful', 'useless', 'disgrace', 'joke', 'pathetic', 'rubbish'],
  complaint: ['complain', 'complaint', 'not happy', 'unacceptable'],
  patient_safety: [
    'unsafe',
    'danger',
    'neglect',
    'suicide',
    'self harm',
    'abuse',
    'wrong medication',
  ],
  foi_request: ['foi', 'freedom of information'],
  media_enquiry: ['journalist', 'reporter', 'press', 'media', 'newspaper'],
  medical_question: ['symptom', 'medication', 'should i take', 'is it safe'],
  legal_matter: ['solicitor', 'lawyer', 'legal', 'sue', 'court'],
  abuse: ['idiot', 'stupid', 'f***', 'fuck', 'shit', 'scum'],
  personal_data: ['nhs number', 'date of birth', 'my address', '@'],
  service_question: ['opening hours', 'what time', 'where is', 'how do i', 'book'],
  misinformation: ['fake', 'hoax', 'conspiracy', 'lies'],
  spam: ['click', 'http', 'bit.ly', 'earn', 'free'],
};

export const keywordPredictor: Predict = (c) => {
  const lower = c.text.toLowerCase();
  const labels = LABELS.filter((l) => KEYWORDS[l].some((k) => lower.includes(k)));
  return { labels, urgent: labels.includes('patient_safety') };
};

const analyzer = (
  vader as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } }
).SentimentIntensityAnalyzer;

/** VADER: compound ≥ 0.05 → praise, ≤ −0.05 → negative feedback (its only two labels). */
export const vaderPredictor: Predict = (c) => {
  const { compound } = analyzer.polarity_scores(c.text);
  return {
    labels: compound >= 0.05 ? ['praise'] : compound <= -0.05 ? ['negative_feedback'] : [],
    urgent: false,
  };
};

export function printTriageScores(scores: TriageScore[], verbose: boolean): void {
  const [main, ...baselines] = scores;
  console.log(`\nTriage — per label (${main!.name} | ${baselines.map((b) => b.name).join(' | ')})`);
  console.log(
    'label               tp  fp  fn   P     R     F1   | ' +
      baselines.map((b) => `${b.name} F1`).join(' | '),
  );
  main!.perLabel.forEach((l, i) => {
    const others = baselines
      .map((b) => b.perLabel[i]!.f1.toFixed(2).padStart(b.name.length + 3))
      .join(' | ');
    console.log(
      `${l.label.padEnd(18)} ${String(l.tp).padStart(3)} ${String(l.fp).padStart(3)} ${String(l.fn).padStart(3)}  ${l.precision.toFixed(2)}  ${l.recall.toFixed(2)}  ${l.f1.toFixed(2)} | ${others}`,
    );
  });
  for (const s of scores)
    console.log(
      `${s.name.padEnd(12)} macro-F1 ${s.macroF1.toFixed(3)}   urgent precision ${s.urgentPrecision.toFixed(3)} recall ${s.urgentRecall.toFixed(3)}`,
    );
  const ps = main!.perLabel.find((l) => l.label === 'patient_safety')!;
  const foi = main!.perLabel.find((l) => l.label === 'foi_request')!;
  console.log(
    `patient_safety recall ${ps.recall.toFixed(3)} (target ≥ 0.97)   foi_request recall ${foi.recall.toFixed(3)} (target ≥ 0.95)   macro-F1 target ≥ 0.90   urgent recall target ≥ 0.98`,
  );
  if (verbose)
    for (const m of main!.mistakes)
      console.log(`  ${m.id}: expected ${m.expected || '∅'}, got ${m.got || '∅'} — ${m.text}`);
}
