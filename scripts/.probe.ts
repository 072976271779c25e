// temporary probe (not part of the project): tsx scripts/.probe.ts [--personal] [--profile ID] < lines
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createChecker } from '../src/core/check/engine.js';
import { toDraft } from '../src/core/check/draft.js';
import { loadProfile } from '../src/store/profile-files.js';
const args = process.argv.slice(2);
const pi = args.indexOf('--profile');
const loaded = loadProfile(pi >= 0 ? args[pi + 1]! : 'nhs-default', [resolve(import.meta.dirname, '../test/fixtures/profiles')]);
if (!loaded.ok) throw new Error('profile');
const checker = createChecker(loaded.profile);
for (const line of readFileSync(0, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  let text = line; let audience: 'corporate' | 'personal' = args.includes('--personal') ? 'personal' : 'corporate';
  if (text.startsWith('P: ')) { audience = 'personal'; text = text.slice(3); }
  const r = checker.check(toDraft({ text, audience, media: [] }));
  console.log(`${r.verdict.padEnd(5)} ${r.findings.map((f) => `${f.rule}[${text.slice(f.start, f.end)}]`).join(' ')} | ${text}`);
}
