import { createChecker } from '../src/core/check/engine.js';
import { toDraft } from '../src/core/check/draft.js';
import { rules } from '../src/core/check/rules/index.js';
import { loadProfile } from '../src/store/profile-files.js';
import { realisticPosts } from '../bench/posts.js';
const loaded = loadProfile('nhs-default');
if (!loaded.ok) throw new Error('x');
const posts = realisticPosts(2000);
const drafts = posts.map((text) => toDraft({ text }));
const pdrafts = posts.map((text) => toDraft({ text, audience: 'personal' }));
const out: [string, number, number][] = [];
for (const r of rules) {
  const c = createChecker(loaded.profile, [r]);
  for (const d of drafts.slice(0, 200)) c.check(d);
  const times: number[] = [];
  for (let i = 0; i < drafts.length; i++) {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      c.check(drafts[i]!); c.check(pdrafts[i]!);
      best = Math.min(best, (performance.now() - t) / 2);
    }
    times.push(best);
  }
  times.sort((a, b) => a - b);
  out.push([r.meta.id, times.reduce((a, b) => a + b, 0) / times.length, times[Math.floor(times.length * 0.99)]!]);
}
out.sort((a, b) => b[1] - a[1]);
for (const [id, mean, p99] of out) console.log(id.padEnd(22), mean.toFixed(3), p99.toFixed(3));
