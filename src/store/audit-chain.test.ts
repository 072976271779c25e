import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  chainHash,
  verifyChain,
  type ChainFields,
  type ChainRow,
} from './audit-chain.js';

/** A well-formed chain of `n` rows for organisation 1. */
function chain(n: number, organisationId = 1): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields: ChainFields = {
      organisationId,
      at: new Date(Date.UTC(2026, 2, 2, 9, seq)).toISOString(),
      actor: seq % 2 ? 'system' : String(seq),
      action: 'item.status',
      subjectType: 'item',
      subjectId: String(100 + seq),
      beforeJson: canonicalJson({ status: 'new' }),
      afterJson: canonicalJson({ status: 'closed', seq }),
    };
    const hash = chainHash(prevHash, fields);
    rows.push({ ...fields, seq, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

const kinds = (rows: ChainRow[], options = {}) => {
  const verdict = verifyChain(rows, options);
  return verdict.ok ? [] : verdict.problems.map((p) => `${p.kind}@${p.seq}`);
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: [true, null] }], e: 'é\n' })).toBe(
      '{"a":[{"c":[true,null],"d":2}],"b":1,"e":"é\\n"}',
    );
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(canonicalJson(new Date('2026-03-02T09:00:00Z'))).toBe('"2026-03-02T09:00:00.000Z"');
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/Unexpected NaN at \$\.n/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/Unexpected bigint/);
    expect(() => canonicalJson({ m: new Map() })).toThrow(/Unexpected Map at \$\.m/);
  });

  it('is the same for any key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reordered = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        ) as unknown;
        expect(canonicalJson(reordered)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

describe('chainHash', () => {
  it('is a sha256 hex digest that changes with every field and with the previous hash', () => {
    const [row] = chain(1);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    const variants: Partial<ChainFields>[] = [
      { organisationId: 2 },
      { at: '2026-03-02T09:01:00.001Z' },
      { actor: '7' },
      { action: 'item.erase' },
      { subjectType: 'post' },
      { subjectId: '999' },
      { beforeJson: null },
      { afterJson: '{"status":"new"}' },
    ];
    for (const change of variants) {
      expect(chainHash(row.prevHash, { ...row, ...change })).not.toBe(row.hash);
    }
    expect(chainHash('f'.repeat(64), row)).not.toBe(row.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(chain(5))).toEqual({
      ok: true,
      rows: 5,
      head: { seq: 5, hash: chain(5)[4].hash },
    });
    expect(verifyChain([])).toEqual({ ok: true, rows: 0, head: null });
  });

  it('names the altered row, whatever field was changed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.nat(),
        fc.constantFrom('action', 'actor', 'at', 'subjectId', 'afterJson', 'beforeJson'),
        (n, pick, field) => {
          const rows = chain(n);
          const i = pick % n;
          const value = field === 'afterJson' || field === 'beforeJson' ? '{"x":1}' : 'tampered';
          rows[i] = { ...rows[i], [field]: value };
          expect(kinds(rows)).toEqual([`altered@${i + 1}`]);
        },
      ),
    );
  });

  it('names a deleted row, with or without renumbering', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.nat(), (n, pick) => {
        const gone = (pick % (n - 1)) + 1; // any row but the newest
        const rows = chain(n).filter((r) => r.seq !== gone);
        expect(kinds(rows)).toEqual([`missing@${gone}`]);
        const renumbered = rows.map((r) => (r.seq > gone ? { ...r, seq: r.seq - 1 } : r));
        expect(kinds(renumbered)).toEqual([`missing@${gone}`]);
      }),
    );
  });

  it('names reordered rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.nat(), fc.nat(), (n, p, q) => {
        const a = (p % n) + 1;
        const b = (q % n) + 1;
        fc.pre(a !== b);
        const rows = chain(n).map((r) =>
          r.seq === a ? { ...r, seq: b } : r.seq === b ? { ...r, seq: a } : r,
        );
        const found = kinds(rows);
        expect(found[0]).toBe(`reordered@${Math.min(a, b)}`);
        expect(found.every((k) => k.startsWith('reordered@'))).toBe(true);
      }),
    );
  });

  it('names a well-formed row slipped in between', () => {
    const rows = chain(4);
    const forgedFields = { ...rows[1], action: 'post.approve' };
    const forged: ChainRow = {
      ...forgedFields,
      seq: 3,
      prevHash: rows[1].hash,
      hash: chainHash(rows[1].hash, forgedFields),
    };
    const tampered = [rows[0], rows[1], forged, { ...rows[2], seq: 4 }, { ...rows[3], seq: 5 }];
    expect(kinds(tampered)).toEqual(['inserted@3']);
  });

  it('cannot see a cut-off tail without an anchor, and can with one', () => {
    const rows = chain(6);
    const anchor = { seq: 6, hash: rows[5].hash };
    expect(kinds(rows.slice(0, 4))).toEqual([]);
    expect(kinds(rows.slice(0, 4), { anchor })).toEqual(['missing@5']);
    expect(kinds(rows, { anchor })).toEqual([]);
    expect(kinds(rows, { anchor: { seq: 6, hash: GENESIS_HASH } })).toEqual(['altered@6']);
  });

  it('checks a slice against itself when asked to', () => {
    const slice = chain(8).slice(3, 6);
    expect(kinds(slice, { partial: true })).toEqual([]);
    expect(kinds(slice)).toEqual(['missing@1']);
  });
});
