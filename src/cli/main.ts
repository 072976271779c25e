/**
 * `commsdesk` — one binary for the whole product. This file only parses arguments and dispatches;
 * each command lives in its own module.
 */
import { parseArgs } from 'node:util';
import { checkCommand } from './check.command.js';
import { profileCommand } from './profile.command.js';

const HELP = `commsdesk — social media desk for NHS communications teams

Usage:
  commsdesk check  [--profile ID|FILE] [--audience corporate|personal] [--format jsonl|text] < drafts.jsonl
  commsdesk triage [--profile ID|FILE] [--format jsonl|text] [--now ISO] < items.jsonl
  commsdesk profile validate ID|FILE...   validate profiles, listing every problem
  commsdesk profile show ID|FILE          print the resolved profile as JSON
  commsdesk profile list                  list the shipped profiles
  commsdesk demo                          check and triage a few sample posts

Profiles are looked up in ./profiles (shipped) and in the folders of COMMSDESK_PROFILES.
Output offsets (start, end) count Unicode code points. Exit codes: 0 ok, 1 some input lines
failed (each has an "error" line), 2 bad usage or invalid profile.
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      profile: { type: 'string', default: 'nhs-default' },
      audience: { type: 'string' },
      format: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const format = values.format ?? (process.stdout.isTTY ? 'text' : 'jsonl');
  if (format !== 'jsonl' && format !== 'text')
    return usage(`Unexpected --format "${format}", expected jsonl or text`);
  if (
    values.audience !== undefined &&
    values.audience !== 'corporate' &&
    values.audience !== 'personal'
  )
    return usage(`Unexpected --audience "${values.audience}", expected corporate or personal`);

  switch (command) {
    case 'check':
      return checkCommand({
        profile: values.profile!,
        format,
        ...(values.audience ? { audience: values.audience } : {}),
      });
    case 'triage': {
      const { triageCommand } = await import('./triage.command.js');
      return triageCommand({
        profile: values.profile!,
        format,
        ...(values.now ? { now: values.now } : {}),
      });
    }
    case 'profile':
      return profileCommand(positionals);
    case 'demo': {
      const { demoCommand } = await import('./demo.command.js');
      return demoCommand();
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return;
    default:
      return usage(`Unexpected command "${command}", expected check, triage, profile or demo`);
  }
}

function usage(message: string): void {
  process.stderr.write(`commsdesk: ${message}\n\n${HELP}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs errors are usage errors; anything else is a bug worth its stack.
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    usage(message);
  } else {
    process.stderr.write(
      `commsdesk: ${error instanceof Error && error.stack ? error.stack : message}\n`,
    );
    process.exitCode = 2;
  }
});
