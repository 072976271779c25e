/**
 * The statistical triage model at run time: scores an item for every label with the generated
 * one-vs-rest logistic regression and explains each score by the features that pushed it up most.
 * Pure and deterministic; the weights are data in `generated.ts` (`npm run train:triage`).
 */
import { LABELS, type Label } from '../labels.js';
import { ItemCache, type PreparedItem } from '../prepare.js';
import { STOP, tokens } from './features.js';
import { model } from './generated.js';
import type { TriageModelData } from './types.js';

/** A feature that raised a label's score, with the text it came from. */
export interface Contribution {
  feature: string;
  start: number;
  end: number;
  weight: number;
}

/** The model's view of one item for one label. */
export interface LabelScore {
  /** Probability-like score in 0..1. */
  score: number;
  /** Features that raised the score, strongest first (worked out on first read). */
  readonly top: Contribution[];
}

const labelIndex = new Map<Label, number>(LABELS.map((l, i) => [l, i]));

/** How many top contributions are kept per label. */
const TOP = 3;

/** Scores items with one model's weights. */
export interface ModelScorer {
  /** The score of a prepared item for one label (the item's scoring is cached and shared). */
  score(p: PreparedItem, label: Label): LabelScore;
}

/** A feature the model knows: its name (for explanations) and its weight per label. */
interface Known {
  name: string;
  w: Float32Array;
  /** The scoring that last counted this feature (so each counts once per item, without a set). */
  counted: number;
}

interface Scored {
  z: Float64Array;
  found: { known: Known; start: number; end: number }[];
  byLabel: (LabelScore | undefined)[];
}

/** Compile a model's weights (parsed once) into a scorer. */
export function createModelScorer(data: TriageModelData): ModelScorer {
  // Feature → weight per label, in the label order of LABELS, kept by feature kind and word so
  // scoring looks words up directly instead of building a name for every word and word pair.
  const words = new Map<string, Known>();
  const negatedWords = new Map<string, Known>();
  const pairs = new Map<string, Map<string, Known>>();
  let question: Known | undefined;
  for (const row of data.rows) {
    const tab = row.indexOf('\t');
    const w = new Float32Array(LABELS.length);
    for (const pair of row.slice(tab + 1).split(' ')) {
      const eq = pair.indexOf('=');
      const i = labelIndex.get(pair.slice(0, eq) as Label);
      if (i !== undefined) w[i] = Number(pair.slice(eq + 1));
    }
    const name = row.slice(0, tab);
    const known = { name, w, counted: 0 };
    if (name === '#q') question = known;
    else if (name.startsWith('u:!')) negatedWords.set(name.slice(3), known);
    else if (name.startsWith('u:')) words.set(name.slice(2), known);
    else if (name.startsWith('b:')) {
      const space = name.indexOf(' ');
      const first = name.slice(2, space);
      let second = pairs.get(first);
      if (!second) pairs.set(first, (second = new Map()));
      second.set(name.slice(space + 1), known);
    }
  }
  const bias = Float64Array.from(LABELS, (l) => data.bias[l]);
  let scorings = 0;
  // One scoring per prepared item, shared by every model signal.
  const cache = new ItemCache<Scored>();

  const scored = (p: PreparedItem): Scored => {
    const hit = cache.get(p);
    if (hit) return hit;
    const z = Float64Array.from(bias);
    const found: Scored['found'] = [];
    // The features of `eachFeature` in its order; only those the model knows count, each once
    // (its first occurrence keeps the span, as `features` lists them).
    const scoring = ++scorings;
    const take = (known: Known | undefined, start: number, end: number): void => {
      if (!known || known.counted === scoring) return;
      known.counted = scoring;
      found.push({ known, start, end });
      const w = known.w;
      for (let i = 0; i < z.length; i++) z[i]! += w[i]!;
    };
    const toks = tokens(p.lower);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (!STOP.has(t.word)) take((t.negated ? negatedWords : words).get(t.word), t.start, t.end);
      const prev = toks[i - 1];
      if (prev && !t.clauseStart && !(STOP.has(prev.word) && STOP.has(t.word)))
        take(pairs.get(prev.word)?.get(t.word), prev.start, t.end);
    }
    const q = p.lower.indexOf('?');
    if (q >= 0) take(question, q, q + 1);
    const s = { z, found, byLabel: [] };
    cache.set(p, s);
    return s;
  };

  return {
    score(p, label) {
      const s = scored(p);
      const i = labelIndex.get(label)!;
      const done = s.byLabel[i];
      if (done) return done;
      const out = new Score(1 / (1 + Math.exp(-s.z[i]!)), s.found, i);
      s.byLabel[i] = out;
      return out;
    },
  };
}

/** One label's score; explaining it costs more than scoring, so `top` is worked out on first read. */
class Score implements LabelScore {
  private explained: Contribution[] | undefined;

  constructor(
    readonly score: number,
    private readonly found: Scored['found'],
    private readonly label: number,
  ) {}

  get top(): Contribution[] {
    if (this.explained) return this.explained;
    const top: Contribution[] = [];
    for (const f of this.found) {
      const weight = f.known.w[this.label]!;
      if (weight <= 0) continue;
      top.push({ feature: f.known.name, start: f.start, end: f.end, weight });
      top.sort((a, b) => b.weight - a.weight);
      if (top.length > TOP) top.pop();
    }
    return (this.explained = top);
  }
}

let shipped: ModelScorer | undefined;

/** The scorer of the shipped model (`generated.ts`), compiled on first use. */
export function shippedModel(): ModelScorer {
  return (shipped ??= createModelScorer(model));
}

/** The shipped model's score of a prepared item for one label. */
export function modelScore(p: PreparedItem, label: Label): LabelScore {
  return shippedModel().score(p, label);
}

/** A feature name as a reader would say it: `b:not given` → "not given", `u:!drink` → "not drink". */
export function describeFeature(name: string): string {
  if (name === '#q') return 'a question';
  return name.slice(2).replace(/^!/, 'not ').replace(/ !/g, ' not ');
}
