/**
 * Every migration, in code (no directory scanning: the sources are the artefact, and a bundler
 * or tsx sees them as ordinary imports). Add `0002-….ts` here; names sort in the order they run.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { Database } from '../schema.js';
import * as initial from './0001-initial.js';
import * as signIn from './0002-sign-in.js';
import * as publishing from './0003-publishing.js';
import * as oncall from './0004-oncall.js';
import * as connections from './0005-connections.js';
import * as dmDelivery from './0006-dm-delivery.js';
import * as advice from './0007-advice.js';
import * as handoffResponse from './0008-handoff-response.js';
import { dialectOf } from './dialect.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-sign-in': signIn,
  '0003-publishing': publishing,
  '0004-oncall': oncall,
  '0005-connections': connections,
  '0006-dm-delivery': dmDelivery,
  '0007-advice': advice,
  '0008-handoff-response': handoffResponse,
};

/**
 * Kysely's migrator. On PostgreSQL its bookkeeping tables are pinned to the current schema:
 * otherwise it looks for them in every schema, finds another schema's (a second deployment or
 * test run on the same server) and never creates its own.
 */
export async function migrator(db: Kysely<Database>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db as Kysely<unknown>) === 'postgres') {
    const { rows } = await sql<{
      schema: string | null;
    }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    // Capabilities add numbered migrations in parallel; an older database may meet one that
    // sorts before its newest. Each migration only adds its own tables, so order is free.
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/** A migration failed; the message names it and says what was applied before it. */
export class MigrationError extends Error {
  readonly results: readonly MigrationResult[];
  constructor(message: string, results: readonly MigrationResult[], cause: unknown) {
    super(message, { cause });
    this.name = 'MigrationError';
    this.results = results;
  }
}

/** Bring the schema up to date. Returns the names applied now (empty when it already was). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results = [] } = await (await migrator(db)).migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error');
    const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      failed
        ? `Migration ${failed.migrationName} failed: ${reason}` +
            (applied.length > 0 ? ` (applied before it: ${applied.join(', ')})` : '') +
            '. The failed migration was rolled back; fix the cause and start again.'
        : `Migrations could not run: ${reason}`,
      results,
      error,
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
