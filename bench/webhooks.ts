/**
 * Signed webhook deliveries through verification to durable commit (issue 6, benchmarks).
 *
 * A real `commsdesk serve --services=api` child process on SQLite (synchronous=FULL); a Facebook
 * Page connection seeded in its database with a sealed app secret; keep-alive HTTP clients send
 * small Meta-shaped deliveries (one comment each, `X-Hub-Signature-256` over the raw bytes). Each
 * 200 is sent only after the delivery's transaction committed, so the clock stops with every
 * delivery acknowledged and stored.
 *
 * Two phases:
 *   1. throughput: `concurrency` deliveries in flight (below the desk's MAX_IN_FLIGHT), deliveries/s;
 *   2. ten times normal load: normal = `normalConcurrency` in flight; ten times that is more than
 *      the desk admits at once, so some deliveries are answered 503 with Retry-After. Reported:
 *      p50/p99 latency of every answer and of the 200s, and how many were 503.
 * Afterwards the database is read directly: every delivery acknowledged with 200 must be stored
 * (never a 200 before commit), and none stored twice.
 *
 *   npx tsx bench/webhooks.ts [--deliveries 20000] [--concurrency 32] [--normal 8] [--quick]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyFromDataDir, secretBox } from '../src/server/secrets.js';
import { createStore, openDatabase } from '../src/store/index.js';
import {
  fmt,
  freePort,
  percentile,
  seedDesk,
  startServer,
  stopServer,
  type ServerProcess,
} from './desk/setup.js';
import { metaCommentDelivery, metaSignature } from './meta-delivery.js';
import { numberArg, tallyStored } from './shared.js';

export const BENCH_APP_SECRET = 'bench-meta-app-secret';
export const BENCH_PAGE_ID = '9000';

export interface WebhookBenchOptions {
  deliveries: number;
  /** Deliveries in flight during the throughput phase. */
  concurrency?: number;
  /** "Normal load" in flight; the overload phase runs ten times this. */
  normalConcurrency?: number;
  log?: (line: string) => void;
}

export interface WebhookBenchReport {
  deliveries: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  overload: {
    concurrency: number;
    deliveries: number;
    ok: number;
    busy: number;
    p50Ms: number;
    p99Ms: number;
    okP99Ms: number;
  };
  /** Acknowledged with 200 but not in the database (must be 0). */
  lost: number;
  duplicated: number;
  serverCpuMsPerDelivery: number | null;
}

/** A Meta Page webhook delivery with one comment, as Meta sends it. */
export function metaDelivery(commentId: string, text: string): string {
  return metaCommentDelivery({
    pageId: BENCH_PAGE_ID,
    postId: `${BENCH_PAGE_ID}_1`,
    commentId,
    message: text,
    from: { id: `u${commentId.length}`, name: 'A member of the public' },
  });
}

export const signMeta = (body: string | Buffer, secret = BENCH_APP_SECRET) =>
  metaSignature(body, secret);

/**
 * Seed (after `seedDesk`) a Facebook Page connection on the seeded `nhs-trust` account with a
 * sealed app secret, the way connecting it through the API would. Returns the connection id.
 */
export async function seedWebhookConnection(dataDir: string, orgId: number): Promise<number> {
  const handle = await openDatabase({ dataDir });
  try {
    const store = createStore(handle);
    const box = secretBox(keyFromDataDir(dataDir));
    const account = await store.accounts.byHandle(orgId, 'facebook', 'nhs-trust');
    if (!account) throw new Error('seedDesk made no facebook account');
    const c = await store.connections.upsert(
      orgId,
      {
        accountId: account.id,
        platform: 'facebook',
        baseUrl: 'http://127.0.0.1:9',
        credentialsSealed: box.seal(
          JSON.stringify({
            pageId: BENCH_PAGE_ID,
            pageAccessToken: 'bench',
            directMessages: false,
          }),
        ),
        webhookSecretSealed: box.seal(JSON.stringify({ appSecret: BENCH_APP_SECRET })),
      },
      new Date('2026-03-02T09:00:00.000Z'),
    );
    return c.id;
  } finally {
    await handle.close();
  }
}

/** A keep-alive sender of signed deliveries to one connection. */
export class WebhookSender {
  readonly agent: Agent;
  constructor(
    readonly port: number,
    readonly connectionId: number,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  deliver(
    body: string,
    timeoutMs = 30_000,
  ): Promise<{ status: number; body: string; retryAfter: string | undefined }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: `/webhooks/${this.connectionId}`,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-hub-signature-256': signMeta(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfter: res.headers['retry-after'] as string | undefined,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** CPU time (user + system, all threads) of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return null;
  }
}

const TEXTS = [
  'Thank you to the staff on Ward 3, brilliant care',
  'How do I book a flu jab at the walk-in centre?',
  'Waited four hours in A&E last night, not good enough',
  'Is the car park at the main entrance open on Sunday?',
];

/** Send `bodies` with `concurrency` in flight; 503s are kept as answers (not retried). */
async function run(
  sender: WebhookSender,
  bodies: string[],
  concurrency: number,
): Promise<{ status: number; ms: number; id: string }[]> {
  const out: { status: number; ms: number; id: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const t0 = performance.now();
        const res = await sender.deliver(bodies[i]!);
        if (res.status !== 200 && res.status !== 503) {
          throw new Error(`Unexpected ${res.status} from a signed delivery: ${res.body}`);
        }
        if (res.status === 503 && res.retryAfter === undefined) {
          throw new Error('Unexpected 503 without Retry-After');
        }
        out.push({ status: res.status, ms: performance.now() - t0, id: `c${i}` });
      }
    }),
  );
  return out;
}

export async function benchWebhooks(options: WebhookBenchOptions): Promise<WebhookBenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const concurrency = options.concurrency ?? 32;
  const normal = options.normalConcurrency ?? 8;
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-webhooks-'));
  let server: ServerProcess | null = null;
  try {
    const seeded = await seedDesk(dataDir);
    const connectionId = await seedWebhookConnection(dataDir, seeded.orgId);
    const port = await freePort();
    server = await startServer({ dataDir, port, services: 'api' });
    const n = options.deliveries;
    const bodies = (from: number, count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) =>
        metaDelivery(`${BENCH_PAGE_ID}_1_${prefix}${from + i}`, TEXTS[(from + i) % TEXTS.length]!),
      );

    // Warm-up (JIT, profile compile, statement cache), not counted.
    const warm = new WebhookSender(port, connectionId, 8);
    await run(warm, bodies(0, Math.min(500, n), 'w'), 8);
    warm.close();

    // Phase 1: throughput.
    const sender = new WebhookSender(port, connectionId, concurrency);
    const phase1 = bodies(0, n, 't');
    const cpu0 = cpuMs(server.child.pid);
    const t0 = performance.now();
    const answers = await run(sender, phase1, concurrency);
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuMs(server.child.pid);
    sender.close();
    const busy1 = answers.filter((a) => a.status === 503).length;

    // Phase 2: ten times normal load.
    const overloadConcurrency = normal * 10;
    const overloadCount = Math.max(overloadConcurrency * 20, Math.round(n / 4));
    const loud = new WebhookSender(port, connectionId, overloadConcurrency);
    const overload = await run(loud, bodies(0, overloadCount, 'o'), overloadConcurrency);
    loud.close();
    await stopServer(server);
    server = null;

    // Every 200 must be in the database; nothing twice.
    const acked = new Set<string>();
    answers.forEach((a, i) => a.status === 200 && acked.add(`${BENCH_PAGE_ID}_1_t${i}`));
    overload.forEach((a) => a.status === 200 && acked.add(`${BENCH_PAGE_ID}_1_o${a.id.slice(1)}`));
    const handle = await openDatabase({ dataDir });
    let lost = 0;
    let duplicated = 0;
    try {
      ({ lost, duplicated } = await tallyStored(handle.db, seeded.orgId, acked));
    } finally {
      await handle.close();
    }

    const ms = answers.map((a) => a.ms);
    const oms = overload.map((a) => a.ms);
    const okMs = overload.filter((a) => a.status === 200).map((a) => a.ms);
    const report: WebhookBenchReport = {
      deliveries: n,
      concurrency,
      seconds,
      perSecond: n / seconds,
      p50Ms: percentile(ms, 50),
      p99Ms: percentile(ms, 99),
      overload: {
        concurrency: overloadConcurrency,
        deliveries: overload.length,
        ok: overload.length - overload.filter((a) => a.status === 503).length,
        busy: overload.filter((a) => a.status === 503).length,
        p50Ms: percentile(oms, 50),
        p99Ms: percentile(oms, 99),
        okP99Ms: okMs.length > 0 ? percentile(okMs, 99) : NaN,
      },
      lost,
      duplicated,
      serverCpuMsPerDelivery: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / n : null,
    };
    log(
      `webhooks (Meta-signed, 1 comment each, SQLite synchronous=FULL): ${fmt(n)} deliveries, ` +
        `${concurrency} in flight: ${fmt(report.perSecond)} deliveries/s verified and committed ` +
        `(target ≥ 5,000/s: ${report.perSecond >= 5000 ? 'met' : 'NOT met'}); ` +
        `p50 ${report.p50Ms.toFixed(1)} ms, p99 ${report.p99Ms.toFixed(1)} ms` +
        (busy1 > 0 ? `; ${fmt(busy1)} answered 503` : '') +
        (report.serverCpuMsPerDelivery !== null
          ? `; server CPU ${report.serverCpuMsPerDelivery.toFixed(2)} ms/delivery`
          : ''),
    );
    const o = report.overload;
    log(
      `  ten times normal load (${normal} → ${o.concurrency} in flight): ${fmt(o.deliveries)} deliveries, ` +
        `${fmt(o.ok)} × 200, ${fmt(o.busy)} × 503 with Retry-After; p50 ${o.p50Ms.toFixed(1)} ms, ` +
        `p99 ${o.p99Ms.toFixed(1)} ms (target < 1 s or 503: ${o.p99Ms < 1000 ? 'met' : 'NOT met'}); ` +
        `p99 of the 200s ${o.okP99Ms.toFixed(1)} ms`,
    );
    log(
      `  acknowledged with 200 but not stored: ${lost}; stored twice: ${duplicated} ` +
        `(both must be 0: ${lost === 0 && duplicated === 0 ? 'met' : 'NOT met'}); load average ${loadavg()[0]!.toFixed(1)}`,
    );
    return report;
  } finally {
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const report = await benchWebhooks({
    deliveries: numberArg('deliveries', quick ? 3_000 : 30_000),
    concurrency: numberArg('concurrency', 32),
    normalConcurrency: numberArg('normal', 8),
  });
  process.exitCode = report.lost === 0 && report.duplicated === 0 ? 0 : 1;
}
