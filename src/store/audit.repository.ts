/**
 * The audit log (GOV-1): append-only, one hash chain per organisation (see audit-chain.ts).
 * Appends are serialised per organisation so the chain never forks: SQLite has one writer and the
 * desk begins its transactions IMMEDIATE; PostgreSQL takes a transaction-scoped advisory lock on
 * the organisation's chain. Call `append` inside the transaction of the change it records, so
 * the change and its audit row commit together.
 */
import { sql, type Selectable } from 'kysely';
import {
  GENESIS_HASH,
  ChainVerifier,
  canonicalJson,
  chainHash,
  type ChainFields,
  type ChainHead,
  type ChainRow,
  type ChainVerdict,
} from './audit-chain.js';
import {
  actorText,
  fromActor,
  inTransaction,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import type { Actor } from './model.js';
import type { AuditLogTable } from './schema.js';

/** What happened, as a service reports it. Keep personal content out of `before`/`after`. */
export interface AuditEntry {
  organisationId: number;
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
  at: Date;
}

export interface AuditRecord {
  organisationId: number;
  seq: number;
  at: Date;
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditHead extends ChainHead {
  at: Date;
}

/** Advisory-lock class for audit chains ('audi'); the organisation id is the second key. */
const AUDIT_LOCK = 0x61756469;
const PAGE = 1_000;

export class AuditRepository {
  constructor(private readonly ctx: StoreContext) {}

  async append(entry: AuditEntry): Promise<AuditRecord> {
    const fields: ChainFields = {
      organisationId: entry.organisationId,
      at: toIso(entry.at),
      actor: actorText(entry.actor),
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      beforeJson:
        entry.before === undefined || entry.before === null ? null : canonicalJson(entry.before),
      afterJson:
        entry.after === undefined || entry.after === null ? null : canonicalJson(entry.after),
    };
    return inTransaction(this.ctx, async (tx) => {
      if (tx.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(${AUDIT_LOCK}::int4, ${entry.organisationId}::int4)`.execute(
          tx.db,
        );
      }
      const head = await new AuditRepository(tx).head(entry.organisationId);
      const seq = head ? head.seq + 1 : 1;
      const prevHash = head ? head.hash : GENESIS_HASH;
      const row = await tx.db
        .insertInto('audit_log')
        .values({
          organisation_id: fields.organisationId,
          seq,
          at: fields.at,
          actor: fields.actor,
          action: fields.action,
          subject_type: fields.subjectType,
          subject_id: fields.subjectId,
          before_json: fields.beforeJson,
          after_json: fields.afterJson,
          prev_hash: prevHash,
          hash: chainHash(prevHash, fields),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    });
  }

  /** The newest row: export it (`commsdesk audit head`) to anchor the chain outside the database. */
  async head(organisationId: number): Promise<AuditHead | null> {
    const row = await this.ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'hash', 'at'])
      .where('organisation_id', '=', organisationId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { seq: row.seq, hash: row.hash, at: toDate(row.at) } : null;
  }

  /**
   * Walk the organisation's whole chain and report every altered, missing, reordered or inserted
   * row. With `anchor` (a head exported earlier), a cut-off tail is detected too.
   */
  async verify(
    organisationId: number,
    options: { anchor?: ChainHead } = {},
  ): Promise<ChainVerdict> {
    const verifier = new ChainVerifier(options);
    let after = -(2 ** 31); // the smallest int4: tampered seqs may be negative
    for (;;) {
      const rows = await this.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) verifier.push(toChainRow(row));
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].seq;
    }
    const wanted = verifier.unresolved();
    const owners = new Map<string, number>();
    if (wanted.length > 0) {
      const rows = await this.ctx.db
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .where('organisation_id', '=', organisationId)
        .where('hash', 'in', wanted)
        .execute();
      for (const r of rows) owners.set(r.hash, r.seq);
    }
    return verifier.finish(owners);
  }

  /** Rows in chain order, those at or after `from` and before `to`; verifiable with verifyChain. */
  async export(
    organisationId: number,
    range: { from?: Date; to?: Date } = {},
  ): Promise<AuditRecord[]> {
    let q = this.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', organisationId);
    if (range.from) q = q.where('at', '>=', toIso(range.from));
    if (range.to) q = q.where('at', '<', toIso(range.to));
    const rows = await q.orderBy('seq').execute();
    return rows.map(toRecord);
  }

  /** What happened to one subject (an item, a post), oldest first. */
  async history(
    organisationId: number,
    subjectType: string,
    subjectId: string | number,
  ): Promise<AuditRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', String(subjectId))
      .orderBy('seq')
      .execute();
    return rows.map(toRecord);
  }
}

/** The chain's view of an exported record, for verifyChain. */
export function recordToChainRow(record: AuditRecord): ChainRow {
  return {
    organisationId: record.organisationId,
    seq: record.seq,
    at: toIso(record.at),
    actor: actorText(record.actor),
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    beforeJson: record.before === null ? null : canonicalJson(record.before),
    afterJson: record.after === null ? null : canonicalJson(record.after),
    prevHash: record.prevHash,
    hash: record.hash,
  };
}

function toChainRow(row: Selectable<AuditLogTable>): ChainRow {
  return {
    organisationId: toNumber(row.organisation_id),
    seq: row.seq,
    // As stored: a tampered time must show up as an altered row, not fail to parse.
    at: typeof row.at === 'string' ? row.at : row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    beforeJson: row.before_json,
    afterJson: row.after_json,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    organisationId: toNumber(row.organisation_id),
    seq: row.seq,
    at: toDate(row.at),
    actor: fromActor(row.actor),
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    before: parseStored(row.before_json),
    after: parseStored(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Stored JSON, or the raw text if someone has broken it (verify reports that row as altered). */
function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
