/**
 * The job worker: claims due jobs from the database with a lease, runs their handler, and
 * completes or retries them with backoff. At least once — a crashed worker's job is claimed again
 * when its lease (≤ 60 s) runs out — so every handler must be idempotent. `runOnce` is what tests
 * and the chaos run drive; `start` loops until stopped.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { retryAt, type Job } from '../../store/index.js';
import type { Desk } from '../context.js';

export interface JobHandler {
  /** Idempotent: may run more than once for one job. */
  perform(desk: Desk, job: Job): Promise<void>;
  /** Lease per attempt; the worker renews it while the handler runs. Default 30 s. */
  leaseMs?: number;
}

export type JobHandlers = Record<string, JobHandler>;

export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly desk: Desk,
    private readonly handlers: JobHandlers,
    private readonly options: { idleMs?: number } = {},
  ) {}

  /** Claim and run one due job. Returns false when nothing was due. */
  async runOnce(): Promise<boolean> {
    const { store, clock, log } = this.desk;
    const types = Object.keys(this.handlers);
    const now = clock.now();
    const job = await store.jobs.claim(this.id, now, 30_000, types);
    if (!job) return false;
    const handler = this.handlers[job.type];
    if (!handler) return true;
    const lease = handler.leaseMs ?? 30_000;
    const beat = setInterval(() => {
      void store.jobs.heartbeat(job.id, this.id, clock.now(), lease).catch(() => undefined);
    }, lease / 3);
    try {
      await handler.perform(this.desk, job);
      await store.jobs.complete(job.id, this.id, clock.now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Job errors name the job, not its payload (which may hold personal data).
      log.warn(
        { job: job.id, type: job.type, attempt: job.attempts, error: message },
        'job failed',
      );
      const at = clock.now();
      await store.jobs.fail(job.id, this.id, {
        now: at,
        retryAt: retryAt(at, job.attempts),
        error: message,
      });
    } finally {
      clearInterval(beat);
    }
    return true;
  }

  /** Run every job that is due now (tests). */
  async drain(max = 1_000): Promise<number> {
    let n = 0;
    while (n < max && (await this.runOnce())) n += 1;
    return n;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const idle = this.options.idleMs ?? 500;
    this.loop = (async () => {
      while (this.running) {
        let worked = false;
        try {
          worked = await this.runOnce();
        } catch (err) {
          this.desk.log.error(
            { error: err instanceof Error ? err.message : String(err) },
            'worker loop error',
          );
        }
        if (!worked && this.running) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, idle);
            this.wake = () => {
              clearTimeout(t);
              resolve();
            };
          });
          this.wake = null;
        }
      }
    })();
  }

  /** Nudge an idle worker (a job was just enqueued in this process). */
  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
