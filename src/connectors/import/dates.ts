/**
 * Dates as the export tools write them, read the British way.
 *
 * `03/04/2025` is 3 April 2025 (dd/mm/yyyy), never 4 March. A date the day/month order cannot
 * explain (`04/13/2025`) is an error, not a guess. Times without an offset are read in the
 * export's time zone (Europe/London by default, so BST is handled); ISO 8601 with an offset or
 * `Z` is taken as written.
 */
import { DateTime } from 'luxon';

export type ParsedDate = { ok: true; iso: string } | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?)?`;
const ZONE = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?`;
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}${ZONE}$`, 'i');
const UK_NUMERIC = new RegExp(
  String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})${TIME}${ZONE}$`,
  'i',
);
const UK_WORDS = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})${TIME}${ZONE}$`,
  'i',
);

function zoneFor(token: string | undefined, fallback: string): string {
  if (!token) return fallback;
  const t = token.toUpperCase();
  if (t === 'Z' || t === 'UTC' || t === 'GMT') return 'UTC';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(t);
  return m ? `UTC${m[1]}${m[2]}:${m[3]}` : fallback;
}

function build(
  year: number,
  month: number,
  day: number,
  time: (string | undefined)[],
  zoneToken: string | undefined,
  timeZone: string,
  original: string,
): ParsedDate {
  const [hh, mm, ss, frac, ampm] = time;
  let hour = hh ? Number(hh) : 0;
  if (ampm) {
    if (hour < 1 || hour > 12) {
      return {
        ok: false,
        reason: `Unexpected time in "${original}", expected an hour from 1 to 12 with am/pm`,
      };
    }
    const pm = ampm.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const dt = DateTime.fromObject(
    {
      year,
      month,
      day,
      hour,
      minute: mm ? Number(mm) : 0,
      second: ss ? Number(ss) : 0,
      millisecond: frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0,
    },
    { zone: zoneFor(zoneToken, timeZone) },
  );
  if (!dt.isValid) {
    return {
      ok: false,
      reason: `Unexpected date "${original}", expected a real calendar date and time`,
    };
  }
  return { ok: true, iso: dt.toISO({ suppressMilliseconds: true }) as string };
}

/** Reads one date cell. `timeZone` applies to times written without an offset. */
export function parseExportDate(value: string, timeZone = 'Europe/London'): ParsedDate {
  const text = value.trim();
  if (text === '') return { ok: false, reason: 'Missing date, expected dd/mm/yyyy or ISO 8601' };

  let m = ISO_LIKE.exec(text);
  if (m) {
    return build(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4, 9), m[9], timeZone, text);
  }
  m = UK_NUMERIC.exec(text);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    if (month > 12 && day <= 12) {
      return {
        ok: false,
        reason: `Unexpected date "${text}", expected dd/mm/yyyy (it looks like a US mm/dd/yyyy date; export with UK dates)`,
      };
    }
    return build(year, month, day, m.slice(4, 9), m[9], timeZone, text);
  }
  m = UK_WORDS.exec(text);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()] ?? MONTHS[m[2].toLowerCase().slice(0, 3)];
    if (!month)
      return { ok: false, reason: `Unexpected month in "${text}", expected a month name` };
    return build(Number(m[3]), month, Number(m[1]), m.slice(4, 9), m[9], timeZone, text);
  }
  return {
    ok: false,
    reason: `Unexpected date "${text}", expected dd/mm/yyyy, dd/mm/yyyy hh:mm or ISO 8601`,
  };
}
