/** How a profile's `rules` entry turns into a severity, clause and options for one rule. */
import type { Rule } from '../check/rule.js';
import type { Profile, SeveritySetting } from './schema.js';

/** A rule's effective setting under a profile. */
export interface EffectiveRuleSetting {
  severity: SeveritySetting;
  clause: string;
  options: Record<string, unknown> | undefined;
}

/**
 * Effective setting of a rule: the profile's entry where it has one, else the rule's default
 * severity. A rule the profile never mentions cites the requirement it serves, so a finding is
 * never without a clause.
 */
export function ruleSettingFor(
  profile: Pick<Profile, 'id' | 'rules'>,
  rule: Pick<Rule, 'meta'>,
): EffectiveRuleSetting {
  const entry = profile.rules[rule.meta.id];
  const fallbackClause = `${profile.id}: ${rule.meta.requirements.join(', ')}`;
  if (entry === undefined) {
    return { severity: rule.meta.defaultSeverity, clause: fallbackClause, options: undefined };
  }
  if (typeof entry === 'string') {
    return { severity: entry, clause: fallbackClause, options: undefined };
  }
  return {
    severity: entry.severity ?? rule.meta.defaultSeverity,
    clause: entry.clause ?? fallbackClause,
    options: entry.options,
  };
}
