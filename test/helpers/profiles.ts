/** Profiles for tests: the shipped ones plus fixtures in test/fixtures/profiles. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../src/core/profile/schema.js';
import { formatProblem } from '../../src/core/profile/resolve.js';
import { loadProfile } from '../../src/store/profile-files.js';

export const FIXTURE_PROFILES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../fixtures/profiles',
);

const cache = new Map<string, Profile>();

/** A resolved profile by id, from the fixtures or the shipped profiles; throws with every problem. */
export function testProfile(id = 'nhs-default'): Profile {
  const hit = cache.get(id);
  if (hit) return hit;
  const result = loadProfile(id, [FIXTURE_PROFILES_DIR]);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  cache.set(id, result.profile);
  return result.profile;
}
