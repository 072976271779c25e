/**
 * `npm run eval` — scores the content check (and triage, once present) on the labelled development
 * sets in ../shared/data (or files given with --content / --triage). `--verbose` lists mistakes.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from '../src/core/profile/resolve.js';
import { loadProfile } from '../src/store/profile-files.js';
import { printContentScore, readJsonl, scoreContent, type ContentCase } from './eval-content.js';
import {
  commsdeskPredictor,
  keywordPredictor,
  printTriageScores,
  score,
  vaderPredictor,
  type TriageCase,
} from './eval-triage.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const verbose = args.includes('--verbose');
const root = resolve(import.meta.dirname, '..');
const contentFile = opt('--content', resolve(root, '../shared/data/content-dev.jsonl'));
const triageFile = opt('--triage', resolve(root, '../shared/data/triage-dev.jsonl'));
const profileId = opt('--profile', 'dev-set');
const only = opt('--only', 'all');

const loaded = loadProfile(profileId, [resolve(root, 'test/fixtures/profiles')]);
if (!loaded.ok) {
  console.error(loaded.problems.map(formatProblem).join('\n'));
  process.exit(2);
}
if (only !== 'triage') {
  if (existsSync(contentFile)) {
    printContentScore(scoreContent(readJsonl<ContentCase>(contentFile), loaded.profile), verbose);
  } else {
    console.error(`No content set at ${contentFile}`);
    process.exitCode = 1;
  }
}
if (only !== 'content') {
  if (existsSync(triageFile)) {
    const cases = readJsonl<TriageCase>(triageFile);
    printTriageScores(
      [
        score('commsdesk', cases, commsdeskPredictor(loaded.profile)),
        score('keywords', cases, keywordPredictor),
        score('vader', cases, vaderPredictor),
      ],
      verbose,
    );
  } else {
    console.error(`No triage set at ${triageFile}`);
    process.exitCode = 1;
  }
}
