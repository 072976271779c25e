/**
 * `npm run chaos:webhooks` — the crash test for webhook deliveries (issue 6).
 *
 * Signed Meta-style webhook deliveries go to a real `commsdesk serve` child process (the process
 * handling of the items crash test, bench/desk/setup.ts) that is killed with SIGKILL at random
 * moments and restarted on the same data directory. The sender behaves like a platform: a
 * delivery not acknowledged with 200 (refused or reset connection, 5xx, 503 busy, timeout) is
 * sent again until it is; and, like Meta and X, it also re-sends some deliveries that were
 * acknowledged (platform retries). Afterwards the database is read directly and the run reports
 *   - lost: acknowledged with 200 but not stored (must be 0);
 *   - duplicated: stored more than once, or reported `created` by more than one answer (must be 0).
 *
 *   npm run chaos:webhooks -- [--deliveries 20000] [--kills 8] [--senders 16] [--seed N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, openDatabase } from '../src/store/index.js';
import {
  fmt,
  freePort,
  seedDesk,
  startServer,
  stopServer,
  type ServerProcess,
} from './desk/setup.js';
import { numberArg, seedArg, seededRandom, sleep, tallyStored } from './shared.js';
import { BENCH_PAGE_ID, metaDelivery, seedWebhookConnection, WebhookSender } from './webhooks.js';

export interface WebhookChaosOptions {
  deliveries: number;
  kills: number;
  senders?: number;
  /** Share of acknowledged deliveries the "platform" sends again anyway. */
  platformRetries?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface WebhookChaosReport {
  deliveries: number;
  kills: number;
  attempts: number;
  unacknowledged: number;
  platformRetries: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  auditOk: boolean;
  seconds: number;
  seed: number;
}

export async function runWebhookChaos(options: WebhookChaosOptions): Promise<WebhookChaosReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rand = seededRandom(seed);
  const senders = options.senders ?? 16;
  const retryShare = options.platformRetries ?? 0.05;
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-chaos-webhooks-'));
  const t0 = performance.now();
  try {
    const desk = await seedDesk(dataDir);
    const connectionId = await seedWebhookConnection(dataDir, desk.orgId);
    const port = await freePort();
    const start = () => startServer({ dataDir, port, services: 'api' });
    let server: ServerProcess = await start();
    let sender = new WebhookSender(port, connectionId, senders);

    const id = (i: number) => `${BENCH_PAGE_ID}_1_k${i}`;
    const bodies = Array.from({ length: options.deliveries }, (_, i) =>
      metaDelivery(id(i), `Delivery ${i}: thank you to the ward team`),
    );
    const killAt = Array.from({ length: options.kills }, () =>
      Math.floor(options.deliveries * (0.05 + 0.9 * rand())),
    ).sort((a, b) => a - b);
    let kills = 0;
    let acknowledgedCount = 0;
    let restarting: Promise<void> | null = null;
    const killAndRestart = async () => {
      await sleep(Math.floor(rand() * 200));
      server.child.kill('SIGKILL');
      await server.exited;
      kills++;
      sender.close();
      await sleep(Math.floor(rand() * 300));
      server = await start();
      sender = new WebhookSender(port, connectionId, senders);
    };
    const maybeKill = () => {
      if (restarting || kills >= killAt.length || acknowledgedCount < killAt[kills]!) return;
      restarting = killAndRestart().finally(() => {
        restarting = null;
        maybeKill();
      });
    };

    const acked = new Set<string>();
    const created = new Map<string, number>();
    let attempts = 0;
    let unacknowledged = 0;
    let retries = 0;
    const send = async (i: number) => {
      for (let attempt = 0; ; attempt++) {
        attempts++;
        try {
          const res = await sender.deliver(bodies[i]!, 20_000);
          if (res.status === 200) {
            const answer = JSON.parse(res.body) as { received: number; created: number };
            acked.add(id(i));
            if (answer.created > 0) created.set(id(i), (created.get(id(i)) ?? 0) + answer.created);
            return;
          }
          if (res.status < 500) throw new Error(`Unexpected ${res.status}: ${res.body}`);
        } catch (error) {
          if ((error as Error).message.startsWith('Unexpected')) throw error;
        }
        unacknowledged++;
        await (restarting ?? sleep(Math.min(1_000, 20 * 2 ** Math.min(attempt, 5))));
      }
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: senders }, async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          await send(i);
          acknowledgedCount++;
          maybeKill();
          // The platform sends an acknowledged delivery again now and then.
          if (rand() < retryShare) {
            retries++;
            await send(Math.floor(rand() * (i + 1)));
          }
        }
      }),
    );
    while (restarting) await restarting;
    sender.close();
    await stopServer(server);

    const handle = await openDatabase({ dataDir });
    let stored = 0;
    let lost = 0;
    let duplicated = 0;
    let auditOk = false;
    try {
      ({ stored, lost, duplicated } = await tallyStored(handle.db, desk.orgId, acked, created));
      auditOk = (await createStore(handle).audit.verify(desk.orgId)).ok;
    } finally {
      await handle.close();
    }
    const report: WebhookChaosReport = {
      deliveries: options.deliveries,
      kills,
      attempts,
      unacknowledged,
      platformRetries: retries,
      acknowledged: acked.size,
      stored,
      lost,
      duplicated,
      auditOk,
      seconds: (performance.now() - t0) / 1000,
      seed,
    };
    log(
      `chaos (webhooks): ${fmt(report.deliveries)} signed deliveries, ${report.kills} SIGKILLs, ` +
        `${fmt(report.attempts)} attempts (${fmt(report.unacknowledged)} unacknowledged and retried, ` +
        `${fmt(report.platformRetries)} platform re-sends of acknowledged ones); ` +
        `${report.seconds.toFixed(1)} s, seed ${report.seed}`,
    );
    log(
      `  acknowledged ${fmt(report.acknowledged)}, stored ${fmt(report.stored)}; lost ${report.lost}, ` +
        `duplicated ${report.duplicated} (both must be 0: ${report.lost === 0 && report.duplicated === 0 ? 'met' : 'NOT met'}); ` +
        `audit chain ${report.auditOk ? 'verifies' : 'BROKEN'}`,
    );
    return report;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runWebhookChaos({
    deliveries: numberArg('deliveries', 20_000),
    kills: numberArg('kills', 8),
    senders: numberArg('senders', 16),
    ...seedArg(),
  });
  process.exitCode =
    report.lost === 0 &&
    report.duplicated === 0 &&
    report.stored === report.deliveries &&
    report.auditOk
      ? 0
      : 1;
}
