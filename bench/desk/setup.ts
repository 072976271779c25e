/**
 * Shared pieces of the desk benchmarks and the crash test: a data directory with an organisation,
 * its accounts and an API token (created through the store, as an administrator would), a real
 * `commsdesk serve` child process, realistic wire-format items, and a keep-alive HTTP client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { API_TOKEN_PREFIX, randomToken, sha256 } from '../../src/server/auth/tokens.js';
import { createStore, migrateToLatest, openDatabase } from '../../src/store/index.js';
import { realisticPosts } from '../posts.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/commsdesk', import.meta.url));

/** The accounts items arrive on: (platform, handle). */
export const ACCOUNTS = [
  ['x', 'NHSTrustNews'],
  ['facebook', 'nhs-trust'],
  ['instagram', 'nhstrust'],
  ['x', 'NHSTrustJobs'],
] as const;

export interface Seeded {
  orgId: number;
  slug: string;
  token: string;
  accountIds: number[];
}

/**
 * Create (migrating first) the organisation "bench" with its accounts and an ingest token in the
 * database at `dataDir` (or `databaseUrl`), then close it.
 */
export async function seedDesk(dataDir: string, databaseUrl?: string): Promise<Seeded> {
  const handle = await openDatabase({ dataDir, ...(databaseUrl ? { url: databaseUrl } : {}) });
  try {
    await migrateToLatest(handle.db);
    const store = createStore(handle);
    const at = new Date('2026-03-02T09:00:00.000Z');
    const org = await store.organisations.create(
      { slug: 'bench', name: 'Bench NHS Trust', profileId: 'nhs-default' },
      at,
    );
    const accountIds: number[] = [];
    for (const [platform, handleName] of ACCOUNTS) {
      const acc = await store.accounts.create(
        org.id,
        { platform, handle: handleName, ownerTeam: 'Communications' },
        at,
      );
      accountIds.push(acc.id);
    }
    const token = API_TOKEN_PREFIX + randomToken();
    await store.sessions.createToken(
      {
        organisationId: org.id,
        name: 'bench connector',
        tokenHash: sha256(token),
        roles: ['comms_officer'],
        createdBy: null,
      },
      at,
    );
    return { orgId: org.id, slug: org.slug, token, accountIds };
  } finally {
    await handle.close();
  }
}

/** An item in the API's wire format. */
export interface WireItem {
  platform: string;
  external_id: string;
  kind: string;
  text: string;
  received_at: string;
  author: { id: string; name: string };
  account: string;
}

const KINDS = ['comment', 'reply', 'mention', 'dm', 'comment', 'reply'];

/**
 * `n` items of realistic text (posts of up to 280 characters, mean ~256), spread over the
 * accounts, about 5,000 authors, and received over working and out-of-hours times.
 */
export function wireItems(n: number, options: { seed?: number; prefix?: string } = {}): WireItem[] {
  const texts = realisticPosts(Math.min(n, 5_000), options.seed ?? 7);
  const t0 = Date.parse('2026-03-02T06:00:00.000Z');
  const out: WireItem[] = [];
  for (let i = 0; i < n; i++) {
    const [platform, account] = ACCOUNTS[i % ACCOUNTS.length]!;
    out.push({
      platform,
      external_id: `${options.prefix ?? 'b'}${i}`,
      kind: KINDS[i % KINDS.length]!,
      text: texts[i % texts.length]!,
      received_at: new Date(t0 + i * 7_000).toISOString(),
      author: { id: `u${(i * 7919) % 5_000}`, name: `Person ${(i * 7919) % 5_000}` },
      account,
    });
  }
  return out;
}

/** A keep-alive HTTP/1.1 client for one server. */
export class DeskClient {
  readonly agent: Agent;
  constructor(
    readonly port: number,
    readonly token: string,
    sockets = 8,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  send(
    method: string,
    path: string,
    body?: string | Buffer,
    timeoutMs = 60_000,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            authorization: `Bearer ${this.token}`,
            ...(body !== undefined
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Resident set size of the server process in MiB (Linux /proc). */
  rssMiB(): number | null;
  /** Peak resident set size so far (VmHWM) in MiB. */
  peakRssMiB(): number | null;
  /** CPU time (user + system, every thread) the server has used so far, in seconds. */
  cpuSeconds(): number | null;
  exited: Promise<number | null>;
}

/**
 * Start `commsdesk serve` as a child process and wait until it prints its URL. Its stderr (JSON
 * log lines) is kept out of the way unless `COMMSDESK_BENCH_VERBOSE` is set.
 */
export async function startServer(options: {
  dataDir: string;
  port: number;
  services?: string;
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<ServerProcess> {
  const args = [
    BIN,
    'serve',
    `--services=${options.services ?? 'api,worker'}`,
    '--data-dir',
    options.dataDir,
    '--port',
    String(options.port),
  ];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', process.env.COMMSDESK_BENCH_VERBOSE ? 'inherit' : 'ignore'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('desk: http')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`commsdesk serve exited (${code}) before listening: ${out.slice(-500)}`)),
    );
  });
  const status = (field: string) => {
    try {
      const text = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  };
  return {
    child,
    port: options.port,
    rssMiB: () => status('VmRSS'),
    peakRssMiB: () => status('VmHWM'),
    cpuSeconds: () => {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second).
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    },
    exited,
  };
}

/** Stop a server child politely (SIGTERM), or hard after `graceMs`. */
export async function stopServer(server: ServerProcess, graceMs = 5_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}

/** Percentile `p` (0–100) of sorted-or-not `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
