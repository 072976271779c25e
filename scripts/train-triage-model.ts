/**
 * Train the triage model — one-vs-rest logistic regression per label over the features of
 * `src/core/triage/model/features.ts` — from the labelled corpus in `data/triage-training/*.jsonl`,
 * and write its weights as data to `src/core/triage/model/generated.ts` (core never reads files).
 * Training is deterministic: full-batch gradient descent from zero, fixed iterations, files read
 * in name order, so the same corpus always gives the same module.
 *
 *   tsx scripts/train-triage-model.ts           train and write the generated module
 *   tsx scripts/train-triage-model.ts --check   fail if the generated module is out of date (CI)
 *   tsx scripts/train-triage-model.ts --cv 5    k-fold cross-validation on the corpus (report only)
 *   tsx scripts/train-triage-model.ts --validate FILE   train, then report per-label scores on FILE
 *   tsx scripts/train-triage-model.ts --cv-engine 5   k-fold over the corpus's own items, whole
 *                                                     engine with and without the model signals
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { formatProblem } from '../src/core/profile/resolve.js';
import { createTriage, type TriageResult } from '../src/core/triage/engine.js';
import { LABELS, type Label } from '../src/core/triage/labels.js';
import { features } from '../src/core/triage/model/features.js';
import { createModelScorer } from '../src/core/triage/model/index.js';
import { modelSignal } from '../src/core/triage/model/signal.js';
import { MODEL_SIGNALS } from '../src/core/triage/model/specs.js';
import type { TriageModelData } from '../src/core/triage/model/types.js';
import { lowerSameLength, prepare } from '../src/core/triage/prepare.js';
import { signals } from '../src/core/triage/signals/index.js';
import { loadProfile } from '../src/store/profile-files.js';
import { score } from './eval-triage.js';

const root = resolve(import.meta.dirname, '..');
const corpusDir = join(root, 'data/triage-training');
const outFile = join(root, 'src/core/triage/model/generated.ts');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Training settings; changing any of them changes the generated module. */
const DEFAULT_SETTINGS = {
  /** L2 penalty per weight. */
  l2: 0.01,
  /** Gradient steps (full batch, Adam). */
  iterations: 300,
  learningRate: 0.1,
  /** A feature must occur in at least this many items to get a weight. */
  minCount: 2,
  /** Weights smaller than this are dropped from the module (they barely move a score). */
  keepAbove: 0.03,
  /** Decimals kept per weight. */
  decimals: 3,
};
// --settings '{"l2":0.01}' tries other settings in --cv / --cv-engine / --validate runs only:
// the generated module is always written with the defaults above.
const SETTINGS: typeof DEFAULT_SETTINGS =
  opt('--settings') &&
  !args.includes('--check') &&
  (opt('--cv') || opt('--cv-engine') || opt('--validate'))
    ? {
        ...DEFAULT_SETTINGS,
        ...(JSON.parse(opt('--settings')!) as Partial<typeof DEFAULT_SETTINGS>),
      }
    : DEFAULT_SETTINGS;

export interface Case {
  id: string;
  text: string;
  expected: { labels: Label[]; urgent: boolean };
}

export function readCorpus(): { files: string[]; cases: Case[] } {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const cases: Case[] = [];
  const ids = new Set<string>();
  for (const f of files) {
    readFileSync(join(corpusDir, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const c = JSON.parse(line) as Case;
        if (ids.has(c.id)) throw new Error(`${f}:${i + 1}: duplicate id "${c.id}"`);
        ids.add(c.id);
        for (const l of c.expected.labels)
          if (!LABELS.includes(l))
            throw new Error(`${f}:${i + 1}: unexpected label "${l}", expected one of labels.md`);
        if (c.expected.labels.includes('patient_safety') && !c.expected.urgent)
          throw new Error(`${f}:${i + 1}: patient_safety without urgent`);
        cases.push(c);
      });
  }
  return { files, cases };
}

const featureNames = (text: string): string[] => features(lowerSameLength(text)).map((f) => f.name);

interface Trained {
  vocabulary: string[];
  bias: number[];
  /** weights[label][feature index] */
  weights: Float64Array[];
}

export function train(cases: Case[]): Trained {
  const docs = cases.map((c) => featureNames(c.text));
  const count = new Map<string, number>();
  for (const d of docs) for (const f of d) count.set(f, (count.get(f) ?? 0) + 1);
  const vocabulary = [...count.keys()].filter((f) => count.get(f)! >= SETTINGS.minCount).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = docs.map((d) =>
    Int32Array.from(d.flatMap((f) => (index.has(f) ? [index.get(f)!] : []))),
  );
  const n = cases.length;
  const dim = vocabulary.length;
  const bias: number[] = [];
  const weights: Float64Array[] = [];
  for (const label of LABELS) {
    const y = cases.map((c) => (c.expected.labels.includes(label) ? 1 : 0));
    const pos = y.reduce<number>((s, v) => s + v, 0);
    // Balance the classes so a rare label is not learnt as "never": each class weighs half.
    const wPos = pos ? n / (2 * pos) : 0;
    const wNeg = n - pos ? n / (2 * (n - pos)) : 0;
    const w = new Float64Array(dim);
    let b = 0;
    const m = new Float64Array(dim + 1);
    const v = new Float64Array(dim + 1);
    const grad = new Float64Array(dim + 1);
    const b1 = 0.9;
    const b2 = 0.999;
    for (let t = 1; t <= SETTINGS.iterations; t++) {
      grad.fill(0);
      for (let i = 0; i < n; i++) {
        const r = rows[i]!;
        let z = b;
        for (const j of r) z += w[j]!;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - y[i]!) * (y[i] ? wPos : wNeg);
        for (const j of r) grad[j]! += g;
        grad[dim]! += g;
      }
      for (let j = 0; j <= dim; j++) {
        let g = grad[j]! / n;
        if (j < dim) g += SETTINGS.l2 * w[j]!;
        m[j] = b1 * m[j]! + (1 - b1) * g;
        v[j] = b2 * v[j]! + (1 - b2) * g * g;
        const step =
          (SETTINGS.learningRate * (m[j]! / (1 - b1 ** t))) /
          (Math.sqrt(v[j]! / (1 - b2 ** t)) + 1e-8);
        if (j < dim) w[j]! -= step;
        else b -= step;
      }
    }
    bias.push(b);
    weights.push(w);
  }
  return { vocabulary, bias, weights };
}

const round = (x: number) => Number(x.toFixed(SETTINGS.decimals));

/** The trained weights as the generated module holds them: pruned and rounded. */
export function toData(model: Trained, items: number): TriageModelData {
  const rows: string[] = [];
  model.vocabulary.forEach((f, j) => {
    const parts: string[] = [];
    LABELS.forEach((l, li) => {
      const w = model.weights[li]![j]!;
      if (Math.abs(w) >= SETTINGS.keepAbove) parts.push(`${l}=${round(w)}`);
    });
    if (parts.length) rows.push(`${f}\t${parts.join(' ')}`);
  });
  const bias = Object.fromEntries(LABELS.map((l, li) => [l, round(model.bias[li]!)])) as Record<
    Label,
    number
  >;
  return { settings: SETTINGS, items, bias, rows };
}

/** Score texts with model data exactly as the run-time module does. */
function scorer(data: TriageModelData): (text: string) => Record<Label, number> {
  const s = createModelScorer(data);
  return (text) => {
    const p = prepare({ text });
    return Object.fromEntries(LABELS.map((l) => [l, s.score(p, l).score])) as Record<Label, number>;
  };
}

function report(name: string, cases: Case[], score: (text: string) => Record<Label, number>) {
  const probs = cases.map((c) => score(c.text));
  console.log(`\n${name}: ${cases.length} items`);
  console.log('label               pos   AP    R@.5  P@.5  R@.8  P@.8');
  for (const l of LABELS) {
    const pairs = cases.map((c, i) => ({ y: c.expected.labels.includes(l), p: probs[i]![l] }));
    const pos = pairs.filter((x) => x.y).length;
    const at = (t: number) => {
      const tp = pairs.filter((x) => x.y && x.p >= t).length;
      const fp = pairs.filter((x) => !x.y && x.p >= t).length;
      return [pos ? tp / pos : 1, tp + fp ? tp / (tp + fp) : 1];
    };
    pairs.sort((a, b) => b.p - a.p);
    let tp = 0;
    let ap = 0;
    pairs.forEach((x, i) => {
      if (x.y) {
        tp++;
        ap += tp / (i + 1);
      }
    });
    const [r5, p5] = at(0.5);
    const [r8, p8] = at(0.8);
    console.log(
      `${l.padEnd(18)} ${String(pos).padStart(4)}  ${(pos ? ap / pos : 1).toFixed(2)}  ${r5!.toFixed(2)}  ${p5!.toFixed(2)}  ${r8!.toFixed(2)}  ${p8!.toFixed(2)}`,
    );
  }
}

async function moduleText(data: TriageModelData, files: string[]): Promise<string> {
  const code =
    `// Generated by scripts/train-triage-model.ts from data/triage-training/*.jsonl — do not edit;\n` +
    `// edit the corpus and run npm run train:triage.\n` +
    `import type { TriageModelData } from './types.js';\n\n` +
    `/**\n * One-vs-rest logistic regression over the features of ./features.ts, trained on ${data.items}\n` +
    ` * items (${files.join(', ')}).\n * Each row is a feature, a tab, then \`label=weight\` pairs.\n */\n` +
    `export const model: TriageModelData = ${JSON.stringify(data, null, 2)};\n`;
  const config = (await resolveConfig(outFile)) ?? {};
  return format(code, { ...config, filepath: outFile });
}

/**
 * Cross-validate the whole engine: for each fold of the corpus's own items (not the copied
 * development set, which the hand-written signals were written against), train on everything
 * else and triage the fold with the hand-written signals alone and with the model signals added.
 */
function crossValidateEngine(k: number, cases: Case[]): void {
  const loaded = loadProfile('nhs-default');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const own = cases.filter((c) => !c.id.startsWith('f-'));
  const predicted = {
    hand: new Map<string, TriageResult>(),
    hybrid: new Map<string, TriageResult>(),
  };
  const handOnly = signals.filter((s) => !s.meta.id.endsWith('.model'));
  const hand = createTriage(loaded.profile, handOnly);
  for (const c of own) predicted.hand.set(c.id, hand.triage({ text: c.text }));
  for (let f = 0; f < k; f++) {
    const fold = own.filter((_, i) => i % k === f);
    const ids = new Set(fold.map((c) => c.id));
    const data = toData(train(cases.filter((c) => !ids.has(c.id))), cases.length - ids.size);
    const scorerOf = createModelScorer(data);
    // --thresholds '{"complaint":{"strong":0.8,"weak":0.5}}' tries other thresholds.
    const override = JSON.parse(opt('--thresholds') ?? '{}') as Record<string, object>;
    const modelSignals = Object.entries(MODEL_SIGNALS).map(([label, spec]) =>
      modelSignal(label as Label, { ...spec, ...override[label] }, () => scorerOf),
    );
    const hybrid = createTriage(loaded.profile, [...handOnly, ...modelSignals]);
    for (const c of fold) predicted.hybrid.set(c.id, hybrid.triage({ text: c.text }));
  }
  for (const [name, preds] of Object.entries(predicted)) {
    const s = score(name, own, (c) => {
      const r = preds.get(c.id)!;
      return { labels: r.labels, urgent: r.urgent };
    });
    const g = (l: Label) => s.perLabel.find((x) => x.label === l)!;
    console.log(
      `${name.padEnd(7)} macro-F1 ${s.macroF1.toFixed(3)}  urgent P ${s.urgentPrecision.toFixed(2)} R ${s.urgentRecall.toFixed(2)}\n  ` +
        LABELS.map((l) => `${l} ${g(l).precision.toFixed(2)}/${g(l).recall.toFixed(2)}`).join('  '),
    );
    if (args.includes('--verbose'))
      for (const m of s.mistakes)
        console.log(`    ${m.id}: expected ${m.expected}, got ${m.got} — ${m.text.slice(0, 100)}`);
  }
}

// Run as a script (the functions above are also used by evaluation experiments).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { files, cases } = readCorpus();
  const cv = opt('--cv');
  const cvEngine = opt('--cv-engine');
  if (cvEngine) {
    crossValidateEngine(Number(cvEngine), cases);
  } else if (cv) {
    const k = Number(cv);
    const folds = Array.from({ length: k }, (_, f) => cases.filter((_, i) => i % k === f));
    const all: Case[] = [];
    const preds = new Map<string, Record<Label, number>>();
    for (let f = 0; f < k; f++) {
      const s = scorer(toData(train(cases.filter((_, i) => i % k !== f)), cases.length));
      for (const c of folds[f]!) preds.set(c.id, s(c.text));
      all.push(...folds[f]!);
    }
    const byText = new Map(all.map((c) => [c.text, preds.get(c.id)!]));
    report(`${k}-fold cross-validation`, all, (t) => byText.get(t)!);
  } else {
    const model = train(cases);
    const validate = opt('--validate');
    if (validate) {
      const vcases = readFileSync(resolve(validate), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Case);
      report(validate, vcases, scorer(toData(model, cases.length)));
    } else {
      const text = await moduleText(toData(model, cases.length), files);
      const old = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
      if (args.includes('--check')) {
        if (old !== text) {
          console.error(`Out of date (run npm run train:triage): ${outFile}`);
          process.exitCode = 1;
        } else console.log(`Triage model is up to date (${cases.length} training items).`);
      } else {
        if (old !== text) writeFileSync(outFile, text);
        console.log(
          `Trained on ${cases.length} items from ${files.length} files: ${model.vocabulary.length} features → ${outFile}`,
        );
      }
    }
  }
}
