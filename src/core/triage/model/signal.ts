/**
 * A triage signal backed by the statistical model: it reports the model's score for one label as
 * evidence, quoting the words that contributed most. A confident score is enough on its own
 * (weight 1); a middling one only supports the hand-written signals (weight 0.5), so the model
 * can tip a label the lexicons half-found but cannot raise one on a vague likeness alone.
 */
import { z } from 'zod';
import type { Label } from '../labels.js';
import type { PreparedItem } from '../prepare.js';
import { defineSignal, type Signal } from '../signal.js';
import { describeFeature, shippedModel, type ModelScorer } from './index.js';

/** Where the model's score turns into evidence for one label. */
export interface ModelThresholds {
  /** At or above: weight 1, enough on its own. */
  strong: number;
  /** At or above (and below `strong`): weight 0.5, needs another signal. */
  weak: number;
}

/** How a label's model signal is built. */
export interface ModelSignalSpec extends ModelThresholds {
  description: string;
  requirements: readonly string[];
  /**
   * A structural check the words alone cannot make (tense, who is speaking): when it returns a
   * reason, the model's evidence is not reported for this item.
   */
  guard?: (p: PreparedItem) => string | undefined;
}

/** Build the model signal `<label>.model`. */
export function modelSignal(
  label: Label,
  spec: ModelSignalSpec,
  scorer: () => ModelScorer = shippedModel,
): Signal {
  const { guard, strong, weak, ...meta } = spec;
  return defineSignal({
    meta: { id: `${label}.model`, label, ...meta },
    options: z
      .object({
        strong: z.number().min(0).max(1).default(strong),
        weak: z.number().min(0).max(1).default(weak),
      })
      .strict(),
    create(options) {
      const model = scorer();
      return (p, report) => {
        const scored = model.score(p, label);
        const score = scored.score;
        if (score < options.weak) return;
        const top = scored.top;
        if (top.length === 0 || guard?.(p) !== undefined) return;
        const weight = score >= options.strong ? 1 : 0.5;
        const note = `statistical model, score ${score.toFixed(2)}; top words: ${top
          .map((t) => `"${describeFeature(t.feature)}"`)
          .join(', ')}`;
        for (const t of top) report({ start: t.start, end: t.end, weight, note });
      };
    },
  });
}
