/**
 * `npm run bench` — speed of the content check (with alex as a reference) and of triage (with
 * VADER as a reference, and without its model signals to show their cost), on realistic
 * 280-character posts, one core. `--quick` for CI sizes.
 * `--desk` adds the desk's ingest, inbox and memory benchmarks at full size (bench/desk/run-desk.ts).
 * `--triage` measures triage (and VADER) only, at the size `--quick` chooses or the full one.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import alex from 'alex';
import vader from 'vader-sentiment';
import { createChecker } from '../src/core/check/engine.js';
import { toDraft } from '../src/core/check/draft.js';
import { createTriage } from '../src/core/triage/engine.js';
import { prepare } from '../src/core/triage/prepare.js';
import { signals } from '../src/core/triage/signals/index.js';
import { formatProblem } from '../src/core/profile/resolve.js';
import { loadProfile } from '../src/store/profile-files.js';
import { runDeskBenches } from './desk/run-desk.js';
import { benchWebhooks } from './webhooks.js';
import { row, timeEach } from './measure.js';
import { realisticPosts } from './posts.js';

const quick = process.argv.includes('--quick');
const triageOnly = process.argv.includes('--triage');
const n = quick ? 500 : 10_000;
const loaded = loadProfile('nhs-default');
if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
const profile = loaded.profile;
const posts = realisticPosts(n);
// Both triage and VADER warm up on the first posts before timing (JIT, first-run caches, V8 tiering its
// regular expressions up from the interpreter): the figures are for a desk that has been running.
const WARMUP = Math.min(n, 2000);

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `Posts: ${n}, mean length ${(posts.reduce((s, p) => s + p.length, 0) / n).toFixed(0)} characters\n`,
);

if (!triageOnly) {
  const checker = createChecker(profile);
  const drafts = posts.map((text) => toDraft({ text }));
  const check = timeEach(drafts, (d) => checker.check(d));
  console.log(row('content check (all rules)', check));
  const alexTiming = timeEach(posts.slice(0, Math.min(n, quick ? 200 : 2000)), (p) => alex(p), 20);
  console.log(row('alex (reference)', alexTiming));
  console.log(`check p99 target ≤ 5 ms: ${check.p99Ms <= 5 ? 'met' : 'NOT met'}\n`);
}

const triage = createTriage(profile);
const items = posts.map((text) => ({ text }));
const tri = timeEach(items, (i) => triage.triage(i), WARMUP);
const prep = timeEach(items, (i) => prepare(i));
// The same engine without the statistical model's signals, to show what the model costs.
const handOnly = createTriage(
  profile,
  signals.filter((s) => !s.meta.id.endsWith('.model')),
);
const hand = timeEach(items, (i) => handOnly.triage(i));
const analyzer = (vader as { SentimentIntensityAnalyzer: { polarity_scores(t: string): unknown } })
  .SentimentIntensityAnalyzer;
const vad = timeEach(posts, (p) => analyzer.polarity_scores(p), WARMUP);
console.log(row('triage (all signals)', tri));
console.log(row('  of which prepare()', prep));
console.log(row('  without the model signals', hand));
console.log(row('VADER sentiment (reference)', vad));
const ratio = tri.meanMs / vad.meanMs;
console.log(
  `triage cost / VADER cost per item: ${ratio.toFixed(2)}× (target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'})`,
);
// On a shared machine the wall-clock rows above drift with other people's load (VADER runs
// minutes after triage). Batches of the two taken in turn and timed by this process's own CPU use
// see the same conditions: the steadier ratio.
const cpuMs = (f: () => void): number => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
let triCpu = 0;
let vadCpu = 0;
const batch = quick ? 100 : 500;
for (let at = 0; at + batch <= n; at += batch) {
  triCpu += cpuMs(() => {
    for (let i = at; i < at + batch; i++) triage.triage(items[i]!);
  });
  vadCpu += cpuMs(() => {
    for (let i = at; i < at + batch; i++) analyzer.polarity_scores(posts[i]!);
  });
}
const counted = n - (n % batch);
const cpuRatio = triCpu / vadCpu;
console.log(
  `interleaved, CPU time: triage ${(triCpu / counted).toFixed(3)} ms, VADER ${(vadCpu / counted).toFixed(3)} ms per item = ${cpuRatio.toFixed(2)}× (target ≤ 2×: ${cpuRatio <= 2 ? 'met' : 'NOT met'})`,
);

// In one process, garbage that triage leaves can be collected while VADER's batch runs and be
// charged to VADER. Each side alone in its own process (bench/triage-alone.ts), taken in turn over
// a few rounds, is charged only its own: the fairest ratio, and the one the target is judged by.
// A fresh process needs its full warm-up even at CI sizes, or it measures a cold start.
const aloneN = Math.max(n, 4000);
const WARMUP_ALONE = 2000;
const alone = (which: 'triage' | 'vader'): number => {
  const out = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      join(import.meta.dirname, 'triage-alone.ts'),
      which,
      String(aloneN),
      String(WARMUP_ALONE),
    ],
    { encoding: 'utf8' },
  );
  const value = Number(out.stdout.trim().split('\n').pop());
  if (out.status !== 0 || !(value > 0))
    throw new Error(`triage-alone ${which} failed: ${out.stderr}`);
  return value;
};
const ratios: number[] = [];
for (let round = 0; round < 3; round++) {
  // Who goes first alternates, so a drift in the machine's load does not favour one side.
  let t: number;
  let v: number;
  if (round % 2 === 0) {
    t = alone('triage');
    v = alone('vader');
  } else {
    v = alone('vader');
    t = alone('triage');
  }
  ratios.push(t / v);
  console.log(
    `separate processes, round ${round + 1}: triage ${t.toFixed(3)} ms, VADER ${v.toFixed(3)} ms CPU per item = ${(t / v).toFixed(2)}×`,
  );
}
const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
console.log(
  `separate processes, median of ${ratios.length} rounds: ${median.toFixed(2)}× (target ≤ 2×: ${median <= 2 ? 'met' : 'NOT met'})`,
);

// The desk (server) part: `--quick` at CI sizes, `--desk` at full size (docs/benchmarks-desk.md).
if (triageOnly) process.exit(0);
if (quick || process.argv.includes('--desk')) await runDeskBenches(quick);
// Signed webhook deliveries to durable commit (issue 6): `--quick` small, `--desk` full size.
if (quick || process.argv.includes('--desk') || process.argv.includes('--webhooks'))
  await benchWebhooks({
    deliveries: quick ? 3_000 : 30_000,
    concurrency: 32,
    normalConcurrency: 8,
  });
