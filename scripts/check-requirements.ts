/**
 * Keeps docs/requirements.md honest: it must list every requirement ID (from
 * ../shared/spec/policy-requirements.md when present), and every ID marked done or partial must
 * have at least one test whose name carries the ID in square brackets.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const doc = readFileSync(join(root, 'docs/requirements.md'), 'utf8');
const problems: string[] = [];

const rows = new Map<string, string>();
for (const m of doc.matchAll(/^\|\s*\*{0,2}([A-Z]{3}-\d+)\*{0,2}\s*\|\s*([^|]+?)\s*\|/gm))
  rows.set(m[1]!, m[2]!.toLowerCase());

const spec = resolve(root, '../shared/spec/policy-requirements.md');
if (existsSync(spec)) {
  const ids = [...readFileSync(spec, 'utf8').matchAll(/^- \*\*([A-Z]{3}-\d+)\*\*/gm)].map(
    (m) => m[1]!,
  );
  for (const id of ids)
    if (!rows.has(id)) problems.push(`docs/requirements.md does not list ${id}`);
}

// Every test file's text, to find "[ID]" in test names.
const tests: string[] = [];
const walk = (dir: string) => {
  for (const f of readdirSync(dir)) {
    if (f === 'node_modules' || f.startsWith('.')) continue;
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.test.ts')) tests.push(readFileSync(p, 'utf8'));
  }
};
walk(join(root, 'src'));
walk(join(root, 'test'));
const corpus = tests.join('\n');
// Rule and signal testers put the rule's requirement IDs into test names from `requirements: [...]`.
const metaIds = new Set<string>();
for (const dir of ['src/core/check/rules', 'src/core/triage/signals']) {
  const walkMeta = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walkMeta(p);
      else if (f.endsWith('.ts') && !f.endsWith('.test.ts')) {
        const m = readFileSync(p, 'utf8').match(/requirements:\s*\[([^\]]*)\]/);
        if (m && existsSync(p.replace(/\.ts$/, '.test.ts')))
          for (const id of m[1]!.matchAll(/[A-Z]{3}-\d+/g)) metaIds.add(id[0]);
      }
    }
  };
  if (existsSync(join(root, dir))) walkMeta(join(root, dir));
}

for (const [id, status] of rows) {
  if (!/^(done|partial)/.test(status)) continue;
  if (!corpus.includes(`[${id}]`) && !metaIds.has(id))
    problems.push(`${id} is marked "${status}" but no test name carries [${id}]`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log(
    `docs/requirements.md lists ${rows.size} requirements; every done/partial one has a [ID] test.`,
  );
}
