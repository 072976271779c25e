/** Runs the real `bin/commsdesk` with input on stdin, as a user or a script would. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const bin = resolve(import.meta.dirname, '../../bin/commsdesk');

export function runCli(
  args: string[],
  input: string,
  env: Record<string, string> = {},
): { stdout: string; stderr: string; status: number | null; lines: Record<string, unknown>[] } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  // JSONL output: every line that is a whole JSON object (pretty-printed output is skipped).
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{') && l.endsWith('}'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, lines };
}

export const jsonl = (rows: unknown[]): string =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
