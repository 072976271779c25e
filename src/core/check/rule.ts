/**
 * The contract every content rule follows: data about itself plus a pure check.
 * Configure once (when the profile loads), run many times (on every keystroke).
 */
import type { z } from 'zod';
import type { Severity } from '../finding.js';
import type { Profile } from '../profile/schema.js';
import type { Audience, Draft } from './draft.js';

/** What a rule reports; the engine stamps rule id, severity, clause and doc link on it. */
export interface RuleReport {
  start: number;
  end: number;
  message: string;
  /** Suggested fixes, best first. */
  expected?: string[];
  note?: string;
}

export type Report = (report: RuleReport) => void;

/** A compiled rule, ready to run on drafts. */
export type RuleCheck = (draft: Draft, report: Report) => void;

export interface RuleMeta {
  /** Rule id exactly as in labels.md. */
  id: string;
  /** One line saying what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /** Which audiences the rule runs for. */
  audiences: readonly Audience[];
  /** The requirement IDs (policy-requirements.md) this rule serves. */
  requirements: readonly string[];
}

/** A content rule. `options` is a zod schema whose defaults apply when the profile sets none. */
export interface Rule<Options = unknown> {
  meta: RuleMeta;
  options: z.ZodType<Options>;
  /** Compile the rule for one profile. Must not throw for valid options. */
  create(options: Options, profile: Profile): RuleCheck;
}

/** Identity helper so a rule's options type is inferred from its schema. */
export function defineRule<S extends z.ZodType>(rule: {
  meta: RuleMeta;
  options: S;
  create(options: z.output<S>, profile: Profile): RuleCheck;
}): Rule<z.output<S>> {
  return rule as unknown as Rule<z.output<S>>;
}
