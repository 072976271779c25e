/**
 * `npm run eval` — scores the content check and triage on labelled sets:
 *   dev           ../shared/data/*-dev.jsonl (the shared development sets; profile dev-set)
 *   holdout-tune  test/fixtures/holdout/*-tune.jsonl (independent author; may be tuned on)
 *   holdout-test  test/fixtures/holdout/*-test.jsonl (independent author; consulted after
 *                 changes three times, so since 2026-11-24 it counts as tuning data too)
 *   holdout-test2 test/fixtures/holdout/triage-test2.jsonl (a second independent author,
 *                 2026-11-24; triage only; never tuned on — its aggregates only)
 *   holdout-test3 test/fixtures/holdout/triage-test3.jsonl (a third independent author,
 *                 2026-11-24; triage only; never tuned on — its aggregates only)
 *   holdout-test4 test/fixtures/holdout/triage-test4.jsonl (a fourth independent author,
 *                 2026-11-24; triage only; never tuned on — its aggregates only)
 * Options: --set NAME (one set only), --only content|triage, --content FILE / --triage FILE
 * (score one file instead), --profile ID, --verbose (list mistakes).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem } from '../src/core/profile/resolve.js';
import type { Profile } from '../src/core/profile/schema.js';
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
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose');
const only = opt('--only');
const root = resolve(import.meta.dirname, '..');
const holdout = resolve(root, 'test/fixtures/holdout');

interface EvalSet {
  name: string;
  profile: string;
  content?: string;
  triage?: string;
}

let sets: EvalSet[] = [
  {
    name: 'dev',
    profile: 'dev-set',
    content: resolve(root, '../shared/data/content-dev.jsonl'),
    triage: resolve(root, '../shared/data/triage-dev.jsonl'),
  },
  {
    name: 'holdout-tune',
    profile: 'nhs-default',
    content: resolve(holdout, 'content-tune.jsonl'),
    triage: resolve(holdout, 'triage-tune.jsonl'),
  },
  {
    name: 'holdout-test',
    profile: 'nhs-default',
    content: resolve(holdout, 'content-test.jsonl'),
    triage: resolve(holdout, 'triage-test.jsonl'),
  },
  {
    name: 'holdout-test2',
    profile: 'nhs-default',
    triage: resolve(holdout, 'triage-test2.jsonl'),
  },
  {
    name: 'holdout-test3',
    profile: 'nhs-default',
    triage: resolve(holdout, 'triage-test3.jsonl'),
  },
  {
    name: 'holdout-test4',
    profile: 'nhs-default',
    triage: resolve(holdout, 'triage-test4.jsonl'),
  },
];
if (opt('--content') || opt('--triage')) {
  sets = [
    {
      name: 'given',
      profile: opt('--profile') ?? 'nhs-default',
      ...(opt('--content') ? { content: resolve(opt('--content')!) } : {}),
      ...(opt('--triage') ? { triage: resolve(opt('--triage')!) } : {}),
    },
  ];
} else if (opt('--set')) {
  sets = sets.filter((s) => s.name === opt('--set'));
  if (sets.length === 0)
    throw new Error(
      `Unexpected --set "${opt('--set')}", expected dev, holdout-tune, holdout-test or holdout-test2 to holdout-test4`,
    );
}

const profiles = new Map<string, Profile>();
const profileFor = (id: string): Profile => {
  const hit = profiles.get(id);
  if (hit) return hit;
  const loaded = loadProfile(opt('--profile') ?? id, [resolve(root, 'test/fixtures/profiles')]);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  profiles.set(id, loaded.profile);
  return loaded.profile;
};

for (const set of sets) {
  const profile = profileFor(set.profile);
  console.log(`\n=== ${set.name} (profile ${profile.id}) ===`);
  if (only !== 'triage' && set.content) {
    if (existsSync(set.content))
      printContentScore(scoreContent(readJsonl<ContentCase>(set.content), profile), verbose);
    else console.log(`(no content set at ${set.content})`);
  }
  if (only !== 'content' && set.triage) {
    if (existsSync(set.triage)) {
      const cases = readJsonl<TriageCase>(set.triage);
      printTriageScores(
        [
          score('commsdesk', cases, commsdeskPredictor(profile)),
          score('keywords', cases, keywordPredictor),
          score('vader', cases, vaderPredictor),
        ],
        verbose,
      );
    } else console.log(`(no triage set at ${set.triage})`);
  }
}
