/**
 * One side of the triage-versus-VADER comparison, run in a process of its own so each is charged
 * only its own garbage collection: `tsx bench/triage-alone.ts triage|vader N WARMUP` warms up on
 * the first WARMUP posts, then prints this process's CPU milliseconds per post over N posts.
 */
import vader from 'vader-sentiment';
import { createTriage } from '../src/core/triage/engine.js';
import { formatProblem } from '../src/core/profile/resolve.js';
import { loadProfile } from '../src/store/profile-files.js';
import { realisticPosts } from './posts.js';

const [which, nArg, warmupArg] = process.argv.slice(2);
const n = Number(nArg);
const warmup = Number(warmupArg);
if (!['triage', 'vader'].includes(which ?? '') || !(n > 0) || !(warmup >= 0))
  throw new Error(
    `Unexpected arguments ${process.argv.slice(2).join(' ')}, expected triage|vader N WARMUP`,
  );
const posts = realisticPosts(n);
let run: (text: string) => unknown;
if (which === 'triage') {
  const loaded = loadProfile('nhs-default');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const triage = createTriage(loaded.profile);
  run = (text) => triage.triage({ text });
} else {
  const analyzer = (
    vader as { SentimentIntensityAnalyzer: { polarity_scores(t: string): unknown } }
  ).SentimentIntensityAnalyzer;
  run = (text) => analyzer.polarity_scores(text);
}
for (let i = 0; i < Math.min(warmup, n); i++) run(posts[i]!);
const start = process.cpuUsage();
for (const p of posts) run(p);
const used = process.cpuUsage(start);
console.log(((used.user + used.system) / 1000 / n).toFixed(4));
