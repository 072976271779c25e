/**
 * Importing CSV exports from other social media tools (Brandwatch, Orlo, Sprout Social,
 * Hootsuite) as inbox items.
 *
 * One bad row never stops the others: each row either becomes an item or yields errors naming
 * its spreadsheet row and column. Errors never quote message text or author names.
 */
import { createHash } from 'node:crypto';
import type { NormalisedItem } from '../contract.js';
import { parseCsv, type CsvRecord } from './csv.js';
import { parseExportDate } from './dates.js';
import {
  SOURCE_MAPPINGS,
  headerKey,
  kindOf,
  networkOf,
  type ImportField,
  type ImportSource,
} from './sources.js';

/** An imported item: a normalised item plus where it came from. */
export interface ImportedItem extends NormalisedItem {
  platform: 'import';
  /** The tool the export came from. */
  source: ImportSource;
  /** The social network the export says the item was on (`x`, `facebook`, …, `other`), if any. */
  network: string | null;
}

export interface ImportError {
  /** 1-based spreadsheet row (0 when the problem is with the file as a whole). */
  row: number;
  /** The export's own header, or null when the problem is not one column's. */
  column: string | null;
  reason: string;
}

export interface ImportResult {
  items: ImportedItem[];
  errors: ImportError[];
  /** Rows deliberately left out (the team's own outbound messages), with why. */
  skipped: { row: number; reason: string }[];
}

export interface ImportOptions {
  /** Time zone for times written without an offset. Default Europe/London. */
  timeZone?: string;
}

export interface PreviewRow {
  row: number;
  item: ImportedItem | null;
  errors: ImportError[];
}

export interface PreviewResult {
  source: ImportSource;
  /** Spreadsheet row of the header, 0 when none was found. */
  headerRow: number;
  /** Which of the export's headers fills each field (null: not in this export). */
  mapping: Partial<Record<ImportField, string | null>>;
  /** The first rows, mapped. */
  rows: PreviewRow[];
  /** Data rows in the whole file. */
  totalRows: number;
  /** Problems with the file as a whole (no header row, unterminated quote). */
  fileErrors: ImportError[];
}

interface Layout {
  headerRow: number;
  headers: string[];
  index: Partial<Record<ImportField, number>>;
  dataRecords: CsvRecord[];
}

function isImportSource(value: string): value is ImportSource {
  return Object.prototype.hasOwnProperty.call(SOURCE_MAPPINGS, value);
}

function locate(records: CsvRecord[], source: ImportSource): Layout | ImportError {
  const mapping = SOURCE_MAPPINGS[source];
  const limit = Math.min(records.length, mapping.maxPreambleRows + 1);
  for (let r = 0; r < limit; r++) {
    const keys = records[r].fields.map(headerKey);
    const index: Partial<Record<ImportField, number>> = {};
    for (const [field, candidates] of Object.entries(mapping.columns) as [
      ImportField,
      string[],
    ][]) {
      for (const candidate of candidates) {
        const at = keys.indexOf(headerKey(candidate));
        if (at !== -1) {
          index[field] = at;
          break;
        }
      }
    }
    if (index.text !== undefined && index.time !== undefined) {
      return {
        headerRow: records[r].row,
        headers: records[r].fields,
        index,
        dataRecords: records.slice(r + 1),
      };
    }
  }
  const want = (f: ImportField) => (mapping.columns[f] ?? []).map((h) => `"${h}"`).join(' or ');
  return {
    row: 0,
    column: null,
    reason: `Unexpected header row for a ${mapping.displayName} file, expected columns ${want('text')} and ${want('time')}`,
  };
}

/** A stable id for exports without one: the same row always hashes the same. */
export function stableImportId(
  source: ImportSource,
  author: string,
  time: string,
  text: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([source, author, time, text]))
    .digest('hex')
    .slice(0, 32);
}

type RowOutcome = { item: ImportedItem | null; errors: ImportError[]; skipped?: string };

function mapRow(
  record: CsvRecord,
  layout: Layout,
  source: ImportSource,
  options: ImportOptions,
): RowOutcome {
  const mapping = SOURCE_MAPPINGS[source];
  const errors: ImportError[] = [];
  const cell = (field: ImportField): string | undefined => {
    const at = layout.index[field];
    if (at === undefined) return undefined;
    const value = record.fields[at];
    return value === undefined ? undefined : value.trim();
  };
  const header = (field: ImportField): string | null => {
    const at = layout.index[field];
    return at === undefined ? null : layout.headers[at].trim();
  };

  if (
    record.fields.length > layout.headers.length &&
    record.fields.slice(layout.headers.length).some((f) => f.trim() !== '')
  ) {
    errors.push({
      row: record.row,
      column: null,
      reason: `Unexpected ${record.fields.length} columns, expected ${layout.headers.length} (a field with a comma may be missing its quotes)`,
    });
    return { item: null, errors };
  }

  const direction = cell('direction')?.toLowerCase();
  if (direction && /out|sent|agent|brand/.test(direction)) {
    return {
      item: null,
      errors,
      skipped: 'Outbound message sent by the team, not an inbound item',
    };
  }

  let text = cell('text') ?? '';
  const title = cell('title');
  if (text === '' && title) text = title;
  if (text === '')
    errors.push({ row: record.row, column: header('text'), reason: 'Missing message text' });

  const timeCell = cell('time') ?? '';
  const date = parseExportDate(timeCell, options.timeZone);
  if (!date.ok) errors.push({ row: record.row, column: header('time'), reason: date.reason });

  const permalink = cell('permalink') || null;
  if (permalink && !/^https?:\/\//i.test(permalink)) {
    errors.push({
      row: record.row,
      column: header('permalink'),
      reason: 'Unexpected link, expected one starting http:// or https://',
    });
  }
  if (errors.length > 0 || !date.ok) return { item: null, errors };

  const authorName = cell('author') || null;
  const authorId = cell('authorId') || authorName;
  const ownId = cell('id');
  const externalId = ownId
    ? `${source}:${ownId}`
    : `${source}:sha256:${stableImportId(source, authorId ?? '', date.iso, text)}`;

  const item: ImportedItem = {
    platform: 'import',
    source,
    network: networkOf(cell('network')),
    externalId,
    kind: kindOf(cell('type'), mapping.defaultKind),
    author: authorId ? { platformAuthorId: authorId, displayName: authorName } : null,
    conversationId: cell('conversationId') || null,
    inReplyTo: cell('inReplyTo') || null,
    text,
    media: [],
    receivedAt: date.iso,
    permalink,
  };
  return { item, errors };
}

interface Run {
  fileErrors: ImportError[];
  layout: Layout | null;
}

function prepare(csv: string, source: string): Run {
  if (!isImportSource(source)) {
    return {
      fileErrors: [
        {
          row: 0,
          column: null,
          reason: `Unexpected source "${source}", expected one of ${Object.keys(SOURCE_MAPPINGS).join(', ')}`,
        },
      ],
      layout: null,
    };
  }
  const parsed = parseCsv(csv);
  const fileErrors: ImportError[] = parsed.problems.map((p) => ({
    row: p.row,
    column: null,
    reason: p.reason,
  }));
  if (parsed.records.length === 0) {
    fileErrors.push({
      row: 0,
      column: null,
      reason: 'Empty file, expected a header row and at least one data row',
    });
    return { fileErrors, layout: null };
  }
  const layout = locate(parsed.records, source);
  if ('reason' in layout) return { fileErrors: [...fileErrors, layout], layout: null };
  return { fileErrors, layout };
}

/**
 * Maps every row of an export. Items keep the export's order; a row with an id already seen in
 * this file is reported, not imported twice.
 */
export function importCsv(
  csv: string,
  source: ImportSource,
  options: ImportOptions = {},
): ImportResult {
  const { fileErrors, layout } = prepare(csv, source);
  const result: ImportResult = { items: [], errors: [...fileErrors], skipped: [] };
  if (!layout) return result;
  const seen = new Map<string, number>();
  for (const record of layout.dataRecords) {
    const outcome = mapRow(record, layout, source, options);
    result.errors.push(...outcome.errors);
    if (outcome.skipped) result.skipped.push({ row: record.row, reason: outcome.skipped });
    if (!outcome.item) continue;
    const first = seen.get(outcome.item.externalId);
    if (first !== undefined) {
      result.errors.push({
        row: record.row,
        column: null,
        reason: `Duplicate of row ${first} (same id), imported once`,
      });
      continue;
    }
    seen.set(outcome.item.externalId, record.row);
    result.items.push(outcome.item);
  }
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

/** The first `limit` data rows mapped, with their errors, so a person can check the mapping. */
export function preview(
  csv: string,
  source: ImportSource,
  options: ImportOptions & { limit?: number } = {},
): PreviewResult {
  const { fileErrors, layout } = prepare(csv, source);
  const empty: PreviewResult = {
    source,
    headerRow: 0,
    mapping: {},
    rows: [],
    totalRows: 0,
    fileErrors,
  };
  if (!layout) return empty;
  const mapping: PreviewResult['mapping'] = {};
  for (const field of Object.keys(SOURCE_MAPPINGS[source].columns) as ImportField[]) {
    const at = layout.index[field];
    mapping[field] = at === undefined ? null : layout.headers[at].trim();
  }
  const limit = options.limit ?? 10;
  const rows = layout.dataRecords.slice(0, limit).map((record) => {
    const outcome = mapRow(record, layout, source, options);
    return { row: record.row, item: outcome.item, errors: outcome.errors };
  });
  return {
    source,
    headerRow: layout.headerRow,
    mapping,
    rows,
    totalRows: layout.dataRecords.length,
    fileErrors,
  };
}
