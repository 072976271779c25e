/**
 * The content check engine: compiles every enabled rule for a profile once, then checks drafts.
 */
import { verdictOf, type Finding, type Severity, type Verdict } from '../finding.js';
import type { Profile } from '../profile/schema.js';
import { ruleSettingFor } from '../profile/rule-settings.js';
import type { Draft } from './draft.js';
import type { Rule, RuleCheck, RuleReport } from './rule.js';
import { rules as allRules } from './rules/index.js';

/** The result of checking one draft. */
export interface CheckResult {
  verdict: Verdict;
  findings: Finding[];
}

/** A checker compiled for one profile. */
export interface Checker {
  profile: Profile;
  check(draft: Draft): CheckResult;
}

interface CompiledRule {
  id: string;
  severity: Severity;
  clause: string;
  audiences: readonly string[];
  run: RuleCheck;
}

/** Base path of the rule documentation pages. */
export const RULE_DOCS_BASE = '/docs/rules/';

/**
 * Compile a checker for a profile. Rules switched `off` in the profile are skipped; options were
 * validated when the profile was resolved, so this does not fail for a resolved profile.
 */
export function createChecker(profile: Profile, rules: readonly Rule[] = allRules): Checker {
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    const setting = ruleSettingFor(profile, rule);
    if (setting.severity === 'off') continue;
    const options = rule.options.parse(setting.options ?? {});
    compiled.push({
      id: rule.meta.id,
      severity: setting.severity,
      clause: setting.clause,
      audiences: rule.meta.audiences,
      run: rule.create(options, profile),
    });
  }

  return {
    profile,
    check(draft: Draft): CheckResult {
      const findings: Finding[] = [];
      for (const rule of compiled) {
        if (!rule.audiences.includes(draft.audience)) continue;
        const seen: RuleReport[] = [];
        let lastEnd = -1;
        let ordered = true;
        rule.run(draft, (report) => {
          // A rule may match the same text twice through different patterns; keep the first.
          // Reports usually come in text order, so one comparison suffices; otherwise scan.
          if (ordered && seen.length && report.start < seen[seen.length - 1]!.start)
            ordered = false;
          // Zero-width reports (about media, not text) never overlap anything.
          const overlaps =
            report.end > report.start &&
            (ordered
              ? report.start < lastEnd
              : seen.some((s) => s.start < report.end && report.start < s.end));
          if (overlaps) return;
          seen.push(report);
          lastEnd = Math.max(lastEnd, report.end);
          findings.push({
            rule: rule.id,
            severity: rule.severity,
            start: report.start,
            end: report.end,
            actual: draft.text.slice(report.start, report.end),
            message: report.message,
            expected: report.expected ?? [],
            ...(report.note === undefined ? {} : { note: report.note }),
            clause: rule.clause,
            url: RULE_DOCS_BASE + rule.id,
          });
        });
      }
      findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
      return { verdict: verdictOf(findings), findings };
    },
  };
}
