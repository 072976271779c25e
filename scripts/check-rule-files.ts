/**
 * Fails when a rule in src/core/check/rules/index.ts lacks its test or its doc page, or is still a
 * placeholder — the same guard as ESLint's checkRuleFiles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ruleIds } from '../src/core/check/rules/index.js';

const root = resolve(import.meta.dirname, '..');
const problems: string[] = [];
for (const id of ruleIds) {
  const src = join(root, 'src/core/check/rules', `${id}.ts`);
  const test = join(root, 'src/core/check/rules', `${id}.test.ts`);
  const doc = join(root, 'docs/rules', `${id}.md`);
  if (!existsSync(src)) problems.push(`${id}: missing ${src}`);
  else if (readFileSync(src, 'utf8').includes('PLACEHOLDER'))
    problems.push(`${id}: ${src} is still a placeholder`);
  if (!existsSync(test)) problems.push(`${id}: missing test ${test}`);
  if (!existsSync(doc)) problems.push(`${id}: missing documentation ${doc}`);
}
if (problems.length) {
  console.error(`Rule files incomplete:\n${problems.join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(`All ${ruleIds.length} rules have their source, test and documentation.`);
}

// Triage signals follow the same contract: source, test and documentation page.
const { signals } = await import('../src/core/triage/signals/index.js');
const signalProblems: string[] = [];
for (const s of signals) {
  const id = s.meta.id;
  const src = join(root, 'src/core/triage/signals', s.meta.label, `${id}.ts`);
  if (!existsSync(src)) signalProblems.push(`${id}: missing ${src}`);
  if (!existsSync(src.replace(/\.ts$/, '.test.ts')))
    signalProblems.push(`${id}: missing its test beside ${src}`);
  if (!existsSync(join(root, 'docs/signals', `${id}.md`)))
    signalProblems.push(`${id}: missing docs/signals/${id}.md`);
}
if (signalProblems.length) {
  console.error(`Signal files incomplete:\n${signalProblems.join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(`All ${signals.length} triage signals have their source, test and documentation.`);
}
