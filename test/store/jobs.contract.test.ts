import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { MAX_LEASE_MS, retryAt } from '../../src/store/job.repository.js';
import type { Job } from '../../src/store/model.js';
import { at, describeEachDatabase } from './databases.js';

/** Claims are across organisations, so each test works on job types of its own. */
function jobType(name: string): string {
  return `${name}.${randomBytes(4).toString('hex')}`;
}

const LEASE = 30_000;
const ms = (date: Date, n: number) => new Date(date.getTime() + n);

describeEachDatabase('jobs', (get) => {
  it('claims a due job with a lease, and nothing that is not due yet', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const type = jobType('sla.sweep');
    const { job, created } = await store.jobs.enqueue(
      { organisationId: org.id, type, payload: { itemId: 12, note: 'first' }, runAt: at(10) },
      at(0),
    );
    expect(created).toBe(true);
    expect(job).toMatchObject({
      status: 'queued',
      attempts: 0,
      maxAttempts: 5,
      runAt: at(10),
      lockedBy: null,
    });

    expect(await store.jobs.claim('w1', at(9), LEASE, [type])).toBeNull();
    const claimed = await store.jobs.claim('w1', at(10), LEASE, [type]);
    expect(claimed).toMatchObject({
      id: job.id,
      status: 'running',
      attempts: 1,
      lockedBy: 'w1',
      runAt: ms(at(10), LEASE),
      payload: { itemId: 12, note: 'first' },
    });
    expect(await store.jobs.claim('w2', at(10), LEASE, [type])).toBeNull();
    expect(await store.jobs.complete(job.id, 'w2', at(11))).toBe(false);
    expect(await store.jobs.complete(job.id, 'w1', at(11))).toBe(true);
    expect(await store.jobs.get(org.id, job.id)).toMatchObject({
      status: 'done',
      runAt: null,
      finishedAt: at(11),
    });
    expect(await store.jobs.claim('w2', at(100), LEASE, [type])).toBeNull();
  });

  it('claims in order of due time, then id, and only of the asked types', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const [early, late, other] = [jobType('early'), jobType('late'), jobType('other')];
    const enqueue = (type: string, runAt: Date) =>
      store.jobs.enqueue({ organisationId: org.id, type, payload: null, runAt }, at(0));
    const b = await enqueue(late, at(5));
    const a = await enqueue(early, at(1));
    await enqueue(other, at(0));
    expect((await store.jobs.claim('w', at(10), LEASE, [early, late]))?.id).toBe(a.job.id);
    expect((await store.jobs.claim('w', at(10), LEASE, [early, late]))?.id).toBe(b.job.id);
    expect(await store.jobs.claim('w', at(10), LEASE, [early, late])).toBeNull();
    expect(await store.jobs.claim('w', at(10), LEASE, [])).toBeNull();
  });

  it('enqueues once per unique key and organisation, even after the job ran', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const other = await organisation('other');
    const type = jobType('publish');
    const job = {
      organisationId: org.id,
      type,
      payload: { postId: 1 },
      runAt: at(1),
      uniqueKey: 'publish:1',
    };
    const first = await store.jobs.enqueue(job, at(0));
    const again = await store.jobs.enqueue({ ...job, payload: { postId: 'changed' } }, at(0));
    expect(again).toEqual({ job: first.job, created: false });
    const elsewhere = await store.jobs.enqueue({ ...job, organisationId: other.id }, at(0));
    expect(elsewhere.created).toBe(true);

    await store.jobs.claim('w', at(1), LEASE, [type]);
    await store.jobs.claim('w', at(1), LEASE, [type]);
    await store.jobs.complete(first.job.id, 'w', at(2));
    const afterwards = await store.jobs.enqueue(job, at(3));
    expect(afterwards).toMatchObject({ created: false, job: { id: first.job.id, status: 'done' } });
    expect(await store.jobs.byUniqueKey(org.id, 'publish:1')).toMatchObject({ id: first.job.id });

    const racing = await Promise.all(
      Array.from({ length: 6 }, () => store.jobs.enqueue({ ...job, uniqueKey: 'race' }, at(0))),
    );
    expect(new Set(racing.map((r) => r.job.id)).size).toBe(1);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
  });

  it('enqueues many at once with the same unique-key rules, returning only the created', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const other = await organisation('other');
    const type = jobType('sla.due');
    const job = (key: string | null, organisationId = org.id, runAt = at(5)) => ({
      organisationId,
      type,
      payload: { key },
      runAt,
      ...(key !== null ? { uniqueKey: key } : {}),
    });
    expect(await store.jobs.enqueueMany([], at(0))).toEqual([]);
    const before = await store.jobs.enqueue(job('many:a'), at(0));

    const created = await store.jobs.enqueueMany(
      [
        job('many:a'), // already there: nothing
        job('many:b'),
        job('many:b'), // twice in one batch: once
        job('many:a', other.id), // another organisation's key space
        job(null),
        job(null), // no key: always created
      ],
      at(1),
    );
    expect(created.map((j) => [j.organisationId, j.uniqueKey])).toEqual(
      expect.arrayContaining([
        [org.id, 'many:b'],
        [other.id, 'many:a'],
        [org.id, null],
        [org.id, null],
      ]),
    );
    expect(created).toHaveLength(4);
    expect(created.map((j) => j.id)).toEqual([...created.map((j) => j.id)].sort((a, b) => a - b));
    expect(created.find((j) => j.uniqueKey === 'many:b')).toMatchObject({
      status: 'queued',
      attempts: 0,
      maxAttempts: 5,
      runAt: at(5),
      createdAt: at(1),
      payload: { key: 'many:b' },
    });
    expect(await store.jobs.byUniqueKey(org.id, 'many:a')).toMatchObject({
      id: before.job.id,
      payload: { key: 'many:a' },
    });
    // A later single enqueue of a key made in bulk finds it.
    expect((await store.jobs.enqueue(job('many:b'), at(2))).created).toBe(false);

    // More than one chunk, racing another batch over the same keys: each key once.
    const keys = Array.from({ length: 1_234 }, (_, i) => job(`bulk:${i}`));
    const [x, y] = await Promise.all([
      store.jobs.enqueueMany(keys, at(3)),
      store.jobs.enqueueMany([...keys].reverse(), at(3)),
    ]);
    expect(x.length + y.length).toBe(1_234);
    expect(new Set([...x, ...y].map((j) => j.uniqueKey)).size).toBe(1_234);
    const claimed = await store.jobs.claim('w', at(5), LEASE, [type]);
    expect(claimed?.type).toBe(type);
    await expect(
      store.jobs.enqueueMany([{ ...job('bad'), maxAttempts: 0 }], at(0)),
    ).rejects.toThrow(RangeError);
  });

  it('retries a failed job at the time asked, and fails it for good after its attempts', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const type = jobType('notify');
    const { job } = await store.jobs.enqueue(
      { organisationId: org.id, type, payload: {}, runAt: at(0), maxAttempts: 3 },
      at(0),
    );
    let now = at(0);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const claimed = await store.jobs.claim('w', now, LEASE, [type]);
      expect(claimed).toMatchObject({ id: job.id, attempts: attempt });
      const next = retryAt(now, attempt, { baseMs: 60_000 });
      const failed = await store.jobs.fail(job.id, 'w', {
        now,
        retryAt: next,
        error: `SMTP 451 (try ${attempt})`,
      });
      if (attempt < 3) {
        expect(failed).toMatchObject({
          status: 'queued',
          runAt: next,
          lastError: `SMTP 451 (try ${attempt})`,
          lockedBy: null,
        });
        expect(await store.jobs.claim('w', ms(next, -1), LEASE, [type])).toBeNull();
        now = next;
      } else {
        expect(failed).toMatchObject({
          status: 'failed',
          runAt: null,
          attempts: 3,
          finishedAt: now,
        });
      }
    }
    expect(await store.jobs.claim('w', at(10_000), LEASE, [type])).toBeNull();
    expect(await store.jobs.fail(job.id, 'w', { now, retryAt: now, error: 'late' })).toBeNull();
  });

  it('backs off exponentially, capped', () => {
    const now = at(0);
    expect([1, 2, 3, 4].map((n) => retryAt(now, n).getTime() - now.getTime())).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(retryAt(now, 30).getTime() - now.getTime()).toBe(15 * 60_000);
  });

  it("re-claims a crashed worker's job once its lease has run out (within a minute)", async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const type = jobType('escalate');
    const { job } = await store.jobs.enqueue(
      { organisationId: org.id, type, payload: {}, runAt: at(0) },
      at(0),
    );
    await expect(store.jobs.claim('w', at(0), MAX_LEASE_MS + 1, [type])).rejects.toThrow(/lease/);

    expect(await store.jobs.claim('crashed', at(0), LEASE, [type])).toMatchObject({ attempts: 1 });
    expect(await store.jobs.claim('w2', ms(at(0), LEASE - 1), LEASE, [type])).toBeNull();
    const reclaimed = await store.jobs.claim('w2', ms(at(0), LEASE), LEASE, [type]);
    expect(reclaimed).toMatchObject({ id: job.id, lockedBy: 'w2', attempts: 2 });
    // The first worker comes back: it no longer holds the job.
    expect(await store.jobs.complete(job.id, 'crashed', ms(at(0), LEASE + 1))).toBe(false);
    expect(await store.jobs.heartbeat(job.id, 'crashed', ms(at(0), LEASE + 1), LEASE)).toBe(false);
    // A heartbeat keeps it from being taken while the work goes on.
    expect(await store.jobs.heartbeat(job.id, 'w2', ms(at(0), 2 * LEASE - 1), LEASE)).toBe(true);
    expect(await store.jobs.claim('w3', ms(at(0), 2 * LEASE), LEASE, [type])).toBeNull();
    expect(await store.jobs.complete(job.id, 'w2', ms(at(0), 2 * LEASE))).toBe(true);
  });

  it('fails a job whose every attempt crashed instead of claiming it forever', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const type = jobType('poison');
    const { job } = await store.jobs.enqueue(
      { organisationId: org.id, type, payload: {}, runAt: at(0), maxAttempts: 2 },
      at(0),
    );
    expect(await store.jobs.claim('a', at(0), LEASE, [type])).not.toBeNull();
    expect(await store.jobs.claim('b', at(1), LEASE, [type])).toMatchObject({ attempts: 2 });
    expect(await store.jobs.claim('c', at(2), LEASE, [type])).toBeNull();
    expect(await store.jobs.get(org.id, job.id)).toMatchObject({
      status: 'failed',
      lastError: 'lease expired',
      runAt: null,
    });
  });

  it('never lets two workers claim the same job, even when they claim at once', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const type = jobType('bulk');
    const count = 40;
    for (let i = 0; i < count; i += 1) {
      await store.jobs.enqueue(
        { organisationId: org.id, type, payload: { i }, runAt: at(0) },
        at(0),
      );
    }
    const claims = new Map<number, string>();
    const duplicates: number[] = [];
    const worker = async (name: string) => {
      for (let misses = 0; misses < 3;) {
        const job: Job | null = await store.jobs.claim(name, at(1), LEASE, [type]);
        if (!job) {
          misses += 1;
          continue;
        }
        if (claims.has(job.id)) duplicates.push(job.id);
        claims.set(job.id, name);
        expect(await store.jobs.complete(job.id, name, at(1))).toBe(true);
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) => worker(`w${i}`)));
    expect(duplicates).toEqual([]);
    expect(claims.size).toBe(count);
    expect(await store.jobs.list(org.id, { type, status: ['done'] })).toHaveLength(count);
  });

  it('keeps organisations apart and cancels only jobs that have not started', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const other = await organisation('other');
    const type = jobType('ack');
    const { job } = await store.jobs.enqueue(
      { organisationId: org.id, type, payload: {}, runAt: at(5) },
      at(0),
    );
    expect(await store.jobs.get(other.id, job.id)).toBeNull();
    expect(await store.jobs.list(other.id, { type })).toEqual([]);
    expect(await store.jobs.cancel(other.id, job.id, at(1))).toBe(false);
    expect(await store.jobs.cancel(org.id, job.id, at(1))).toBe(true);
    expect(await store.jobs.get(org.id, job.id)).toMatchObject({
      status: 'cancelled',
      runAt: null,
    });
    expect(await store.jobs.claim('w', at(10), LEASE, [type])).toBeNull();
  });
});
