import { createChecker } from '../src/core/check/engine.js';
import { toDraft } from '../src/core/check/draft.js';
import { rules } from '../src/core/check/rules/index.js';
import { loadProfile } from '../src/store/profile-files.js';
const loaded = loadProfile('nhs-default');
if (!loaded.ok) throw new Error('x');
const inputs: Record<string, string> = {
  'one letter': 'x'.repeat(100_000),
  capitals: 'ABCDEFG '.repeat(20_000),
  prose: 'Thank you to the team on Ward 5 for the care, call 0300 123 4567. '.repeat(16_000),
};
for (const [name, text] of Object.entries(inputs)) {
  for (const r of rules) {
    const c = createChecker(loaded.profile, [r]);
    const t = performance.now();
    c.check(toDraft({ text, audience: 'personal' }));
    c.check(toDraft({ text, audience: 'corporate' }));
    const ms = performance.now() - t;
    if (ms > 100) console.log(name, r.meta.id, ms.toFixed(0));
  }
}
