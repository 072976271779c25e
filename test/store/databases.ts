/**
 * Runs one repository contract suite against every database the desk supports.
 *
 * SQLite: a fresh file in a temporary folder per suite. PostgreSQL (`COMMSDESK_TEST_PG_URL`,
 * default postgres://postgres@127.0.0.1:5432/test): a fresh schema per suite, selected through
 * `search_path`, dropped afterwards. When PostgreSQL cannot be reached, the PostgreSQL half fails
 * on CI (`CI=true`) and is skipped, with a message saying so, elsewhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrations/index.js';
import { createStore, type Store } from '../../src/store/store.js';
import type { Dialect } from '../../src/store/codec.js';
import type { Organisation } from '../../src/store/model.js';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];
export const PG_URL =
  process.env.COMMSDESK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ON_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Why PostgreSQL cannot be used, or null when it can. Checked once per test file. */
const postgresProblem: string | null = await probePostgres();

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  dialect: Dialect;
  handle: DatabaseHandle;
  store: Store;
  /** Another connection to the same database (a second process, as far as the database knows). */
  openAnother(): Promise<Store>;
  /** A fresh organisation for one test, so tests never see each other's rows. */
  organisation(name?: string): Promise<Organisation>;
}

/** A clock for tests: minutes after a fixed Monday morning. */
export const T0 = new Date('2026-03-02T09:00:00.000Z');
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

let counter = 0;
function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}

async function setUp(dialect: Dialect): Promise<{ db: TestDatabase; tearDown(): Promise<void> }> {
  const extra: DatabaseHandle[] = [];
  let open: () => Promise<DatabaseHandle>;
  let cleanUp: () => Promise<void>;

  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'commsdesk-store-'));
    open = () => openDatabase({ dataDir: dir });
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    if (postgresProblem !== null) {
      throw new Error(
        `PostgreSQL is required on CI but ${PG_URL} cannot be reached: ${postgresProblem}. ` +
          'Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set COMMSDESK_TEST_PG_URL.',
      );
    }
    const schema = uniqueName('cd_test').replace(/-/g, '_');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    const url =
      PG_URL +
      (PG_URL.includes('?') ? '&' : '?') +
      'options=' +
      encodeURIComponent(`-c search_path=${schema}`);
    open = () => openDatabase({ url });
    cleanUp = async () => {
      await admin.query(`drop schema "${schema}" cascade`);
      await admin.end();
    };
  }

  let handle: DatabaseHandle;
  try {
    handle = await open();
    try {
      await migrateToLatest(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const store = createStore(handle);
  const db: TestDatabase = {
    dialect,
    handle,
    store,
    openAnother: async () => {
      const another = await open();
      extra.push(another);
      return createStore(another);
    },
    organisation: (name = 'org') =>
      store.organisations.create(
        { slug: uniqueName(name), name: `Test ${name}`, profileId: 'nhs-default' },
        T0,
      ),
  };
  return {
    db,
    tearDown: async () => {
      for (const h of extra) await h.close();
      await handle.close();
      await cleanUp();
    },
  };
}

/**
 * `describe` the same tests once per database. `get()` returns the suite's database inside
 * hooks and tests.
 */
export function describeEachDatabase(
  name: string,
  tests: (get: () => TestDatabase, dialect: Dialect) => void,
): void {
  describe.each(DIALECTS)(`${name} (%s)`, (dialect) => {
    const skip = dialect === 'postgres' && postgresProblem !== null && !ON_CI;
    if (skip) {
      console.warn(
        `Skipping the PostgreSQL half of "${name}": ${PG_URL} cannot be reached (${postgresProblem}). ` +
          'On CI (CI=true) this fails instead.',
      );
    }
    describe.skipIf(skip)('contract', () => {
      let current: Awaited<ReturnType<typeof setUp>> | undefined;
      // A set-up failure fails every test of the suite (rather than skipping them quietly),
      // so an unreachable PostgreSQL on CI shows up in the failed count.
      let failure: unknown;
      beforeAll(async () => {
        try {
          current = await setUp(dialect);
        } catch (error) {
          failure = error;
        }
      }, 30_000);
      afterAll(async () => {
        await current?.tearDown();
      });
      tests(() => {
        if (failure !== undefined) throw failure;
        if (!current) throw new Error(`The ${dialect} database was not set up`);
        return current.db;
      }, dialect);
    });
  });
}
