/**
 * Freedom of Information deadlines, counted in statutory working days.
 *
 * Freedom of Information Act 2000, s.10(1): a public authority must comply "promptly and in any
 * event not later than the twentieth working day following the date of receipt". So the date of
 * receipt is day 0, whatever the hour and even if it is itself a non-working day, and day 1 is
 * the first working day after it.
 *
 * s.10(6): a "working day" is any day other than a Saturday, a Sunday, Christmas Day, Good Friday
 * or a day which is a bank holiday under the Banking and Financial Dealings Act 1971 in ANY part
 * of the United Kingdom. An English trust therefore skips St Andrew's Day and 12 July too.
 *
 * Scottish public authorities answer under the Freedom of Information (Scotland) Act 2002
 * instead, whose s.73 counts only Scotland's bank holidays (and Christmas Day); pass
 * `{ regime: 'foisa' }` for that. Dates are always reckoned in UK time (Europe/London), whatever
 * the team's own calendar says: the statute counts days, not the team's hours.
 */
import { DateTime } from 'luxon';
import { isAnyUkHoliday, isBankHoliday } from './bank-holidays.js';
import type { Instant } from './calendar.js';

/** The UK's civil time zone, in which FOI dates are reckoned. */
export const FOI_TIME_ZONE = 'Europe/London';

/** The statutory FOI limit: 20 working days. */
export const FOI_STATUTORY_WORKING_DAYS = 20;

/**
 * Which statute sets the working days. `foia`: Freedom of Information Act 2000 s.10(6), for
 * England, Wales, Northern Ireland and UK-wide bodies. `foisa`: Freedom of Information
 * (Scotland) Act 2002 s.73, for Scottish public authorities such as NHS boards.
 */
export type FoiRegime = 'foia' | 'foisa';

/** Options for the FOI functions. */
export interface FoiOptions {
  /** Defaults to `foia`. */
  readonly regime?: FoiRegime;
}

/** An FOI deadline. */
export interface FoiDeadline {
  /** The local date of receipt (`YYYY-MM-DD`): day 0. */
  readonly receivedOn: string;
  /** The last permitted day (`YYYY-MM-DD`): the last of the working days counted. */
  readonly date: string;
  /** 23:59:59.999 UK time on `date`: the last instant a response is in time. */
  readonly endOfDay: Date;
  /** How many working days were counted. */
  readonly workingDays: number;
}

/**
 * How far a count may run before giving up, in calendar days (about three years). Only reached
 * with absurd inputs; 20 working days never take more than about 30 calendar days.
 */
const MAX_CALENDAR_DAYS = 1100;

const DAY_MS = 86_400_000;

function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoDateToDay(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayToIsoDate(ms / DAY_MS) === isoDate ? ms / DAY_MS : null;
}

/** Days of the years 1900–9999: beyond them day arithmetic would outrun what `Date` holds. */
const FIRST_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(9999, 11, 31) / DAY_MS;

/** The UK local day number of an instant (a bare `YYYY-MM-DD` is taken as that date). */
function receiptDay(at: Instant): number | null {
  const day = readDay(at);
  return day !== null && day >= FIRST_DAY && day <= LAST_DAY ? day : null;
}

function readDay(at: Instant): number | null {
  if (typeof at === 'string') {
    const day = isoDateToDay(at);
    if (day !== null) return day;
    const dt = DateTime.fromISO(at, { zone: FOI_TIME_ZONE });
    return dt.isValid ? isoDateToDay(dt.toISODate() ?? '') : null;
  }
  if (!(at instanceof Date) || !Number.isFinite(at.getTime())) return null;
  const local = DateTime.fromJSDate(at, { zone: FOI_TIME_ZONE }).toISODate();
  return local === null ? null : isoDateToDay(local);
}

function isWorkingDayNumber(day: number, regime: FoiRegime): boolean {
  // Day 0 (1970-01-01) was a Thursday, so day + 4 is 0 on Sundays and 6 on Saturdays.
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  const iso = dayToIsoDate(day);
  if (regime === 'foisa') return !(iso.endsWith('-12-25') || isBankHoliday('scotland', iso));
  return !isAnyUkHoliday(iso);
}

/**
 * Whether a date is a working day for FOI purposes (see the module comment).
 *
 * @param isoDate A `YYYY-MM-DD` date; anything else returns false.
 */
export function isFoiWorkingDay(isoDate: string, options: FoiOptions = {}): boolean {
  const day = isoDateToDay(isoDate);
  return day !== null && isWorkingDayNumber(day, options.regime ?? 'foia');
}

/**
 * The FOI response deadline: the `workingDays`-th working day after the date of receipt, and
 * the end of that day in UK time.
 *
 * @param receivedAt When the request was received. An instant is placed on its UK date; a bare
 *   `YYYY-MM-DD` is taken as that date.
 * @param workingDays Working days allowed; the statutory 20 by default. 0 returns the date of
 *   receipt.
 * @returns null if `receivedAt` cannot be read or `workingDays` is not a whole number ≥ 0 (or is
 *   so large that the count runs past about three years).
 */
export function foiDueAt(
  receivedAt: Instant,
  workingDays: number = FOI_STATUTORY_WORKING_DAYS,
  options: FoiOptions = {},
): FoiDeadline | null {
  const received = receiptDay(receivedAt);
  if (received === null || !Number.isInteger(workingDays) || workingDays < 0) return null;
  const regime = options.regime ?? 'foia';
  let day = received;
  let counted = 0;
  while (counted < workingDays) {
    day++;
    if (day - received > MAX_CALENDAR_DAYS) return null;
    if (isWorkingDayNumber(day, regime)) counted++;
  }
  const date = dayToIsoDate(day);
  return {
    receivedOn: dayToIsoDate(received),
    date,
    endOfDay: DateTime.fromISO(date, { zone: FOI_TIME_ZONE }).endOf('day').toJSDate(),
    workingDays,
  };
}

/**
 * Which working day of the FOI clock an instant falls on: 0 on the date of receipt, 1 on the
 * first working day after it, and so on. A non-working day carries the number of the working day
 * before it. A request is late once this exceeds the allowed working days (20 on the due date
 * itself, 21 the next working day).
 *
 * @param receivedAt When the request was received (UK date, as in {@link foiDueAt}).
 * @param at The instant to measure to; before the date of receipt gives 0.
 * @returns null if either instant cannot be read. Runs in time proportional to the days between.
 */
export function foiWorkingDaysElapsed(
  receivedAt: Instant,
  at: Instant,
  options: FoiOptions = {},
): number | null {
  const received = receiptDay(receivedAt);
  const now = receiptDay(at);
  if (received === null || now === null) return null;
  const regime = options.regime ?? 'foia';
  let count = 0;
  for (let day = received + 1; day <= now; day++) {
    if (isWorkingDayNumber(day, regime)) count++;
  }
  return count;
}
