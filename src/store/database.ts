/**
 * Opening the desk's database: embedded SQLite by default, PostgreSQL when a URL is given.
 *
 * @example
 * const handle = await openDatabase({ dataDir: './data' });
 * await migrateToLatest(handle.db);
 * const store = createStore(handle);
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { Dialect } from './codec.js';
import type { Database } from './schema.js';

export type { Dialect } from './codec.js';

export interface OpenOptions {
  /** `postgres://…` or `postgresql://…`; without it the embedded SQLite database is used. */
  url?: string;
  /** Where the SQLite file lives (default `./data`). */
  dataDir?: string;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data is: the SQLite file, or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** The SQLite file name inside the data directory. */
export const SQLITE_FILE = 'commsdesk.sqlite';

/** How long a SQLite writer waits for another (another process, say) before giving up. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Kysely begins SQLite transactions with a deferred `BEGIN`: a transaction that reads, then writes,
 * fails with SQLITE_BUSY if another connection wrote in between, whatever the busy timeout. The desk's
 * transactions write (ingest, audit appends, claims), so they take the write lock up front.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** SQLite runs DDL inside transactions; telling Kysely so makes a failed migration roll back. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Open (creating if needed) the database. Run {@link migrateToLatest} before using it. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const { url } = options;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `Unexpected database URL "${redact(url)}", expected postgres://user@host:port/database`,
      );
    }
    return openPostgres(url);
  }
  return openSqlite(resolve(options.dataDir ?? './data'));
}

function openSqlite(dataDir: string): DatabaseHandle {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SQLITE_FILE);
  const sqlite = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets readers work beside the one writer. synchronous=FULL makes every commit durable
  // before it returns: with NORMAL, WAL may lose the last commits on power loss, and an ingest
  // that was acknowledged to a platform must survive.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server emits 'error' on the pool; without a listener Node
  // would exit. The next query reports the problem to its caller instead.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { db, dialect: 'postgres', location: redact(url), close: () => db.destroy() };
}

/** A URL fit for messages: without its password. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
