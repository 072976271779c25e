/** Loading the profile named on the command line, with every problem printed if it is invalid. */
import { formatProblem } from '../core/profile/resolve.js';
import type { Profile } from '../core/profile/schema.js';
import { loadProfile } from '../store/profile-files.js';

/** Profile folders beyond the built-in one, from COMMSDESK_PROFILES (colon-separated). */
export function extraProfileDirs(): string[] {
  return (process.env['COMMSDESK_PROFILES'] ?? '').split(':').filter(Boolean);
}

/** Load a profile by id or path; on failure print every problem and return undefined. */
export function profileOrExit(idOrPath: string): Profile | undefined {
  const result = loadProfile(idOrPath, extraProfileDirs());
  if (result.ok) return result.profile;
  process.stderr.write(
    `commsdesk: profile "${idOrPath}" is not valid:\n${result.problems.map((p) => '  ' + formatProblem(p)).join('\n')}\n`,
  );
  process.exitCode = 2;
  return undefined;
}
