import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import factory, { importCsv, preview, stableImportId } from '../../src/connectors/import/index.js';
import { parseCsv } from '../../src/connectors/import/csv.js';
import { parseExportDate } from '../../src/connectors/import/dates.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/imports/${name}.csv`, import.meta.url), 'utf8');

describe('CSV parser', () => {
  it('strips a BOM and reads quoted commas, quotes and line breaks', () => {
    const { records, problems } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['x, y', 'say "hi"\nthere'] },
    ]);
  });

  it('reads CR-only line ends, skips blank lines and keeps a last line without a newline', () => {
    const { records } = parseCsv('a,b\r1,2\n\n3,4');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('sniffs tab and semicolon delimiters', () => {
    expect(parseCsv('a\tb\n1\t2').records[1].fields).toEqual(['1', '2']);
    expect(parseCsv('a;b\n1;2,5').records[1].fields).toEqual(['1', '2,5']);
  });

  it('reports an unterminated quote on the row it starts and keeps earlier rows', () => {
    const { records, problems } = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(problems).toEqual([{ row: 3, reason: expect.stringContaining('closing quote') }]);
  });
});

describe('UK dates', () => {
  it('reads dd/mm/yyyy as day first (3 April, not 4 March), in UK time', () => {
    expect(parseExportDate('03/04/2025')).toEqual({ ok: true, iso: '2025-04-03T00:00:00+01:00' });
    expect(parseExportDate('03/01/2025 14:05')).toEqual({
      ok: true,
      iso: '2025-01-03T14:05:00+00:00',
    });
    expect(parseExportDate('10/06/2025 1:40 pm')).toEqual({
      ok: true,
      iso: '2025-06-10T13:40:00+01:00',
    });
    expect(parseExportDate('3 Apr 2025 09:00')).toEqual({
      ok: true,
      iso: '2025-04-03T09:00:00+01:00',
    });
    expect(parseExportDate('31/12/24')).toEqual({ ok: true, iso: '2024-12-31T00:00:00+00:00' });
  });

  it('takes ISO 8601 offsets as written and naive ISO times in the export zone', () => {
    expect(parseExportDate('2025-06-10T09:00:00Z')).toEqual({
      ok: true,
      iso: '2025-06-10T09:00:00Z',
    });
    expect(parseExportDate('2025-06-10T09:00:00+02:00')).toEqual({
      ok: true,
      iso: '2025-06-10T09:00:00+02:00',
    });
    expect(parseExportDate('2025-06-10 09:15:00.0')).toEqual({
      ok: true,
      iso: '2025-06-10T09:15:00+01:00',
    });
    expect(parseExportDate('2025-06-10 09:15', 'UTC')).toEqual({
      ok: true,
      iso: '2025-06-10T09:15:00Z',
    });
  });

  it('rejects US order, impossible dates and text, quoting the cell', () => {
    const us = parseExportDate('04/13/2025');
    expect(us.ok).toBe(false);
    expect(!us.ok && us.reason).toMatch(/"04\/13\/2025".*dd\/mm\/yyyy/);
    expect(parseExportDate('31/02/2025').ok).toBe(false);
    expect(parseExportDate('yesterday').ok).toBe(false);
    expect(parseExportDate('').ok).toBe(false);
  });
});

describe('importCsv', () => {
  it('[INB-1] Brandwatch: skips the report preamble, keeps quoted line breaks, one bad row never stops the others', () => {
    const { items, errors } = importCsv(fixture('brandwatch'), 'brandwatch');
    expect(items.map((i) => i.externalId)).toEqual(['brandwatch:1801', 'brandwatch:forum-42-1']);
    expect(items[0]).toMatchObject({
      platform: 'import',
      source: 'brandwatch',
      network: 'x',
      kind: 'mention',
      author: { platformAuthorId: 'example_user', displayName: 'example_user' },
      conversationId: '1801',
      receivedAt: '2025-06-10T09:15:00+01:00',
      permalink: 'https://twitter.com/example_user/status/1801',
    });
    expect(items[1].text).toBe(
      'Thanks to the team on ward 5, they were kind\nand patient with my dad, "above and beyond"',
    );
    expect(items[1].network).toBe('other');
    expect(errors).toEqual([
      { row: 8, column: 'Date', reason: expect.stringContaining('"not a date"') },
      { row: 9, column: 'Full Text', reason: 'Missing message text' },
    ]);
  });

  it('Orlo: UK dates, DMs, US-order dates, column-count and duplicate rows reported by row and column', () => {
    const { items, errors } = importCsv(fixture('orlo'), 'orlo');
    expect(items.map((i) => [i.externalId, i.kind, i.network, i.receivedAt])).toEqual([
      ['orlo:fb_1001', 'comment', 'facebook', '2025-04-03T14:05:00+01:00'],
      ['orlo:fb_1002', 'dm', 'facebook', '2024-12-31T23:59:00+00:00'],
      ['orlo:tw_3001', 'mention', 'x', '2025-07-15T09:30:00+01:00'],
    ]);
    expect(items[0].text).toBe('Is the walk-in centre open on bank holidays, Monday included?');
    expect(items[1].permalink).toBeNull();
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Created'],
      [6, null],
      [7, null],
    ]);
    expect(errors[1].reason).toMatch(/Unexpected 10 columns, expected 9/);
    expect(errors[2].reason).toMatch(/Duplicate of row 2/);
  });

  it('Sprout Social: without an id column, the external id is a stable hash of source, author, time and text', () => {
    const first = importCsv(fixture('sprout_social'), 'sprout_social');
    const again = importCsv(fixture('sprout_social'), 'sprout_social');
    expect(first.items.map((i) => i.externalId)).toEqual(again.items.map((i) => i.externalId));
    expect(first.items).toHaveLength(3);
    const [parking, midwives, dm] = first.items;
    expect(parking.externalId).toBe(
      `sprout_social:sha256:${stableImportId('sprout_social', 'pat_example', '2025-06-10T09:15:00+01:00', parking.text)}`,
    );
    expect(parking.kind).toBe('mention');
    expect(midwives.author).toEqual({
      platformAuthorId: 'Lee Example',
      displayName: 'Lee Example',
    });
    expect(midwives.receivedAt).toBe('2025-06-10T13:40:00+01:00');
    expect(dm).toMatchObject({ kind: 'dm', network: 'instagram' });
    expect(first.errors).toEqual([{ row: 4, column: 'Message', reason: 'Missing message text' }]);
    // A different author or time gives a different id.
    expect(stableImportId('sprout_social', 'a', 't', 'x')).not.toBe(
      stableImportId('sprout_social', 'b', 't', 'x'),
    );
  });

  it('Hootsuite: skips the team’s outbound messages, keeps CRLF line breaks inside fields', () => {
    const { items, errors, skipped } = importCsv(fixture('hootsuite'), 'hootsuite');
    expect(errors).toEqual([]);
    expect(skipped).toEqual([{ row: 3, reason: expect.stringMatching(/Outbound/) }]);
    expect(items.map((i) => i.externalId)).toEqual(['hootsuite:m-1', 'hootsuite:m-3']);
    expect(items[0]).toMatchObject({
      conversationId: 'c-1',
      author: { platformAuthorId: 'cp-1', displayName: 'Taylor Example' },
      receivedAt: '2025-06-10T09:00:00+01:00',
    });
    expect(items[1].text).toBe('Two\r\nlines, one field');
    expect(items[1].receivedAt).toBe('2025-01-10T10:00:00Z');
  });

  it('reports a file of the wrong shape once instead of an error per row', () => {
    const { items, errors } = importCsv('Name,Comment\nA,B\n', 'orlo');
    expect(items).toEqual([]);
    expect(errors).toEqual([
      { row: 0, column: null, reason: expect.stringContaining('"Message"') },
    ]);
    expect(importCsv('', 'orlo').errors[0].reason).toMatch(/Empty file/);
    expect(importCsv('a\n', 'nope' as 'orlo').errors[0].reason).toMatch(/Unexpected source "nope"/);
  });

  it('keeps the rows before an unterminated quote and names its row', () => {
    const csv =
      'Message ID,Message,Created\n1,fine,01/02/2025\n2,"broken,01/02/2025\n3,lost,01/02/2025\n';
    const { items, errors } = importCsv(csv, 'orlo');
    expect(items.map((i) => i.externalId)).toEqual(['orlo:1']);
    expect(errors).toEqual([
      { row: 3, column: null, reason: expect.stringContaining('closing quote') },
    ]);
  });

  it('never quotes message text or author names in errors', () => {
    const csv = 'Message ID,Author,Message,Created\n1,Secret Person,Private words,99/99/2025\n';
    const { errors } = importCsv(csv, 'orlo');
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors)).not.toMatch(/Secret|Private/);
  });
});

describe('preview', () => {
  it('shows the mapping, the first rows mapped and their errors', () => {
    const result = preview(fixture('brandwatch'), 'brandwatch', { limit: 3 });
    expect(result.headerRow).toBe(5);
    expect(result.totalRows).toBe(4);
    expect(result.mapping).toMatchObject({
      id: 'Resource Id',
      text: 'Full Text',
      time: 'Date',
      network: 'Page Type',
    });
    expect(result.rows.map((r) => [r.row, r.item?.externalId ?? null, r.errors.length])).toEqual([
      [6, 'brandwatch:1801', 0],
      [7, 'brandwatch:forum-42-1', 0],
      [8, null, 1],
    ]);
    expect(result.fileErrors).toEqual([]);
  });

  it('reports a file-level problem with no rows', () => {
    const result = preview('x,y\n1,2\n', 'hootsuite');
    expect(result.rows).toEqual([]);
    expect(result.fileErrors).toHaveLength(1);
  });
});

describe('import connector', () => {
  it('has a manifest and reports healthy', async () => {
    const connector = factory.create({
      account: 'import',
      baseUrl: '',
      credentials: {},
      fetch,
      now: () => new Date('2025-06-10T09:00:00Z'),
      sleep: async () => {},
    });
    expect(connector.manifest.platform).toBe('import');
    expect(await connector.health()).toEqual({
      state: 'ok',
      checkedAt: '2025-06-10T09:00:00.000Z',
    });
  });
});
