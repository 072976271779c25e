/** The shape of the generated triage model (`generated.ts`, written by `npm run train:triage`). */
import type { Label } from '../labels.js';

/** Weights of a one-vs-rest logistic regression per label, as data. */
export interface TriageModelData {
  /** The training settings the weights came from. */
  settings: Readonly<Record<string, number>>;
  /** How many labelled items it was trained on. */
  items: number;
  /** Intercept per label. */
  bias: Readonly<Record<Label, number>>;
  /** One row per feature: the feature name, a tab, then space-separated `label=weight` pairs. */
  rows: readonly string[];
}
