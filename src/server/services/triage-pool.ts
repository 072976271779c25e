/**
 * Triage of large ingest batches on worker threads, so one server uses every core for the
 * costliest part of ingest (about 0.6 ms per item on one core) while its main thread parses,
 * validates and stores other batches.
 *
 * Each worker compiles the same profile the main thread uses (it is sent with every task and
 * compiled once per key), so an item is judged exactly as it would be inline. The pool starts on
 * the first large batch (which is triaged inline while the workers load) and falls back to inline
 * triage for good if a worker cannot start or dies, logging it once: triage never depends on it.
 *
 * Size: `COMMSDESK_TRIAGE_THREADS` (0 turns the pool off), by default one thread per core.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Profile } from '../../core/profile/schema.js';
import type { InboundItem } from '../../core/triage/labels.js';
import type { Logger } from '../context.js';

/** Batches smaller than this are triaged inline: a round trip to a thread costs more. */
export const POOL_MIN_BATCH = 64;

/** What the worker sends back per item: the stored triage fields. */
export interface TriagedFields {
  labels: string[];
  urgent: boolean;
  routes: string[];
  sentiment: string | null;
  triage: Record<string, unknown>;
  dueAt: Date | null;
}

export interface TriageTask {
  /** Identifies the profile version: the worker compiles a profile once per key. */
  profileKey: string;
  profile: Profile;
  items: { inbound: InboundItem; receivedAt: Date; permalink: string | null }[];
}

interface Pending {
  resolve(rows: TriagedFields[]): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

/** One key per profile object: a changed profile is a new object, so a new key. */
const profileKeys = new WeakMap<Profile, string>();
let nextProfileKey = 1;

const pools = new WeakMap<object, TriagePool>();

/** The pool of one desk (created on first use; its threads start on the first large batch). */
export function triagePoolFor(desk: { log: Logger }): TriagePool {
  let pool = pools.get(desk);
  if (!pool) {
    pool = new TriagePool(poolSize(), desk.log);
    pools.set(desk, pool);
  }
  return pool;
}

export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.COMMSDESK_TRIAGE_THREADS;
  if (text === undefined || text === '') return availableParallelism();
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 32) : availableParallelism();
}

export class TriagePool {
  private threads: Thread[] = [];
  private started = false;
  private broken = false;
  private nextId = 1;
  private turn = 0;
  private pooled = 0;
  private readyWaiters: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly log: Logger,
  ) {}

  /** Whether a batch of `n` items should go to the pool now (starting it if needed). */
  wants(n: number): boolean {
    if (this.size === 0 || this.broken || n < POOL_MIN_BATCH) return false;
    if (!this.started) this.start();
    return this.threads.some((t) => t.ready);
  }

  /** Triage `items` with `profile`, split across the ready threads; results in input order. */
  async run(profile: Profile, items: TriageTask['items']): Promise<TriagedFields[]> {
    let profileKey = profileKeys.get(profile);
    if (!profileKey) {
      profileKey = `p${nextProfileKey++}`;
      profileKeys.set(profile, profileKey);
    }
    const task: TriageTask = { profileKey, profile, items };
    const ready = this.threads.filter((t) => t.ready);
    if (ready.length === 0) throw new Error('No triage thread is ready');
    const parts = Math.min(ready.length, Math.ceil(task.items.length / (POOL_MIN_BATCH / 2)));
    const per = Math.ceil(task.items.length / parts);
    const jobs: Promise<TriagedFields[]>[] = [];
    for (let i = 0; i < parts; i++) {
      const thread = ready[(this.turn + i) % ready.length]!;
      jobs.push(this.send(thread, { ...task, items: task.items.slice(i * per, (i + 1) * per) }));
    }
    this.turn = (this.turn + parts) % ready.length;
    this.pooled++;
    return (await Promise.all(jobs)).flat();
  }

  /** What the pool did so far (for tests and benchmarks). */
  stats(): { size: number; ready: number; pooledBatches: number; broken: boolean } {
    return {
      size: this.size,
      ready: this.threads.filter((t) => t.ready).length,
      pooledBatches: this.pooled,
      broken: this.broken,
    };
  }

  /** Start the threads now and resolve when all are ready (true) or the pool gave up (false). */
  warm(): Promise<boolean> {
    if (this.size === 0) return Promise.resolve(false);
    if (!this.started) this.start();
    return new Promise((resolve) => {
      const check = () => {
        if (this.broken) return resolve(false);
        if (this.threads.length > 0 && this.threads.every((t) => t.ready)) return resolve(true);
        this.readyWaiters.push(check);
      };
      check();
    });
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    this.broken = true;
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private start(): void {
    this.started = true;
    try {
      for (let i = 0; i < this.size; i++) this.threads.push(this.spawn());
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private spawn(): Thread {
    const entry = new URL(
      import.meta.url.endsWith('.ts') ? './triage-worker.ts' : './triage-worker.js',
      import.meta.url,
    );
    // Under tsx (how `commsdesk` runs from source) a thread does not inherit the TypeScript
    // loader: register it first, then load the worker module.
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(
          new URL(
            'data:text/javascript,' +
              encodeURIComponent(
                `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};` +
                  `register(); await import(${JSON.stringify(entry.href)});`,
              ),
          ),
        )
      : new Worker(entry);
    worker.unref();
    const thread: Thread = { worker, ready: false, pending: new Map() };
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'ready') {
        thread.ready = true;
        this.wake();
        return;
      }
      const pending = thread.pending.get(message.id);
      if (!pending) return;
      thread.pending.delete(message.id);
      if (thread.pending.size === 0) worker.unref();
      if (message.type === 'done') pending.resolve(message.rows);
      else pending.reject(new Error(message.message));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.broken) this.fail(new Error(`A triage thread stopped (exit code ${code})`));
    });
    return thread;
  }

  private send(thread: Thread, task: TriageTask): Promise<TriagedFields[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.ref();
      thread.worker.postMessage({ id, task });
    });
  }

  /** Stop using threads: reject what they hold (the caller triages inline) and say so once. */
  private fail(error: Error): void {
    if (!this.broken) {
      this.log.warn(
        { error: error.message },
        'Triage threads are unavailable; triaging on the main thread',
      );
    }
    this.broken = true;
    for (const t of this.threads) {
      for (const p of t.pending.values()) p.reject(error);
      t.pending.clear();
      void t.worker.terminate();
    }
    this.threads = [];
    this.wake();
  }

  private wake(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; rows: TriagedFields[] }
  | { type: 'failed'; id: number; message: string };
