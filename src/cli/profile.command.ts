/** `commsdesk profile validate|show|list` — for administrators editing a profile. */
import { formatProblem } from '../core/profile/resolve.js';
import { listProfiles, loadProfile } from '../store/profile-files.js';
import { extraProfileDirs } from './profile-option.js';

export function profileCommand(args: string[]): void {
  const [sub, ...ids] = args;
  if (sub === 'list') {
    process.stdout.write(listProfiles().join('\n') + '\n');
    return;
  }
  if ((sub === 'validate' || sub === 'show') && ids.length > 0) {
    let bad = 0;
    for (const id of ids) {
      const result = loadProfile(id, extraProfileDirs());
      if (!result.ok) {
        bad++;
        process.stderr.write(
          `✖ ${id}: ${result.problems.length} problem(s)\n${result.problems.map((p) => '  ' + formatProblem(p)).join('\n')}\n`,
        );
      } else if (sub === 'show') {
        process.stdout.write(JSON.stringify(result.profile, null, 2) + '\n');
      } else {
        process.stdout.write(`✔ ${id}: valid (${result.files.join(' → ')})\n`);
      }
    }
    if (bad) process.exitCode = 2;
    return;
  }
  process.stderr.write(
    'commsdesk: usage: commsdesk profile validate ID|FILE... | show ID|FILE | list\n',
  );
  process.exitCode = 2;
}
