/**
 * The audit log's hash chain (GOV-1), kept pure so an exported log can be verified anywhere.
 *
 * Each organisation has its own chain. Row n stores `prev_hash` (row n-1's hash, or
 * {@link GENESIS_HASH} for the first) and `hash = sha256(prev_hash + canonicalJson(fields))`.
 * Changing a row's fields breaks its own hash; deleting or moving a row breaks the link of the
 * row after it. Deleting the newest rows breaks nothing: only a head recorded elsewhere (an
 * anchor) shows that the chain was cut short.
 */
import { createHash } from 'node:crypto';

/** The `prev_hash` of every chain's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers. */
export interface ChainFields {
  organisationId: number;
  /** ISO-8601 UTC with milliseconds. */
  at: string;
  /** A user id as text, or `system`. */
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Canonical JSON text, or null. */
  beforeJson: string | null;
  afterJson: string | null;
}

/** A stored row as far as the chain is concerned. */
export interface ChainRow extends ChainFields {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainProblemKind = 'altered' | 'missing' | 'reordered' | 'inserted';

export interface ChainProblem {
  /** The row where the chain goes wrong (for `missing`, the first absent position). */
  seq: number;
  kind: ChainProblemKind;
  message: string;
}

export type ChainVerdict =
  | { ok: true; rows: number; head: ChainHead | null }
  | { ok: false; rows: number; head: ChainHead | null; problems: ChainProblem[] };

/** The newest row of a chain: record it outside the database to detect a cut tail later. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so equal values always hash
 * alike. `undefined` members are left out, as JSON.stringify does; values JSON cannot represent
 * faithfully (non-finite numbers, bigint, functions, symbols) are refused rather than altered.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`Unexpected ${value} at ${path}, expected a finite number`);
      }
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        return `[${value.map((v, i) => (v === undefined ? 'null' : write(v, `${path}[${i}]`))).join(',')}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`Unexpected ${describe(value)} at ${path}, expected plain JSON data`);
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${write(record[k], `${path}.${k}`)}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`Unexpected ${typeof value} at ${path}, expected JSON data`);
  }
}

function describe(value: object): string {
  return value.constructor?.name ?? 'object';
}

/** The hash of a row from its predecessor's hash and its own fields. */
export function chainHash(prevHash: string, fields: ChainFields): string {
  const record = {
    organisationId: fields.organisationId,
    at: fields.at,
    actor: fields.actor,
    action: fields.action,
    subjectType: fields.subjectType,
    subjectId: fields.subjectId,
    before: fields.beforeJson === null ? null : JSON.parse(fields.beforeJson),
    after: fields.afterJson === null ? null : JSON.parse(fields.afterJson),
  };
  return createHash('sha256')
    .update(prevHash + canonicalJson(record), 'utf8')
    .digest('hex');
}

/**
 * Walks one organisation's chain in `seq` order, a row at a time, so a long chain can be streamed.
 * A link that does not point at the row before is classified at the end, once the caller has said
 * which rows (if any) hold the hashes in {@link unresolved}: another row (reordered) or none
 * (missing).
 */
export class ChainVerifier {
  readonly #problems: ChainProblem[] = [];
  readonly #pending: { seq: number; prevHash: string }[] = [];
  #previous: (ChainRow & { suspect: boolean }) | null = null;
  #rows = 0;
  readonly #anchor: ChainHead | undefined;
  readonly #partial: boolean;
  #anchorHash: string | undefined;

  constructor(options: VerifyOptions = {}) {
    this.#anchor = options.anchor;
    this.#partial = options.partial ?? false;
  }

  push(row: ChainRow): void {
    this.#rows += 1;
    if (row.seq === this.#anchor?.seq) this.#anchorHash = row.hash;
    const prev = this.#previous;
    let suspect = false;
    const add = (p: ChainProblem) => {
      this.#problems.push(p);
      suspect = true;
    };

    const recomputed = safeHash(row);
    if (recomputed !== row.hash) {
      add({
        seq: row.seq,
        kind: 'altered',
        message: `Unexpected hash ${short(row.hash)} at seq ${row.seq}, expected ${short(recomputed)} for its contents: the row was changed after it was written`,
      });
    }

    // A partial export starts wherever its first row is; a whole chain starts at the genesis.
    const start = this.#partial && !prev;
    const expectedSeq = prev ? prev.seq + 1 : start ? row.seq : 1;
    const expectedPrev = prev ? prev.hash : start ? row.prevHash : GENESIS_HASH;
    if (row.seq > expectedSeq) {
      const count = row.seq - expectedSeq;
      add({
        seq: expectedSeq,
        kind: 'missing',
        message:
          count === 1
            ? `Unexpected gap: seq ${expectedSeq} is missing (deleted)`
            : `Unexpected gap: seq ${expectedSeq}–${row.seq - 1} are missing (deleted)`,
      });
    } else if (row.seq < expectedSeq) {
      add({
        seq: row.seq,
        kind: 'inserted',
        message: `Unexpected seq ${row.seq} after seq ${prev?.seq}: a row was added out of sequence`,
      });
    } else if (row.prevHash !== expectedPrev) {
      if (prev && !prev.suspect && row.prevHash === prev.prevHash) {
        // Two rows hang off the same predecessor: the one in between was slipped in.
        add({
          seq: prev.seq,
          kind: 'inserted',
          message: `Unexpected row at seq ${prev.seq}: seq ${row.seq} links past it to seq ${prev.seq - 1}, so it was inserted later`,
        });
      } else if (prev?.suspect) {
        // Already reported: the row before was moved or inserted, so this link is broken by it.
        suspect = true;
      } else {
        this.#pending.push({ seq: row.seq, prevHash: row.prevHash });
        suspect = true;
      }
    }
    this.#previous = { ...row, suspect };
  }

  /** Link targets the walk could not place; look up which rows, if any, have these hashes. */
  unresolved(): string[] {
    return [...new Set(this.#pending.map((p) => p.prevHash))];
  }

  /** The verdict. `owners` maps hashes from {@link unresolved} to the seq of the row holding them. */
  finish(owners: ReadonlyMap<string, number> = new Map()): ChainVerdict {
    const anchor = this.#anchor;
    const problems = [...this.#problems];
    for (const p of this.#pending) {
      // The genesis link belongs to seq 1: a row carrying it elsewhere was moved.
      const owner = p.prevHash === GENESIS_HASH ? 0 : owners.get(p.prevHash);
      problems.push(
        owner === undefined
          ? {
              seq: p.seq,
              kind: 'missing',
              message: `Unexpected link at seq ${p.seq}: it points at a row that no longer exists (rows before it were deleted and the rest renumbered, or seq ${p.seq - 1} was rewritten with a fresh hash)`,
            }
          : {
              seq: p.seq,
              kind: 'reordered',
              message:
                owner === 0
                  ? `Unexpected link at seq ${p.seq}: it is the first row of the chain, expected at seq 1`
                  : `Unexpected link at seq ${p.seq}: it follows seq ${owner}, expected seq ${p.seq - 1}`,
            },
      );
    }
    const head = this.#previous ? { seq: this.#previous.seq, hash: this.#previous.hash } : null;
    if (anchor && this.#anchorHash !== anchor.hash) {
      problems.push(
        head === null || head.seq < anchor.seq
          ? {
              seq: (head?.seq ?? 0) + 1,
              kind: 'missing',
              message: `Unexpected end of chain at seq ${head?.seq ?? 0}, expected it to reach the anchored seq ${anchor.seq}: the newest rows were deleted`,
            }
          : {
              seq: anchor.seq,
              kind: 'altered',
              message: `Unexpected hash at anchored seq ${anchor.seq}, expected ${short(anchor.hash)}`,
            },
      );
    }
    problems.sort((a, b) => a.seq - b.seq);
    return problems.length === 0
      ? { ok: true, rows: this.#rows, head }
      : { ok: false, rows: this.#rows, head, problems };
  }
}

function safeHash(row: ChainRow): string {
  try {
    return chainHash(row.prevHash, row);
  } catch {
    // A before/after that no longer parses as JSON was altered too.
    return '(unparseable)';
  }
}

function short(hash: string): string {
  return hash.slice(0, 12) + '…';
}

export interface VerifyOptions {
  /** A head recorded earlier (outside the database), which the chain must still hold. */
  anchor?: ChainHead;
  /** The rows are a slice (an export between two dates): check them against each other only. */
  partial?: boolean;
}

/** Verify rows already in memory (an export, say). They need not be sorted. */
export function verifyChain(rows: readonly ChainRow[], options: VerifyOptions = {}): ChainVerdict {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const verifier = new ChainVerifier(options);
  for (const row of sorted) verifier.push(row);
  const owners = new Map<string, number>();
  const wanted = new Set(verifier.unresolved());
  for (const row of sorted) if (wanted.has(row.hash)) owners.set(row.hash, row.seq);
  return verifier.finish(owners);
}
