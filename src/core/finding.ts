/**
 * A finding is one thing the content check noticed in a draft. It is data, never an exception:
 * the caller decides what to do with it (block, warn, explain). Shaped like a vfile message so
 * that every finding carries its own evidence.
 */

/** How much a finding matters. `block` stops a draft; `warn` needs a reason to override. */
export type Severity = 'block' | 'warn';

/** The outcome of checking one draft. */
export type Verdict = 'block' | 'warn' | 'pass';

/** One finding: which rule, where, why, what to do instead, and which clause requires it. */
export interface Finding {
  /** Rule id from labels.md, e.g. `pii.nhs_number`. */
  rule: string;
  severity: Severity;
  /** Start offset in the draft text (UTF-16 code units, as JavaScript strings count). */
  start: number;
  /** End offset, exclusive. */
  end: number;
  /** The offending text, quoted from the draft. */
  actual: string;
  /** Why this is a problem, in plain words. */
  message: string;
  /** Suggested replacements or fixes, best first. Empty when there is no mechanical fix. */
  expected: string[];
  /** Extra guidance, e.g. where to signpost instead. */
  note?: string;
  /** The clause of the active profile that requires this rule, e.g. `MSE 6.5`. */
  clause: string;
  /** Path of the rule's documentation page within the product. */
  url: string;
}

/** The verdict for a set of findings: block if any blocks, warn if any warns, else pass. */
export function verdictOf(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  if (findings.some((f) => f.severity === 'block')) return 'block';
  if (findings.length > 0) return 'warn';
  return 'pass';
}
