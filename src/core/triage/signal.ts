/**
 * The contract every triage signal follows — the same shape as a content rule: data about itself
 * plus a pure detector, compiled once per profile. A signal reports evidence for one label; the
 * engine weighs the evidence and keeps it, so every label can be explained.
 */
import type { z } from 'zod';
import type { Profile, Route } from '../profile/schema.js';
import type { Label } from './labels.js';
import type { PreparedItem } from './prepare.js';

/** What a signal reports; the engine adds the label and signal id. */
export interface SignalReport {
  start: number;
  end: number;
  /**
   * How strongly this evidence supports the label: 1 is enough on its own, 0.5 needs support
   * from another signal, a negative weight argues against the label (e.g. "not complaining").
   */
  weight: number;
  /** Short explanation shown to the comms officer. */
  note?: string;
  /** The item needs action now whatever the hour (a threat, a journalist going live). */
  urgent?: boolean;
  /** Extra routes this evidence calls for (e.g. `safeguarding` for a child at risk, `police`). */
  routes?: Route[];
}

export type SignalDetect = (item: PreparedItem, report: (r: SignalReport) => void) => void;

export interface SignalMeta {
  /** Signal id, `<label>.<what>`, e.g. `patient_safety.neglect`. */
  id: string;
  label: Label;
  description: string;
  /** Requirement IDs the signal serves. */
  requirements: readonly string[];
}

/** A triage signal. */
export interface Signal<Options = unknown> {
  meta: SignalMeta;
  options: z.ZodType<Options>;
  create(options: Options, profile: Profile): SignalDetect;
}

/** Identity helper so a signal's options type is inferred from its schema. */
export function defineSignal<S extends z.ZodType>(signal: {
  meta: SignalMeta;
  options: S;
  create(options: z.output<S>, profile: Profile): SignalDetect;
}): Signal<z.output<S>> {
  return signal as unknown as Signal<z.output<S>>;
}
