/**
 * Converting values between the domain and either database. The two drivers disagree on almost
 * every type (see schema.ts), so every read and write of a non-text column goes through here.
 */
import type { Kysely } from 'kysely';
import type { Actor } from './model.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** The database plus the dialect-specific conversions a repository needs. */
export interface StoreContext {
  db: Kysely<Database>;
  dialect: Dialect;
}

/**
 * Run `fn` in a transaction, or inside the caller's when `ctx` is already one: services compose
 * several repository calls (save the item, append to the audit log) into one commit.
 */
export async function inTransaction<T>(
  ctx: StoreContext,
  fn: (ctx: StoreContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ db: trx, dialect: ctx.dialect }));
}

/** Times are written as ISO-8601 UTC text with milliseconds: sortable as text on SQLite. */
export function toIso(d: Date): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new TypeError(`Unexpected time ${String(d)}, expected a valid Date`);
  }
  return d.toISOString();
}

export function isoOrNull(d: Date | null | undefined): string | null {
  return d ? toIso(d) : null;
}

export function toDate(v: Date | string): Date {
  return v instanceof Date ? v : new Date(v);
}

export function dateOrNull(v: Date | string | null): Date | null {
  return v === null ? null : toDate(v);
}

/** pg returns bigint columns and `count(*)` as strings. */
export function toNumber(v: number | string | bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Unexpected number ${String(v)}`);
  return n;
}

export function numberOrNull(v: number | string | bigint | null): number | null {
  return v === null ? null : toNumber(v);
}

/** better-sqlite3 cannot bind booleans. */
export function bool(dialect: Dialect, b: boolean): boolean | number {
  return dialect === 'sqlite' ? (b ? 1 : 0) : b;
}

export function fromBool(v: boolean | number): boolean {
  return v === true || v === 1;
}

/** JSON is always written as text: pg would turn a JS array into a PostgreSQL array literal. */
export function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}

export function jsonOrNull(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/** SQLite hands back the text; pg has already parsed jsonb. */
export function fromJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export function actorText(a: Actor): string {
  if (a === 'system') return 'system';
  if (!Number.isSafeInteger(a) || a <= 0) {
    throw new TypeError(`Unexpected actor ${String(a)}, expected a user id or "system"`);
  }
  return String(a);
}

export function fromActor(v: string): Actor {
  return v === 'system' ? 'system' : Number(v);
}

export function actorOrNull(v: string | null): Actor | null {
  return v === null ? null : fromActor(v);
}
