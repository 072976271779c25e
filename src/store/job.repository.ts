/**
 * Jobs persisted in the database, the same on SQLite (embedded) and PostgreSQL: SLA sweeps,
 * escalations, scheduled publishing, acknowledgements, erasure. At least once: a worker claims a
 * job with a lease of at most a minute; if it crashes, the lease runs out and another worker
 * claims the job again. Handlers must therefore be idempotent. Time is always passed in.
 *
 * Workers serve every organisation, so `claim`, `complete`, `fail` and `heartbeat` work by job id
 * and worker id; everything that reads or creates jobs for a purpose takes the organisation.
 */
import { sql, type Selectable } from 'kysely';
import {
  dateOrNull,
  fromJson,
  inTransaction,
  json,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import type { Job, JobStatus, NewJob } from './model.js';
import type { JobsTable } from './schema.js';

/** A crashed worker's job is claimable again after at most this long. */
export const MAX_LEASE_MS = 60_000;
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Rows per INSERT in {@link JobRepository.enqueueMany}: 9 parameters each, well under SQLite's limit. */
export const ENQUEUE_CHUNK = 500;

/** Exponential backoff: 2^(attempts-1) × base, capped. Attempts count from 1. */
export function retryAt(
  now: Date,
  attempts: number,
  options: { baseMs?: number; maxMs?: number } = {},
): Date {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 15 * 60_000;
  const delay = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay);
}

/** The row of a new job (shared by `enqueue` and `enqueueMany`), checking its attempt limit. */
function jobRow(job: NewJob, createdAt: string) {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`Unexpected maxAttempts ${maxAttempts}, expected a whole number ≥ 1`);
  }
  return {
    organisation_id: job.organisationId,
    type: job.type,
    payload: json(job.payload),
    status: 'queued' as const,
    run_at: toIso(job.runAt),
    attempts: 0,
    max_attempts: maxAttempts,
    unique_key: job.uniqueKey ?? null,
    created_at: createdAt,
  };
}

export class JobRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Add a job. With a `uniqueKey`, enqueueing again (even after the job ran) returns the job
   * already there with `created: false`: "publish post 12" is enqueued once however often asked.
   */
  async enqueue(job: NewJob, now: Date): Promise<{ job: Job; created: boolean }> {
    const row = await this.ctx.db
      .insertInto('jobs')
      .values(jobRow(job, toIso(now)))
      .onConflict((oc) => oc.columns(['organisation_id', 'unique_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return { job: toJob(row), created: true };
    const existing = await this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', job.organisationId)
      .where('unique_key', '=', job.uniqueKey ?? '')
      .executeTakeFirstOrThrow();
    return { job: toJob(existing), created: false };
  }

  /**
   * Add many jobs at once: one `INSERT … ON CONFLICT DO NOTHING` per chunk of
   * {@link ENQUEUE_CHUNK} rows, for ingest, which schedules a few jobs per item. `uniqueKey`
   * means what it means for {@link enqueue}: a key the organisation already has (from an earlier
   * call, a concurrent one, or earlier in `jobs`) adds nothing. Returns only the jobs created now,
   * in id order; a job without a key is always created.
   */
  async enqueueMany(jobs: readonly NewJob[], now: Date): Promise<Job[]> {
    if (jobs.length === 0) return [];
    const createdAt = toIso(now);
    const rows = jobs.map((job) => jobRow(job, createdAt));
    // Keys in one order for every caller, so concurrent batches on PostgreSQL take the unique
    // index's locks in the same order and cannot deadlock on each other.
    const order = (k: string | null) => (k === null ? '\uffff' : k);
    rows.sort((a, b) => {
      if (a.organisation_id !== b.organisation_id) return a.organisation_id - b.organisation_id;
      const [x, y] = [order(a.unique_key), order(b.unique_key)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const run = async (db: StoreContext['db']) => {
      const created: Job[] = [];
      for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) {
        const inserted = await db
          .insertInto('jobs')
          .values(rows.slice(i, i + ENQUEUE_CHUNK))
          .onConflict((oc) => oc.columns(['organisation_id', 'unique_key']).doNothing())
          .returningAll()
          .execute();
        created.push(...inserted.map(toJob));
      }
      return created.sort((a, b) => a.id - b.id);
    };
    if (rows.length <= ENQUEUE_CHUNK) return run(this.ctx.db);
    return inTransaction(this.ctx, (tx) => run(tx.db));
  }

  /**
   * Claim the next due job (of `types`, when given) for `workerId` until `now + leaseMs`. Jobs
   * whose lease ran out are due again. A job that used up its attempts by crashing is failed
   * instead of claimed. Two workers never hold the same job at once.
   */
  async claim(
    workerId: string,
    now: Date,
    leaseMs: number,
    types?: readonly string[],
  ): Promise<Job | null> {
    if (!(leaseMs > 0 && leaseMs <= MAX_LEASE_MS)) {
      throw new RangeError(`Unexpected lease ${leaseMs} ms, expected 1–${MAX_LEASE_MS} ms`);
    }
    if (types && types.length === 0) return null;
    const nowIso = toIso(now);
    return inTransaction(this.ctx, async (tx) => {
      let reap = tx.db
        .updateTable('jobs')
        .set({
          status: 'failed',
          run_at: null,
          locked_by: null,
          finished_at: nowIso,
          last_error: sql<string>`coalesce(last_error, 'lease expired')`,
        })
        .where('status', '=', 'running')
        .where('run_at', '<=', nowIso)
        .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')));
      if (types) reap = reap.where('type', 'in', types);
      await reap.execute();

      const row = await tx.db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_by: workerId,
          run_at: toIso(new Date(now.getTime() + leaseMs)),
        }))
        .where('id', '=', (eb) => {
          let next = eb
            .selectFrom('jobs')
            .select('id')
            .where('run_at', '<=', nowIso)
            .where('status', 'in', ['queued', 'running'])
            .where((e) => e('attempts', '<', e.ref('max_attempts')));
          if (types) next = next.where('type', 'in', types);
          next = next.orderBy('run_at').orderBy('id').limit(1);
          // PostgreSQL: concurrent claimers skip a row another is taking instead of waiting for
          // it. SQLite has one writer, so the UPDATE … WHERE id = (SELECT …) is already atomic.
          return tx.dialect === 'postgres' ? next.forUpdate().skipLocked() : next;
        })
        .returningAll()
        .executeTakeFirst();
      return row ? toJob(row) : null;
    });
  }

  /** Extend the lease of a job still held by `workerId`; false when it was lost meanwhile. */
  async heartbeat(jobId: number, workerId: string, now: Date, leaseMs: number): Promise<boolean> {
    if (!(leaseMs > 0 && leaseMs <= MAX_LEASE_MS)) {
      throw new RangeError(`Unexpected lease ${leaseMs} ms, expected 1–${MAX_LEASE_MS} ms`);
    }
    const rows = await this.ctx.db
      .updateTable('jobs')
      .set({ run_at: toIso(new Date(now.getTime() + leaseMs)) })
      .where('id', '=', jobId)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  /** Done. False when `workerId` no longer holds the job (its lease ran out and it was re-claimed). */
  async complete(jobId: number, workerId: string, now: Date): Promise<boolean> {
    const rows = await this.ctx.db
      .updateTable('jobs')
      .set({ status: 'done', run_at: null, locked_by: null, finished_at: toIso(now) })
      .where('id', '=', jobId)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  /**
   * The attempt failed: run again at `retryAt`, or, when the attempts are used up, fail for good.
   * Null when `workerId` no longer holds the job.
   */
  async fail(
    jobId: number,
    workerId: string,
    failure: { now: Date; retryAt: Date; error: string },
  ): Promise<Job | null> {
    return inTransaction(this.ctx, async (tx) => {
      const held = await tx.db
        .selectFrom('jobs')
        .select(['attempts', 'max_attempts'])
        .where('id', '=', jobId)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (!held) return null;
      const exhausted = held.attempts >= held.max_attempts;
      const row = await tx.db
        .updateTable('jobs')
        .set({
          status: exhausted ? 'failed' : 'queued',
          run_at: exhausted ? null : toIso(failure.retryAt),
          finished_at: exhausted ? toIso(failure.now) : null,
          locked_by: null,
          last_error: failure.error.slice(0, 4_000),
        })
        .where('id', '=', jobId)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'running')
        .returningAll()
        .executeTakeFirst();
      return row ? toJob(row) : null;
    });
  }

  /** Cancel a job that has not started (a scheduled post withdrawn, say). */
  async cancel(organisationId: number, jobId: number, now: Date): Promise<boolean> {
    const rows = await this.ctx.db
      .updateTable('jobs')
      .set({ status: 'cancelled', run_at: null, finished_at: toIso(now) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', jobId)
      .where('status', '=', 'queued')
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  async get(organisationId: number, jobId: number): Promise<Job | null> {
    const row = await this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', jobId)
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async byUniqueKey(organisationId: number, uniqueKey: string): Promise<Job | null> {
    const row = await this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('unique_key', '=', uniqueKey)
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async list(
    organisationId: number,
    filter: { type?: string; status?: JobStatus[]; limit?: number } = {},
  ): Promise<Job[]> {
    let q = this.ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('organisation_id', '=', organisationId);
    if (filter.type !== undefined) q = q.where('type', '=', filter.type);
    if (filter.status) q = q.where('status', 'in', filter.status);
    const rows = await q
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toJob);
  }
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: toNumber(row.id),
    organisationId: toNumber(row.organisation_id),
    type: row.type,
    payload: fromJson<unknown>(row.payload),
    status: row.status as JobStatus,
    runAt: dateOrNull(row.run_at),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    uniqueKey: row.unique_key,
    lockedBy: row.locked_by,
    lastError: row.last_error,
    createdAt: toDate(row.created_at),
    finishedAt: dateOrNull(row.finished_at),
  };
}
