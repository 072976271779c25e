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
  commsdesk audit verify [--org SLUG] [--anchor FILE]   check the audit log's hash chain (exit 3 if broken)
  commsdesk audit head [--org SLUG]       print each chain's head, to keep outside the database
  commsdesk audit export [--org SLUG] [--from ISO] [--to ISO]   the audit log as JSONL
  commsdesk serve [--demo] [--port N] [--host H] [--services api,worker]   run the desk (API + workers)
  commsdesk demo                          check and triage a few sample posts (no server)

Storage: --data-dir DIR (default ./data, or COMMSDESK_DATA_DIR) for embedded SQLite, or
--database-url / DATABASE_URL (postgres://…) for PostgreSQL.

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
      org: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      anchor: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      services: { type: 'string' },
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
    case 'audit': {
      const { auditCommand } = await import('./audit.command.js');
      return auditCommand(positionals[0], {
        ...(values.org ? { org: values.org } : {}),
        ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
        ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
        ...(values.anchor ? { anchor: values.anchor } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      });
    }
    case 'serve': {
      const { serveCommand } = await import('./serve.command.js');
      return serveCommand({
        demo: values.demo ?? false,
        ...(values.port ? { port: values.port } : {}),
        ...(values.host ? { host: values.host } : {}),
        ...(values.services ? { services: values.services } : {}),
        ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
        ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
      });
    }
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
      return usage(
        `Unexpected command "${command}", expected check, triage, profile, audit, serve or demo`,
      );
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
