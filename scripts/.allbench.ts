import { createChecker } from '../src/core/check/engine.js';
import { toDraft } from '../src/core/check/draft.js';
import { loadProfile } from '../src/store/profile-files.js';
import { realisticPosts } from '../bench/posts.js';
const loaded = loadProfile('nhs-default');
if (!loaded.ok) throw new Error('x');
const posts = realisticPosts(2000);
const c = createChecker(loaded.profile);
const drafts = posts.map((text) => toDraft({ text }));
for (const d of drafts.slice(0, 300)) c.check(d);
const times: number[] = [];
for (const d of drafts) { let best = Infinity; for (let k = 0; k < 5; k++) { const t = performance.now(); c.check(d); best = Math.min(best, performance.now() - t); } times.push(best); }
times.sort((a, b) => a - b);
console.log('all rules: mean', (times.reduce((a, b) => a + b, 0) / times.length).toFixed(3), 'p50', times[1000]!.toFixed(3), 'p99', times[1980]!.toFixed(3), 'max', times[1999]!.toFixed(3));
