/**
 * What a migration needs to know about the database it runs on. One migration set serves both
 * dialects; these are the only places they differ (ids, times, JSON, booleans, strict tables).
 */
import {
  PostgresAdapter,
  sql,
  type ColumnDataType,
  type CreateTableBuilder,
  type Expression,
  type Kysely,
} from 'kysely';
import type { Dialect } from '../codec.js';

type Table = CreateTableBuilder<string, string>;

export interface ColumnTypes {
  dialect: Dialect;
  /** Foreign keys to a generated id. */
  ref: ColumnDataType;
  time: ColumnDataType;
  json: ColumnDataType;
  bool: ColumnDataType;
  /** The default of a boolean column that starts false. */
  false: Expression<unknown> | number | boolean;
  /** Add the generated primary key `id` to a table. */
  id(t: Table): Table;
  /** SQLite tables are STRICT, so a wrongly typed value fails instead of being stored. */
  finish(t: Table): Table;
}

export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function columnTypes(db: Kysely<unknown>): ColumnTypes {
  const dialect = dialectOf(db);
  if (dialect === 'postgres') {
    return {
      dialect,
      ref: 'bigint',
      time: 'timestamptz',
      json: 'jsonb',
      bool: 'boolean',
      false: false,
      id: (t) => t.addColumn('id', 'bigint', (c) => c.generatedByDefaultAsIdentity().primaryKey()),
      finish: (t) => t,
    };
  }
  return {
    dialect,
    ref: 'integer',
    time: 'text',
    json: 'text',
    bool: 'integer',
    false: 0,
    // AUTOINCREMENT: ids are never reused, so "newest first" by id stays true after deletions.
    id: (t) => t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    finish: (t) => t.modifyEnd(sql` strict`),
  };
}
