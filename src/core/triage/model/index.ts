/**
 * The statistical triage model at run time: scores an item for every label with the generated
 * one-vs-rest logistic regression and explains each score by the features that pushed it up most.
 * Pure and deterministic; the weights are data in `generated.ts` (`npm run train:triage`).
 */
import { LABELS, type Label } from '../labels.js';
import type { PreparedItem } from '../prepare.js';
import { eachFeature } from './features.js';
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

interface Scored {
  z: Float64Array;
  found: { name: string; start: number; end: number; w: Float32Array }[];
  byLabel: (LabelScore | undefined)[];
}

/** Compile a model's weights (parsed once) into a scorer. */
export function createModelScorer(data: TriageModelData): ModelScorer {
  // Feature → weight per label, in the label order of LABELS.
  const table = new Map<string, Float32Array>();
  for (const row of data.rows) {
    const tab = row.indexOf('\t');
    const w = new Float32Array(LABELS.length);
    for (const pair of row.slice(tab + 1).split(' ')) {
      const eq = pair.indexOf('=');
      const i = labelIndex.get(pair.slice(0, eq) as Label);
      if (i !== undefined) w[i] = Number(pair.slice(eq + 1));
    }
    table.set(row.slice(0, tab), w);
  }
  const bias = Float64Array.from(LABELS, (l) => data.bias[l]);
  // One scoring per prepared item, shared by every model signal.
  const cache = new WeakMap<PreparedItem, Scored>();

  const scored = (p: PreparedItem): Scored => {
    const hit = cache.get(p);
    if (hit) return hit;
    const z = Float64Array.from(bias);
    const found: Scored['found'] = [];
    // Only features the model knows are kept (first occurrence of each, as `features` lists them).
    const seen = new Set<string>();
    eachFeature(p.lower, (name, start, end) => {
      const w = table.get(name);
      if (!w || seen.has(name)) return;
      seen.add(name);
      found.push({ name, start, end, w });
      for (let i = 0; i < z.length; i++) z[i]! += w[i]!;
    });
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
      let top: Contribution[] | undefined;
      const found = s.found;
      const out: LabelScore = {
        score: 1 / (1 + Math.exp(-s.z[i]!)),
        // Explaining costs more than scoring, and most scores stay below every threshold.
        get top() {
          if (top) return top;
          top = [];
          for (const f of found) {
            const weight = f.w[i]!;
            if (weight <= 0) continue;
            top.push({ feature: f.name, start: f.start, end: f.end, weight });
            top.sort((a, b) => b.weight - a.weight);
            if (top.length > TOP) top.pop();
          }
          return top;
        },
      };
      s.byLabel[i] = out;
      return out;
    },
  };
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
