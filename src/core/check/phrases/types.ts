/** Shape of the word and phrase lists in `phrases/*.yml` (compiled into `generated.ts`). */

/** One entry of a phrase list: phrases that mean the same thing to the rule. */
export interface PhraseEntry {
  /** Words or phrases matched whole and case-insensitively; a trailing `*` matches any ending. */
  phrases: string[];
  /** Why it is reported (rules use their own message when absent). */
  message?: string;
  /** Suggested replacements, best first. */
  suggest?: string[];
  /** Free-form category the rule may use (e.g. "slur", "threat", "dose"). */
  kind?: string;
}

/** A phrase list and the rule that reads it. */
export interface PhraseList {
  /** List name: the file name without `.yml`. */
  name: string;
  /** The rule (or triage signal) that uses the list. */
  rule: string;
  description: string;
  entries: PhraseEntry[];
}
