/**
 * Scores the content check against a labelled set (default: shared/data/content-dev.jsonl):
 * per-rule precision and recall, verdict accuracy, and clean drafts wrongly blocked.
 */
import { readFileSync } from 'node:fs';
import { createChecker } from '../src/core/check/engine.js';
import { toDraft, type Draft } from '../src/core/check/draft.js';
import type { Profile } from '../src/core/profile/schema.js';

export interface ContentCase {
  id: string;
  text: string;
  audience?: Draft['audience'];
  media?: Draft['media'];
  handle?: string;
  expected: { verdict: string; rules: string[] };
}

export interface ContentScore {
  n: number;
  verdictAccuracy: number;
  cleanBlocked: number;
  cleanTotal: number;
  perRule: {
    rule: string;
    tp: number;
    fp: number;
    fn: number;
    precision: number;
    recall: number;
  }[];
  mistakes: { id: string; expected: string; got: string; text: string }[];
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function scoreContent(cases: ContentCase[], profile: Profile): ContentScore {
  const checker = createChecker(profile);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (rule: string, k: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    counts.set(rule, c);
  };
  let right = 0;
  let cleanBlocked = 0;
  let cleanTotal = 0;
  const mistakes: ContentScore['mistakes'] = [];
  for (const c of cases) {
    const result = checker.check(
      toDraft({
        text: c.text,
        audience: c.audience ?? 'corporate',
        media: c.media ?? [],
        handle: c.handle,
      }),
    );
    const got = new Set(result.findings.map((f) => f.rule));
    const want = new Set(c.expected.rules);
    for (const r of got) bump(r, want.has(r) ? 'tp' : 'fp');
    for (const r of want) if (!got.has(r)) bump(r, 'fn');
    if (result.verdict === c.expected.verdict) right++;
    if (c.expected.verdict === 'pass') {
      cleanTotal++;
      if (result.verdict === 'block') cleanBlocked++;
    }
    const g = [...got].sort().join(',');
    const w = [...want].sort().join(',');
    if (g !== w || result.verdict !== c.expected.verdict)
      mistakes.push({
        id: c.id,
        expected: `${c.expected.verdict} [${w}]`,
        got: `${result.verdict} [${g}]`,
        text: c.text,
      });
  }
  const perRule = [...counts.entries()]
    .map(([rule, c]) => ({
      rule,
      ...c,
      precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1,
      recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1,
    }))
    .sort((a, b) => a.rule.localeCompare(b.rule));
  return {
    n: cases.length,
    verdictAccuracy: right / cases.length,
    cleanBlocked,
    cleanTotal,
    perRule,
    mistakes,
  };
}

export function printContentScore(s: ContentScore, verbose: boolean): void {
  console.log(`\nContent check — ${s.n} drafts`);
  console.log('rule                      tp  fp  fn  precision  recall');
  for (const r of s.perRule)
    console.log(
      `${r.rule.padEnd(24)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}  ${r.precision.toFixed(2).padStart(9)}  ${r.recall.toFixed(2).padStart(6)}`,
    );
  console.log(
    `verdict accuracy: ${s.verdictAccuracy.toFixed(3)}   clean drafts blocked: ${s.cleanBlocked}/${s.cleanTotal} (${((100 * s.cleanBlocked) / Math.max(1, s.cleanTotal)).toFixed(1)}%)`,
  );
  if (verbose)
    for (const m of s.mistakes)
      console.log(`  ${m.id}: expected ${m.expected}, got ${m.got} — ${m.text}`);
}
