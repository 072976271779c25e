/**
 * A small RFC 4180 CSV reader for exports from social media tools.
 *
 * Handles what Excel and the export tools produce: a UTF-8 byte-order mark, CRLF, LF or CR line
 * ends, quoted fields holding commas, quotes (`""`) and line breaks, and a tab or semicolon
 * delimiter when the header line clearly uses one. It never throws: an unterminated quote is
 * reported as a problem on the record where it started, and the records before it survive.
 */

export interface CsvRecord {
  /** 1-based record number, as a spreadsheet shows it (a quoted line break does not add a row). */
  row: number;
  fields: string[];
}

export interface CsvParseResult {
  records: CsvRecord[];
  delimiter: string;
  problems: { row: number; reason: string }[];
}

const BOM = '\uFEFF';

/** Picks the delimiter from the first line: comma unless tabs or semicolons clearly dominate. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(
    0,
    text.search(/\r\n|\n|\r/) === -1 ? undefined : text.search(/\r\n|\n|\r/),
  );
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const commas = count(',');
  const tabs = count('\t');
  const semicolons = count(';');
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas && semicolons > tabs) return ';';
  return ',';
}

/** Parses CSV text into records. Empty lines are skipped. */
export function parseCsv(input: string, delimiter?: string): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const sep = delimiter ?? sniffDelimiter(text);
  const records: CsvRecord[] = [];
  const problems: CsvParseResult['problems'] = [];

  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedStart = -1;
  let row = 1;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    field = '';
    // A blank line is one empty field: skip it rather than report an empty row.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ row, fields });
    fields = [];
    row += 1;
  };

  while (i < text.length) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // Excel writes `"…"`; tolerate spaces before the opening quote.
      field = '';
      inQuotes = true;
      quotedStart = row;
      i += 1;
      continue;
    }
    if (ch === sep) {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i += 1;
  }

  if (inQuotes) {
    problems.push({
      row: quotedStart,
      reason: 'Unexpected end of file inside a quoted field, expected a closing quote (")',
    });
    // The broken record swallowed the rest of the file; drop it rather than import half a row.
    fields = [];
    field = '';
  } else if (field !== '' || fields.length > 0) {
    endRecord();
  }

  return { records, delimiter: sep, problems };
}
