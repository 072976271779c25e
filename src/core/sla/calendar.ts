/**
 * The working-hours clock: when a team is working, and how long working time takes to elapse.
 *
 * A calendar is built from the profile's `hours` (weekly intervals in local wall-clock time, a
 * time zone, closures) and the organisation's nation (whose bank holidays pause the clock).
 * Every function is pure: instants come in as arguments, nothing reads the clock.
 *
 * How it works: each local calendar day is turned into a few working windows of real instants
 * (epoch milliseconds), and the functions walk those windows day by day. Days with no working
 * time cost only a date check, so long weekends and closures are skipped, never stepped through
 * minute by minute. Working time is measured in real elapsed time, so on the day the clocks go
 * forward a 00:00–24:00 day holds 23 hours, and 25 when they go back.
 */
import { DateTime, IANAZone } from 'luxon';
import type { Nation } from '../profile/schema.js';
import { isBankHoliday } from './bank-holidays.js';

/** An instant: a `Date`, or an ISO 8601 string. A string without an offset is read as local time
 * in the calendar's time zone (so `2026-03-02T09:00` means 09:00 at the organisation). */
export type Instant = Date | string;

/** Days of the week as the profile names them, Monday first (ISO order). */
export type Weekday =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** The weekdays in ISO order; index 0 is Monday. */
export const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/**
 * The part of the profile's `hours` a calendar needs. Both the parsed profile (`Profile['hours']`)
 * and a hand-written object fit. Intervals are `["HH:MM", "HH:MM"]` local wall-clock times;
 * `"24:00"` ends a day at midnight. An interval that ends before it starts (`["22:00", "06:00"]`)
 * runs overnight into the next weekday.
 */
export interface WorkingHoursSpec {
  /** IANA time zone; defaults to `Europe/London`. */
  readonly timeZone?: string;
  readonly week: Readonly<Record<Weekday, readonly (readonly [string, string])[]>>;
  /** Local dates (`YYYY-MM-DD`) the whole organisation is closed. */
  readonly closures?: readonly string[];
}

/** Options that are not part of the profile's `hours`. */
export interface WorkingCalendarOptions {
  /** More closure dates (`YYYY-MM-DD`), added to those in the hours. */
  readonly closures?: readonly string[];
  /**
   * Whether the nation's bank holidays pause the clock. Defaults to true. A 24/7 service that
   * works through bank holidays sets this to false.
   */
  readonly observeBankHolidays?: boolean;
}

/** A working interval within one local day, in minutes after local midnight: `[start, end)`. */
export type MinuteInterval = readonly [start: number, end: number];

/**
 * A team's working calendar. Treat it as opaque and pass it to the functions of this module;
 * the fields are readable for display and debugging.
 */
export interface WorkingCalendar {
  readonly timeZone: string;
  readonly nation: Nation;
  /**
   * Working intervals per weekday (index 0 = Monday), sorted and merged, with overnight intervals
   * already split at midnight.
   */
  readonly week: readonly (readonly MinuteInterval[])[];
  /** Closure dates (`YYYY-MM-DD`) from the hours and the options together. */
  readonly closures: ReadonlySet<string>;
  readonly observeBankHolidays: boolean;
  /** Nominal working minutes in a week without holidays or clock changes; 0 means never open. */
  readonly minutesPerWeek: number;
}

/** A working window on one date, as real instants. */
export interface WorkingInterval {
  readonly start: Date;
  readonly end: Date;
}

/**
 * How many local days ahead a search looks before giving up, about three years. It bounds
 * `nextWorkingStart`, `dueAt` and `addWorkingDays`, so a calendar with no working time (or one
 * whose every working day is closed) returns null instead of looping forever. No real SLA runs
 * that long.
 */
export const SEARCH_HORIZON_DAYS = 1100;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;
const DEFAULT_TIME_ZONE = 'Europe/London';
const CLOCK = /^(\d{2}):(\d{2})$/;

/** Minutes after midnight for `HH:MM` (`24:00` allowed), or null if it is not a clock time. */
function parseClock(text: string): number | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours === 24 && minutes === 0) return DAY_MINUTES;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** Sorts and merges overlapping or touching intervals, dropping empty ones. */
function mergeIntervals(intervals: MinuteInterval[]): MinuteInterval[] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Things wrong with a set of working hours that would stop {@link workingCalendar} from building
 * a calendar, or that are probably mistakes. An empty list means the hours are fine. Meant for
 * the profile loader, so that it can report problems instead of catching an exception.
 *
 * @param hours The profile's `hours`, parsed or not.
 * @returns Plain-language problems, one per entry.
 */
export function workingHoursProblems(hours: WorkingHoursSpec): string[] {
  const problems: string[] = [];
  const zone = hours.timeZone ?? DEFAULT_TIME_ZONE;
  if (!IANAZone.isValidZone(zone)) {
    problems.push(`time zone "${zone}" is not an IANA time zone such as "Europe/London"`);
  }
  // The type requires `week`, but this is where a loader brings unchecked input, so say so.
  if (!hours.week) problems.push('no weekly hours ("week") are given');
  for (const day of WEEKDAYS) {
    const parsed: MinuteInterval[] = [];
    for (const [from, to] of hours.week?.[day] ?? []) {
      const a = parseClock(from);
      const b = parseClock(to);
      if (a === null || b === null) {
        problems.push(`${day}: "${from}"–"${to}" is not a pair of 24-hour times such as "09:00"`);
      } else if (a === b) {
        problems.push(`${day}: "${from}"–"${to}" is empty (start and end are the same)`);
      } else if (a < b) {
        parsed.push([a, b]);
      }
    }
    const sorted = [...parsed].sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i][0] < sorted[i - 1][1]) problems.push(`${day}: working intervals overlap`);
    }
  }
  for (const date of hours.closures ?? []) {
    if (isoDateToDay(date) === null) problems.push(`closure "${date}" is not a real date`);
  }
  return problems;
}

/**
 * Builds a working calendar from a profile's hours and nation.
 *
 * @param hours Weekly working intervals, time zone and closures (the profile's `hours`).
 * @param nation Whose bank holidays pause the clock.
 * @param extra More closures, and whether bank holidays are observed (default true).
 * @throws RangeError if the time zone is unknown or a time is not `HH:MM`. The profile schema
 *   rejects bad times; check the time zone with {@link workingHoursProblems} first, since the
 *   schema does not (yet) validate it.
 */
export function workingCalendar(
  hours: WorkingHoursSpec,
  nation: Nation,
  extra: WorkingCalendarOptions = {},
): WorkingCalendar {
  const timeZone = hours.timeZone ?? DEFAULT_TIME_ZONE;
  if (!IANAZone.isValidZone(timeZone)) {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
  const raw: MinuteInterval[][] = WEEKDAYS.map(() => []);
  WEEKDAYS.forEach((day, i) => {
    for (const [from, to] of hours.week?.[day] ?? []) {
      const a = parseClock(from);
      const b = parseClock(to);
      if (a === null || b === null) {
        throw new RangeError(
          `${day}: expected 24-hour times such as "09:00", got "${from}"–"${to}"`,
        );
      }
      if (a < b) {
        raw[i].push([a, b]);
      } else if (a > b) {
        // Overnight: the part after midnight belongs to the next weekday's date (and so follows
        // that date's holidays and closures), which keeps every window inside one local day.
        raw[i].push([a, DAY_MINUTES]);
        raw[(i + 1) % 7].push([0, b]);
      }
    }
  });
  const week = raw.map((intervals) => Object.freeze(mergeIntervals(intervals)));
  const minutesPerWeek = week.flat().reduce((sum, [a, b]) => sum + (b - a), 0);
  return Object.freeze({
    timeZone,
    nation,
    week: Object.freeze(week),
    closures: new Set([...(hours.closures ?? []), ...(extra.closures ?? [])]),
    observeBankHolidays: extra.observeBankHolidays ?? true,
    minutesPerWeek,
  });
}

// ---------------------------------------------------------------------------------------------
// Local days. A local date is handled as a day number: whole days since 1970-01-01, counted on
// the civil calendar, so that stepping from one date to the next is plain integer arithmetic.
// ---------------------------------------------------------------------------------------------

function zoneOf(cal: WorkingCalendar): IANAZone {
  return IANAZone.create(cal.timeZone);
}

/** The zone's UTC offset at an instant, in milliseconds. */
function offsetMs(zone: IANAZone, t: number): number {
  return zone.offset(t) * MINUTE_MS;
}

/** The local day number of an instant. */
function localDay(zone: IANAZone, t: number): number {
  return Math.floor((t + offsetMs(zone, t)) / DAY_MS);
}

function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function isoDateToDay(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // A round trip rejects dates that Date.UTC rolls over, such as 2025-02-30.
  return dayToIsoDate(ms / DAY_MS) === isoDate ? ms / DAY_MS : null;
}

/** 0 = Monday … 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The first instant at which the local wall clock shows `wall` or later (`wall` is the local
 * date-time written as if it were UTC). When the clocks go back and a time happens twice, that
 * is its first occurrence; when they go forward and a time never happens, it is the moment of
 * the change. Taking "first instant at or after" keeps the mapping monotonic, so windows never
 * overlap or run backwards around a clock change.
 */
function wallToInstant(zone: IANAZone, wall: number): number {
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  let best: number | null = null;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = wall - offset;
    if (offsetMs(zone, t) === offset && (best === null || t < best)) best = t;
  }
  if (best !== null) return best;
  // In the gap the clocks skip: search for the change itself, the first instant whose wall
  // time has reached `wall`. The wall time only rises across a gap, so bisection works.
  let lo = wall - Math.max(before, after);
  let hi = wall - Math.min(before, after);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetMs(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The zone's offset at 00:00 UTC of each day number, memoised per zone. Time-zone rules do not
 * change while the process runs, so this is a pure cache; it is what lets an ordinary day map
 * its wall times with two lookups instead of several calls into Intl. Cleared when large so a
 * long-running process cannot grow it without bound.
 */
const midnightOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_OFFSETS = 200_000;

function midnightOffset(zone: IANAZone, day: number): number {
  let byDay = midnightOffsets.get(zone.name);
  if (!byDay || byDay.size > MAX_CACHED_OFFSETS) {
    byDay = new Map();
    midnightOffsets.set(zone.name, byDay);
  }
  let offset = byDay.get(day);
  if (offset === undefined) {
    offset = offsetMs(zone, day * DAY_MS);
    byDay.set(day, offset);
  }
  return offset;
}

/** Whether a local date is open at all: the weekday has hours and it is no holiday or closure. */
function dayIsOpen(cal: WorkingCalendar, day: number): boolean {
  if (cal.week[weekdayIndex(day)].length === 0) return false;
  const iso = dayToIsoDate(day);
  if (cal.closures.has(iso)) return false;
  return !(cal.observeBankHolidays && isBankHoliday(cal.nation, iso));
}

/**
 * The working windows of one local date as `[start, end)` epoch-millisecond pairs, in order,
 * empty ones (swallowed by a clock change) left out.
 */
function windowsOn(cal: WorkingCalendar, zone: IANAZone, day: number): [number, number][] {
  if (!dayIsOpen(cal, day)) return [];
  const midnight = day * DAY_MS;
  // If the offset is the same a day either side, the clocks do not change on this date and every
  // wall time maps with one subtraction; only the two change days a year take the slow path.
  // (The samples span the whole local day for any UTC offset up to ±24 hours.)
  const steady = midnightOffset(zone, day - 1);
  const toInstant =
    steady === midnightOffset(zone, day + 2)
      ? (wall: number) => wall - steady
      : (wall: number) => wallToInstant(zone, wall);
  const out: [number, number][] = [];
  for (const [a, b] of cal.week[weekdayIndex(day)]) {
    const start = toInstant(midnight + a * MINUTE_MS);
    const end = toInstant(midnight + b * MINUTE_MS);
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** Working windows of local dates `first` to `last` inclusive, in time order. */
function* windowsBetween(
  cal: WorkingCalendar,
  zone: IANAZone,
  first: number,
  last: number,
): Generator<[number, number]> {
  for (let day = first; day <= last; day++) yield* windowsOn(cal, zone, day);
}

/**
 * Instants this module reads: years 1900 to 9999. Far outside that, day arithmetic would run off
 * the end of what `Date` can represent, so such instants are treated as unreadable.
 */
const FIRST_INSTANT = Date.UTC(1900, 0, 1);
const LAST_INSTANT = Date.UTC(10000, 0, 1) - 1;

/** Epoch milliseconds of an instant, or null if it cannot be read. */
function toMillis(cal: WorkingCalendar, at: Instant): number | null {
  let t: number | null = null;
  if (at instanceof Date) {
    t = at.getTime();
  } else if (typeof at === 'string') {
    const dt = DateTime.fromISO(at, { zone: cal.timeZone });
    if (dt.isValid) t = dt.toMillis();
  }
  return t !== null && t >= FIRST_INSTANT && t <= LAST_INSTANT ? t : null;
}

/** The local day number of an instant or `YYYY-MM-DD` date, or null if it cannot be read. */
function toLocalDay(cal: WorkingCalendar, zone: IANAZone, at: Instant): number | null {
  if (typeof at === 'string') {
    const day = isoDateToDay(at);
    if (day !== null) return day * DAY_MS >= FIRST_INSTANT ? day : null;
  }
  const t = toMillis(cal, at);
  return t === null ? null : localDay(zone, t);
}

// ---------------------------------------------------------------------------------------------
// Public functions. Searches start one day early: when a zone's clocks go back at midnight an
// instant can sit in the previous date's last window.
// ---------------------------------------------------------------------------------------------

/**
 * Whether an instant is inside working time: within one of the day's intervals (start
 * inclusive, end exclusive), on a date that is not a bank holiday (if observed) or a closure.
 *
 * @returns false for an instant that cannot be read.
 */
export function isWorkingTime(cal: WorkingCalendar, at: Instant): boolean {
  const t = toMillis(cal, at);
  if (t === null || cal.minutesPerWeek === 0) return false;
  const zone = zoneOf(cal);
  const day = localDay(zone, t);
  for (const [start, end] of windowsBetween(cal, zone, day - 1, day + 1)) {
    if (start <= t && t < end) return true;
  }
  return false;
}

/**
 * Whether an instant is outside working time — the opposite of {@link isWorkingTime}.
 *
 * @returns false for an instant that cannot be read (it is neither in nor out of hours).
 */
export function isOutOfHours(cal: WorkingCalendar, at: Instant): boolean {
  return toMillis(cal, at) !== null && !isWorkingTime(cal, at);
}

/**
 * The instant working time next begins: `at` itself if it is inside working time.
 *
 * @returns null if `at` cannot be read or there is no working time within
 *   {@link SEARCH_HORIZON_DAYS} days.
 */
export function nextWorkingStart(cal: WorkingCalendar, at: Instant): Date | null {
  const t = toMillis(cal, at);
  if (t === null || cal.minutesPerWeek === 0) return null;
  const zone = zoneOf(cal);
  const day = localDay(zone, t);
  for (const [start, end] of windowsBetween(cal, zone, day - 1, day + SEARCH_HORIZON_DAYS)) {
    if (end > t) return new Date(Math.max(start, t));
  }
  return null;
}

/**
 * When an item is due: the instant at which `targetWorkingMinutes` of working time have passed
 * since it arrived. The clock runs only in working time, so an item arriving out of hours is due
 * at the start of the next working period plus the target (requirement INB-2), and one arriving
 * near closing time carries the rest over. A deadline that lands exactly on closing time stays
 * there rather than moving to the next opening. A target of 0 gives the next working start.
 *
 * @param receivedAt When the item arrived.
 * @param targetWorkingMinutes Working minutes allowed (fractions are kept to the millisecond).
 * @param cal The team's working calendar.
 * @returns null if `receivedAt` cannot be read, the target is negative or not finite, or the
 *   deadline would be more than {@link SEARCH_HORIZON_DAYS} days away (always so for a calendar
 *   with no working time).
 */
export function dueAt(
  receivedAt: Instant,
  targetWorkingMinutes: number,
  cal: WorkingCalendar,
): Date | null {
  const t = toMillis(cal, receivedAt);
  if (t === null || !Number.isFinite(targetWorkingMinutes) || targetWorkingMinutes < 0) return null;
  if (cal.minutesPerWeek === 0) return null;
  const zone = zoneOf(cal);
  const day = localDay(zone, t);
  let remaining = Math.round(targetWorkingMinutes * MINUTE_MS);
  for (const [start, end] of windowsBetween(cal, zone, day - 1, day + SEARCH_HORIZON_DAYS)) {
    if (end <= t) continue;
    const from = Math.max(start, t);
    const available = end - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
  }
  return null;
}

/**
 * Working time between two instants, in minutes: the clock is paused out of hours, on bank
 * holidays (if observed) and on closures. Measured in real time, so a clock change inside working
 * hours counts as it really passed. May be fractional when the instants are not on whole minutes.
 * Runs in time proportional to the number of days between the instants.
 *
 * @returns 0 if `to` is not after `from`; null if either instant cannot be read.
 */
export function workingMinutesBetween(
  cal: WorkingCalendar,
  from: Instant,
  to: Instant,
): number | null {
  const a = toMillis(cal, from);
  const b = toMillis(cal, to);
  if (a === null || b === null) return null;
  if (b <= a || cal.minutesPerWeek === 0) return 0;
  const zone = zoneOf(cal);
  let total = 0;
  for (const [start, end] of windowsBetween(
    cal,
    zone,
    localDay(zone, a) - 1,
    localDay(zone, b) + 1,
  )) {
    if (start >= b) break;
    const overlap = Math.min(end, b) - Math.max(start, a);
    if (overlap > 0) total += overlap;
  }
  // Summing whole milliseconds and dividing once keeps the result exact for whole minutes.
  return total / MINUTE_MS;
}

/**
 * Whether a local date has any working time: its weekday has hours, it is not a closure or an
 * observed bank holiday, and a clock change does not swallow all of its hours.
 *
 * @param date A `YYYY-MM-DD` date, or an instant (its local date in the calendar's zone).
 * @returns false for a date that cannot be read.
 */
export function isWorkingDay(cal: WorkingCalendar, date: Instant): boolean {
  const zone = zoneOf(cal);
  const day = toLocalDay(cal, zone, date);
  return day !== null && windowsOn(cal, zone, day).length > 0;
}

/**
 * The working intervals on a local date, as instants — e.g. for showing "open 09:00–17:00 today".
 *
 * @param date A `YYYY-MM-DD` date, or an instant (its local date in the calendar's zone).
 * @returns An empty list on a non-working day or for a date that cannot be read.
 */
export function workingIntervalsOn(cal: WorkingCalendar, date: Instant): WorkingInterval[] {
  const zone = zoneOf(cal);
  const day = toLocalDay(cal, zone, date);
  if (day === null) return [];
  return windowsOn(cal, zone, day).map(([start, end]) => ({
    start: new Date(start),
    end: new Date(end),
  }));
}

/**
 * Counts working days (see {@link isWorkingDay}) from a date, day-granular: the starting date is
 * not counted, so 1 is the next working day after `from`, whatever the hour. Negative counts go
 * backwards; 0 returns the starting date.
 *
 * @param from A `YYYY-MM-DD` date, or an instant (its local date in the calendar's zone).
 * @param days Whole number of working days.
 * @returns The local date (`YYYY-MM-DD`) reached, or null if `from` cannot be read, `days` is not
 *   an integer, or the date lies beyond {@link SEARCH_HORIZON_DAYS} days.
 */
export function addWorkingDays(cal: WorkingCalendar, from: Instant, days: number): string | null {
  if (!Number.isInteger(days)) return null;
  const zone = zoneOf(cal);
  let day = toLocalDay(cal, zone, from);
  if (day === null) return null;
  if (days === 0) return dayToIsoDate(day);
  if (cal.minutesPerWeek === 0) return null;
  const step = days > 0 ? 1 : -1;
  let left = Math.abs(days);
  for (let scanned = 0; scanned < SEARCH_HORIZON_DAYS; scanned++) {
    day += step;
    if (windowsOn(cal, zone, day).length > 0 && --left === 0) return dayToIsoDate(day);
  }
  return null;
}
