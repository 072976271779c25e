/**
 * UK bank holidays per nation, as gov.uk publishes them.
 *
 * The dates come from `date-holidays` (rules for Good Friday, Easter, substitute days and the
 * one-off holidays such as the 2022 Platinum Jubilee), filtered to what gov.uk lists: public
 * holidays falling on a weekday. A short corrections list sits on top so that a wrong date in the
 * library can be fixed here, with a reason, without waiting for a release.
 *
 * Everything is deterministic, so results are cached per nation and year in module-level maps.
 */
import Holidays from 'date-holidays';
import type { Nation } from '../profile/schema.js';

/** One bank holiday: its local date (`YYYY-MM-DD`) and its name. */
export interface BankHoliday {
  /** Local calendar date, e.g. `2026-12-28`. */
  readonly date: string;
  /** Name as `date-holidays` (or a correction) gives it, e.g. "Boxing Day (substitute day)". */
  readonly name: string;
}

/**
 * Years this module answers for. The Banking and Financial Dealings Act 1971 set up the
 * current pattern, so earlier years would be guesses; beyond 9999 an ISO date is no longer
 * `YYYY-MM-DD`. Outside the range the functions return no holidays rather than throwing.
 */
export const FIRST_SUPPORTED_YEAR = 1971;
/** Last year this module answers for; see {@link FIRST_SUPPORTED_YEAR}. */
export const LAST_SUPPORTED_YEAR = 9999;

/** date-holidays region codes. Wales has no calendar of its own: it shares England's. */
const REGION: Readonly<Record<Nation, 'ENG' | 'SCT' | 'NIR'>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const NATIONS: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** A fix to what `date-holidays` says, applied after its dates are read. */
interface Correction {
  readonly nation: Nation;
  readonly date: string;
  readonly action: 'add' | 'remove';
  readonly name: string;
  /** Why the library is wrong here, with the source. */
  readonly why: string;
}

/**
 * Corrections to `date-holidays`, checked against the published gov.uk lists.
 *
 * Empty on purpose: `bank-holidays.test.ts` compares every nation's dates for 2020–2030 with the
 * published lists and date-holidays 3.37 matched them all once weekend dates were dropped (see
 * `fromLibrary`). When a new one-off holiday is announced, or the test finds a disagreement after
 * a library upgrade, add an entry here — e.g.
 * `{ nation: 'scotland', date: '2031-01-02', action: 'add', name: '2 January', why: 'gov.uk …' }`
 * — and extend the test table.
 */
const CORRECTIONS: readonly Correction[] = [];

const engines = new Map<Nation, Holidays>();
const holidayCache = new Map<string, readonly BankHoliday[]>();
const dateSetCache = new Map<string, ReadonlySet<string>>();
const anyUkCache = new Map<number, readonly string[]>();
const anyUkSetCache = new Map<number, ReadonlySet<string>>();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The year of a valid ISO date, or null for anything that is not a real `YYYY-MM-DD` date. */
function yearOfIsoDate(isoDate: string): number | null {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over into March; a round trip rejects such dates.
  if (
    utc.getUTCFullYear() !== year ||
    utc.getUTCMonth() !== month - 1 ||
    utc.getUTCDate() !== day
  ) {
    return null;
  }
  return year;
}

/** True for Saturday and Sunday. The date must already be a valid ISO date. */
function isWeekend(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function supported(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
}

function engine(nation: Nation): Holidays {
  let hd = engines.get(nation);
  if (!hd) {
    hd = new Holidays('GB', REGION[nation]);
    engines.set(nation, hd);
  }
  return hd;
}

/**
 * What date-holidays says, reduced to the gov.uk shape. The library also lists the original
 * date of a holiday that falls at a weekend (e.g. Boxing Day on Saturday 26 December 2020)
 * alongside its substitute Monday; gov.uk lists only the substitute, and a weekend date never
 * changes a working-day count, so weekend dates are dropped.
 */
function fromLibrary(nation: Nation, year: number): BankHoliday[] {
  const out: BankHoliday[] = [];
  for (const h of engine(nation).getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    if (isWeekend(date)) continue;
    out.push({ date, name: h.name });
  }
  return out;
}

/**
 * The bank holidays of one nation in one calendar year, in date order, as gov.uk lists them:
 * weekdays only, substitute days included, one-off holidays included.
 *
 * @param nation Whose calendar; Wales uses `england-and-wales`.
 * @param year Calendar year, e.g. 2026. Returns an empty list outside 1971–9999 or for a
 *   non-integer year.
 */
export function bankHolidays(nation: Nation, year: number): readonly BankHoliday[] {
  if (!supported(year)) return [];
  const key = `${nation}:${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;

  const byDate = new Map<string, BankHoliday>();
  for (const h of fromLibrary(nation, year)) {
    // Two rules can land on one date (e.g. Scotland's 2 January and a New Year substitute);
    // keep the first name, the date is what matters.
    if (!byDate.has(h.date)) byDate.set(h.date, h);
  }
  for (const c of CORRECTIONS) {
    if (c.nation !== nation || yearOfIsoDate(c.date) !== year) continue;
    if (c.action === 'remove') byDate.delete(c.date);
    else byDate.set(c.date, { date: c.date, name: c.name });
  }
  const list = Object.freeze(
    [...byDate.values()]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((h) => Object.freeze({ ...h })),
  );
  holidayCache.set(key, list);
  return list;
}

/**
 * The dates (`YYYY-MM-DD`) of one nation's bank holidays in one year, in order.
 *
 * @param nation Whose calendar; Wales uses `england-and-wales`.
 * @param year Calendar year. Returns an empty list outside 1971–9999.
 */
export function bankHolidayDates(nation: Nation, year: number): readonly string[] {
  return [...dateSet(nation, year)];
}

function dateSet(nation: Nation, year: number): ReadonlySet<string> {
  const key = `${nation}:${year}`;
  let set = dateSetCache.get(key);
  if (!set) {
    set = new Set(bankHolidays(nation, year).map((h) => h.date));
    dateSetCache.set(key, set);
  }
  return set;
}

/**
 * Whether a local date is a bank holiday in the given nation.
 *
 * @param nation Whose calendar.
 * @param isoDate A `YYYY-MM-DD` date. Anything else (including impossible dates such as
 *   `2025-02-30`) is not a bank holiday.
 */
export function isBankHoliday(nation: Nation, isoDate: string): boolean {
  const year = yearOfIsoDate(isoDate);
  if (year === null) return false;
  return dateSet(nation, year).has(isoDate);
}

/**
 * Every date in a year that is a bank holiday in any part of the UK, plus Christmas Day and
 * Good Friday, in order. This is the set of non-working weekdays in the Freedom of Information
 * Act 2000 s.10(6): Christmas Day and Good Friday are named there separately because in England
 * and Wales they are common-law holidays, not bank holidays under the 1971 Act. Christmas Day is
 * listed even when it falls at a weekend, as the Act names the day itself.
 *
 * @param year Calendar year. Returns an empty list outside 1971–9999.
 */
export function anyUkHolidayDates(year: number): readonly string[] {
  if (!supported(year)) return [];
  const cached = anyUkCache.get(year);
  if (cached) return cached;

  const dates = new Set<string>();
  for (const nation of NATIONS) for (const d of dateSet(nation, year)) dates.add(d);
  dates.add(`${String(year).padStart(4, '0')}-12-25`);
  // Good Friday is a bank holiday in every nation, so the union already holds it; read it from
  // the library's rule as well so the s.10(6) set does not depend on that coincidence.
  for (const h of engine('england-and-wales').getHolidays(year)) {
    if (h.rule === 'easter -2') dates.add(h.date.slice(0, 10));
  }
  const list = Object.freeze([...dates].sort());
  anyUkCache.set(year, list);
  anyUkSetCache.set(year, new Set(list));
  return list;
}

/**
 * Whether a local date is in {@link anyUkHolidayDates} for its year: a bank holiday anywhere in
 * the UK, Christmas Day or Good Friday.
 *
 * @param isoDate A `YYYY-MM-DD` date; anything else returns false.
 */
export function isAnyUkHoliday(isoDate: string): boolean {
  const year = yearOfIsoDate(isoDate);
  if (year === null || !supported(year)) return false;
  anyUkHolidayDates(year);
  return anyUkSetCache.get(year)?.has(isoDate) ?? false;
}
