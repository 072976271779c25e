import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hoursSchema } from '../profile/schema.js';
import {
  addWorkingDays,
  dueAt,
  isOutOfHours,
  isWorkingDay,
  isWorkingTime,
  nextWorkingStart,
  workingCalendar,
  workingHoursProblems,
  workingIntervalsOn,
  workingMinutesBetween,
  type WorkingCalendar,
  type WorkingHoursSpec,
} from './calendar.js';

type Day = readonly (readonly [string, string])[];

function week(weekdays: Day, weekend: Day = []): WorkingHoursSpec['week'] {
  return {
    monday: weekdays,
    tuesday: weekdays,
    wednesday: weekdays,
    thursday: weekdays,
    friday: weekdays,
    saturday: weekend,
    sunday: weekend,
  };
}

const OFFICE = week([['09:00', '17:00']]);
const ALWAYS = week([['00:00', '24:00']], [['00:00', '24:00']]);

const england = workingCalendar({ week: OFFICE }, 'england-and-wales');
const scotland = workingCalendar({ week: OFFICE }, 'scotland');
const northernIreland = workingCalendar({ week: OFFICE }, 'northern-ireland');

/** An instant written in UTC, for exact expectations. */
const utc = (iso: string): Date => new Date(iso);
/** `dueAt` as an ISO string (or null), for readable failures. */
const due = (received: string, minutes: number, cal: WorkingCalendar): string | null =>
  dueAt(utc(received), minutes, cal)?.toISOString() ?? null;

describe('dueAt — England and Wales office hours, 09:00–17:00 Monday to Friday', () => {
  it('[INB-2] an item arriving on Friday at 16:30 with a 2-hour target is due Monday 10:30', () => {
    // Friday 6 March 2026, GMT.
    expect(due('2026-03-06T16:30:00Z', 120, england)).toBe('2026-03-09T10:30:00.000Z');
  });

  it('[INB-2] an item arriving inside working hours is due after the target', () => {
    expect(due('2026-03-03T10:15:00Z', 120, england)).toBe('2026-03-03T12:15:00.000Z');
  });

  it('[INB-2] an item arriving before opening is due at opening plus the target', () => {
    expect(due('2026-03-03T07:00:00Z', 120, england)).toBe('2026-03-03T11:00:00.000Z');
  });

  it('[INB-2] an item arriving after closing is due next morning at opening plus the target', () => {
    expect(due('2026-03-03T18:00:00Z', 120, england)).toBe('2026-03-04T11:00:00.000Z');
  });

  it('[INB-2] an item arriving at the weekend is due Monday at opening plus the target', () => {
    expect(due('2026-03-07T12:00:00Z', 120, england)).toBe('2026-03-09T11:00:00.000Z');
  });

  it('[INB-2] an item arriving exactly at closing time waits for the next opening', () => {
    expect(due('2026-03-06T17:00:00Z', 120, england)).toBe('2026-03-09T11:00:00.000Z');
  });

  it('[INB-2] a deadline landing exactly on closing time stays at closing time', () => {
    expect(due('2026-03-03T15:00:00Z', 120, england)).toBe('2026-03-03T17:00:00.000Z');
  });

  it('[INB-2] an item arriving on a bank holiday is due the next working day at opening plus the target', () => {
    // Easter Monday 6 April 2026 (BST): closed in England, open in Scotland.
    expect(due('2026-04-06T09:00:00Z', 120, england)).toBe('2026-04-07T10:00:00.000Z');
    expect(due('2026-04-06T09:00:00Z', 120, scotland)).toBe('2026-04-06T11:00:00.000Z');
  });

  it('[INB-2] a target spanning the Easter weekend skips Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026, 16:00 BST: one hour on Thursday, the second on Tuesday morning.
    expect(due('2026-04-02T15:00:00Z', 120, england)).toBe('2026-04-07T09:00:00.000Z');
    expect(due('2026-04-02T15:00:00Z', 120, northernIreland)).toBe('2026-04-07T09:00:00.000Z');
    // Scotland has Good Friday but not Easter Monday.
    expect(due('2026-04-02T15:00:00Z', 120, scotland)).toBe('2026-04-06T09:00:00.000Z');
  });

  it('[INB-2] a target of 0 is due at the next working start', () => {
    expect(due('2026-03-07T12:00:00Z', 0, england)).toBe('2026-03-09T09:00:00.000Z');
    expect(due('2026-03-03T10:00:00Z', 0, england)).toBe('2026-03-03T10:00:00.000Z');
  });

  it('carries a multi-day target over several working days', () => {
    // 3 working days of 8 hours from Tuesday 10:00 → Friday 10:00.
    expect(due('2026-03-03T10:00:00Z', 3 * 480, england)).toBe('2026-03-06T10:00:00.000Z');
  });

  it('reads an ISO string without an offset as local time in the calendar’s zone', () => {
    // 16:00 BST is 15:00 UTC.
    expect(dueAt('2026-07-02T16:00', 120, england)?.toISOString()).toBe('2026-07-03T09:00:00.000Z');
    expect(dueAt('2026-07-02T15:00:00Z', 120, england)?.toISOString()).toBe(
      '2026-07-03T09:00:00.000Z',
    );
  });

  it('returns null, without throwing, for unreadable input', () => {
    expect(dueAt('not a date', 120, england)).toBeNull();
    expect(dueAt(new Date(Number.NaN), 120, england)).toBeNull();
    expect(dueAt(utc('2026-03-03T10:00:00Z'), -1, england)).toBeNull();
    expect(dueAt(utc('2026-03-03T10:00:00Z'), Number.NaN, england)).toBeNull();
    expect(dueAt(utc('2026-03-03T10:00:00Z'), Number.POSITIVE_INFINITY, england)).toBeNull();
    // The last instant a Date can hold: scanning days past it must not throw.
    expect(dueAt(new Date(8.64e15), 120, england)).toBeNull();
    expect(addWorkingDays(england, new Date(-8.64e15), 1)).toBeNull();
  });
});

describe('dueAt — the nations’ calendars differ', () => {
  it('[INB-2] 2 January is a holiday in Scotland only', () => {
    // Wednesday 31 December 2025, 16:00.
    expect(due('2025-12-31T16:00:00Z', 120, england)).toBe('2026-01-02T10:00:00.000Z');
    expect(due('2025-12-31T16:00:00Z', 120, scotland)).toBe('2026-01-05T10:00:00.000Z');
  });

  it('[INB-2] St Andrew’s Day (Monday 30 November 2026) is a holiday in Scotland only', () => {
    expect(due('2026-11-27T17:30:00Z', 120, england)).toBe('2026-11-30T11:00:00.000Z');
    expect(due('2026-11-27T17:30:00Z', 120, scotland)).toBe('2026-12-01T11:00:00.000Z');
  });

  it('[INB-2] Scotland’s summer holiday is the first Monday of August, England’s the last', () => {
    // Monday 3 August 2026, 09:00 BST.
    expect(due('2026-08-03T08:00:00Z', 120, england)).toBe('2026-08-03T10:00:00.000Z');
    expect(due('2026-08-03T08:00:00Z', 120, scotland)).toBe('2026-08-04T10:00:00.000Z');
    // Monday 31 August 2026.
    expect(due('2026-08-31T08:00:00Z', 120, england)).toBe('2026-09-01T10:00:00.000Z');
    expect(due('2026-08-31T08:00:00Z', 120, scotland)).toBe('2026-08-31T10:00:00.000Z');
  });

  it('[INB-2] St Patrick’s Day (17 March) is a holiday in Northern Ireland only', () => {
    // Tuesday 17 March 2026, 09:00 GMT.
    expect(due('2026-03-17T09:00:00Z', 120, northernIreland)).toBe('2026-03-18T11:00:00.000Z');
    expect(due('2026-03-17T09:00:00Z', 120, england)).toBe('2026-03-17T11:00:00.000Z');
  });

  it('[INB-2] the Battle of the Boyne holiday moves to Monday 13 July 2026 in Northern Ireland', () => {
    // Friday 10 July 2026, 16:00 BST.
    expect(due('2026-07-10T15:00:00Z', 120, northernIreland)).toBe('2026-07-14T09:00:00.000Z');
    expect(due('2026-07-10T15:00:00Z', 120, england)).toBe('2026-07-13T09:00:00.000Z');
  });
});

describe('daylight saving time', () => {
  // A seven-day team, 08:00–20:00 every day.
  const sevenDay = workingCalendar(
    { week: week([['08:00', '20:00']], [['08:00', '20:00']]) },
    'england-and-wales',
  );
  const always = workingCalendar({ week: ALWAYS }, 'england-and-wales', {
    observeBankHolidays: false,
  });

  it('[INB-2] spring forward: Saturday evening carries over to 08:00 BST on Sunday', () => {
    // Saturday 28 March 2026 19:30 GMT; clocks go forward at 01:00 UTC on Sunday 29 March.
    expect(due('2026-03-28T19:30:00Z', 60, sevenDay)).toBe('2026-03-29T07:30:00.000Z');
    expect(isWorkingTime(sevenDay, utc('2026-03-29T06:30:00Z'))).toBe(false); // 07:30 BST
    expect(isWorkingTime(sevenDay, utc('2026-03-29T07:00:00Z'))).toBe(true); // 08:00 BST
  });

  it('[INB-2] fall back: Saturday evening carries over to 08:00 GMT on Sunday', () => {
    // Saturday 24 October 2026 19:30 BST; clocks go back at 01:00 UTC on Sunday 25 October.
    expect(due('2026-10-24T18:30:00Z', 60, sevenDay)).toBe('2026-10-25T08:30:00.000Z');
  });

  it('[INB-2] office hours follow local time on the Monday after each change', () => {
    expect(due('2026-03-27T16:30:00Z', 120, england)).toBe('2026-03-30T09:30:00.000Z');
    expect(due('2026-10-23T15:30:00Z', 120, england)).toBe('2026-10-26T10:30:00.000Z');
    expect(workingIntervalsOn(england, '2026-03-30')).toEqual([
      { start: utc('2026-03-30T08:00:00Z'), end: utc('2026-03-30T16:00:00Z') },
    ]);
  });

  it('counts real time: the spring-forward day has 23 working hours, the fall-back day 25', () => {
    expect(workingMinutesBetween(always, '2026-03-29T00:00', '2026-03-30T00:00')).toBe(23 * 60);
    expect(workingMinutesBetween(always, '2026-10-25T00:00', '2026-10-26T00:00')).toBe(25 * 60);
    expect(workingMinutesBetween(always, '2026-03-28T00:00', '2026-03-29T00:00')).toBe(24 * 60);
  });

  it('[INB-2] a 24/7 deadline runs straight through the clock change', () => {
    // 00:30 GMT + 2 h = 02:30 UTC, which is 03:30 BST.
    expect(due('2026-03-29T00:30:00Z', 120, always)).toBe('2026-03-29T02:30:00.000Z');
    // 00:30 BST + 2 h = 01:30 UTC, the second 01:30 of the night (GMT).
    expect(due('2026-10-24T23:30:00Z', 120, always)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('maps interval edges that fall in the skipped or repeated hour sensibly', () => {
    const night = workingCalendar({ week: week([], [['01:30', '03:00']]) }, 'england-and-wales');
    // Spring: 01:30 never happens, so work starts when the clocks jump (01:00 UTC) until 03:00 BST.
    expect(workingIntervalsOn(night, '2026-03-29')).toEqual([
      { start: utc('2026-03-29T01:00:00Z'), end: utc('2026-03-29T02:00:00Z') },
    ]);
    // Autumn: 01:30 happens twice; work starts at the first (00:30 UTC) and ends 03:00 GMT.
    expect(workingIntervalsOn(night, '2026-10-25')).toEqual([
      { start: utc('2026-10-25T00:30:00Z'), end: utc('2026-10-25T03:00:00Z') },
    ]);
    expect(workingMinutesBetween(night, '2026-10-25', '2026-10-26')).toBe(150);
  });

  it('works in other time zones with their own clock-change dates', () => {
    const newYork = workingCalendar(
      { timeZone: 'America/New_York', week: OFFICE },
      'england-and-wales',
      { observeBankHolidays: false },
    );
    // US clocks went forward on Sunday 8 March 2026: Monday 09:00 EDT is 13:00 UTC.
    expect(nextWorkingStart(newYork, utc('2026-03-09T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    // Friday 6 March 09:00 EST is 14:00 UTC.
    expect(nextWorkingStart(newYork, utc('2026-03-06T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-06T14:00:00.000Z',
    );
  });
});

describe('closures', () => {
  const closedForChristmas = workingCalendar(
    { week: OFFICE, closures: ['2025-12-29', '2025-12-30', '2025-12-31'] },
    'england-and-wales',
  );

  it('[INB-2] the clock stays paused through bank holidays, the weekend and closure days', () => {
    // Wednesday 24 December 2025, 16:00: one hour, then nothing until Friday 2 January.
    expect(due('2025-12-24T16:00:00Z', 120, closedForChristmas)).toBe('2026-01-02T10:00:00.000Z');
    const scottishClosure = workingCalendar(
      { week: OFFICE, closures: ['2025-12-29', '2025-12-30', '2025-12-31'] },
      'scotland',
    );
    expect(due('2025-12-24T16:00:00Z', 120, scottishClosure)).toBe('2026-01-05T10:00:00.000Z');
  });

  it('adds closures passed as options to those in the hours', () => {
    const longer = workingCalendar(
      { week: OFFICE, closures: ['2025-12-29', '2025-12-30', '2025-12-31'] },
      'england-and-wales',
      { closures: ['2026-01-02'] },
    );
    expect(due('2025-12-24T16:00:00Z', 120, longer)).toBe('2026-01-05T10:00:00.000Z');
    expect(isWorkingDay(longer, '2026-01-02')).toBe(false);
    expect(isWorkingTime(longer, utc('2026-01-02T10:00:00Z'))).toBe(false);
  });
});

describe('24/7 and split-shift calendars', () => {
  it('[INB-2] a 24/7 team that works bank holidays is due exactly target minutes later', () => {
    const always = workingCalendar({ week: ALWAYS }, 'england-and-wales', {
      observeBankHolidays: false,
    });
    expect(due('2026-12-25T03:00:00Z', 60, always)).toBe('2026-12-25T04:00:00.000Z');
    expect(due('2026-03-07T23:30:00Z', 60, always)).toBe('2026-03-08T00:30:00.000Z');
    expect(isOutOfHours(always, utc('2026-12-25T03:00:00Z'))).toBe(false);
  });

  it('a 24/7 team that observes bank holidays pauses on them (the default)', () => {
    const always = workingCalendar({ week: ALWAYS }, 'england-and-wales');
    // Friday 25 December 2026 is a bank holiday. Saturday 26th is not: gov.uk moves Boxing Day
    // to Monday 28th.
    expect(due('2026-12-25T10:00:00Z', 60, always)).toBe('2026-12-26T01:00:00.000Z');
    expect(isWorkingTime(always, utc('2026-12-28T12:00:00Z'))).toBe(false);
  });

  it('[INB-2] a split shift pauses the clock over the lunch break', () => {
    const split = workingCalendar(
      {
        week: week([
          ['09:00', '12:30'],
          ['13:30', '17:00'],
        ]),
      },
      'england-and-wales',
    );
    expect(due('2026-03-03T12:00:00Z', 60, split)).toBe('2026-03-03T14:00:00.000Z');
    expect(isWorkingTime(split, utc('2026-03-03T13:00:00Z'))).toBe(false);
    expect(workingMinutesBetween(split, '2026-03-03T00:00', '2026-03-04T00:00')).toBe(420);
  });

  it('merges overlapping intervals and runs an overnight interval into the next day', () => {
    const overnight = workingCalendar(
      {
        week: {
          ...week([]),
          monday: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
            ['22:00', '06:00'],
          ],
        },
      },
      'england-and-wales',
    );
    expect(overnight.week[0]).toEqual([
      [540, 780],
      [1320, 1440],
    ]);
    expect(overnight.week[1]).toEqual([[0, 360]]);
    // Monday 2 March 2026 23:00 + 2 h → Tuesday 01:00.
    expect(due('2026-03-02T23:00:00Z', 120, overnight)).toBe('2026-03-03T01:00:00.000Z');
    expect(isWorkingTime(overnight, utc('2026-03-03T03:00:00Z'))).toBe(true);
    expect(isWorkingTime(overnight, utc('2026-03-03T07:00:00Z'))).toBe(false);
  });
});

describe('calendars with no working time terminate', () => {
  const never = workingCalendar({ week: week([]) }, 'england-and-wales');

  it('[INB-2] returns null rather than looping when there are no working hours at all', () => {
    expect(never.minutesPerWeek).toBe(0);
    expect(dueAt(utc('2026-03-03T10:00:00Z'), 120, never)).toBeNull();
    expect(nextWorkingStart(never, utc('2026-03-03T10:00:00Z'))).toBeNull();
    expect(addWorkingDays(never, '2026-03-03', 1)).toBeNull();
    expect(workingMinutesBetween(never, '2026-01-01', '2027-01-01')).toBe(0);
    expect(isWorkingTime(never, utc('2026-03-03T10:00:00Z'))).toBe(false);
    expect(isOutOfHours(never, utc('2026-03-03T10:00:00Z'))).toBe(true);
  });

  it('returns null when every working day for years is closed, within the search horizon', () => {
    // Mondays only, and every Monday from 2026 to 2030 closed.
    const closures: string[] = [];
    for (let t = Date.UTC(2026, 0, 5); t < Date.UTC(2031, 0, 1); t += 7 * 86_400_000) {
      closures.push(new Date(t).toISOString().slice(0, 10));
    }
    const mondays = workingCalendar(
      { week: { ...week([]), monday: [['09:00', '17:00']] }, closures },
      'england-and-wales',
    );
    expect(dueAt(utc('2026-01-01T10:00:00Z'), 60, mondays)).toBeNull();
    expect(nextWorkingStart(mondays, utc('2026-01-01T10:00:00Z'))).toBeNull();
    expect(addWorkingDays(mondays, '2026-01-01', 1)).toBeNull();
  });
});

describe('nextWorkingStart, isWorkingTime, isOutOfHours', () => {
  it('returns the instant itself inside working time', () => {
    const at = utc('2026-03-03T10:00:00Z');
    expect(nextWorkingStart(england, at)).toEqual(at);
    expect(isWorkingTime(england, at)).toBe(true);
    expect(isOutOfHours(england, at)).toBe(false);
  });

  it('treats opening as inside and closing as outside', () => {
    expect(isWorkingTime(england, utc('2026-03-03T09:00:00Z'))).toBe(true);
    expect(isWorkingTime(england, utc('2026-03-03T17:00:00Z'))).toBe(false);
    expect(nextWorkingStart(england, utc('2026-03-06T17:00:00Z'))?.toISOString()).toBe(
      '2026-03-09T09:00:00.000Z',
    );
  });

  it('finds the next opening after a bank holiday weekend', () => {
    // Good Friday 3 April 2026 → Tuesday 7 April, 09:00 BST.
    expect(nextWorkingStart(england, utc('2026-04-03T10:00:00Z'))?.toISOString()).toBe(
      '2026-04-07T08:00:00.000Z',
    );
    expect(isOutOfHours(england, utc('2026-04-03T10:00:00Z'))).toBe(true);
  });

  it('answers null or false, without throwing, for an unreadable instant', () => {
    expect(nextWorkingStart(england, 'yesterday')).toBeNull();
    expect(isWorkingTime(england, 'yesterday')).toBe(false);
    expect(isOutOfHours(england, 'yesterday')).toBe(false);
  });
});

describe('workingMinutesBetween', () => {
  it('pauses over the weekend', () => {
    expect(
      workingMinutesBetween(england, utc('2026-03-06T16:00:00Z'), utc('2026-03-09T10:00:00Z')),
    ).toBe(120);
  });

  it('pauses over the Easter bank holidays in England but not Easter Monday in Scotland', () => {
    const from = utc('2026-04-02T08:00:00Z'); // Thursday 09:00 BST
    const to = utc('2026-04-07T16:00:00Z'); // Tuesday 17:00 BST
    expect(workingMinutesBetween(england, from, to)).toBe(2 * 480);
    expect(workingMinutesBetween(scotland, from, to)).toBe(3 * 480);
  });

  it('is 0 when the end is not after the start, null for unreadable input', () => {
    expect(
      workingMinutesBetween(england, utc('2026-03-03T12:00:00Z'), utc('2026-03-03T10:00:00Z')),
    ).toBe(0);
    expect(workingMinutesBetween(england, 'nope', utc('2026-03-03T10:00:00Z'))).toBeNull();
  });

  it('keeps fractions of a minute', () => {
    expect(
      workingMinutesBetween(england, utc('2026-03-03T10:00:00Z'), utc('2026-03-03T10:00:30Z')),
    ).toBe(0.5);
  });

  it('covers a whole year quickly (2026: 253 working days in England)', () => {
    expect(workingMinutesBetween(england, '2026-01-01', '2027-01-01')).toBe(253 * 480);
  });
});

describe('addWorkingDays and isWorkingDay', () => {
  it('does not count the starting day, and skips holidays and weekends', () => {
    expect(addWorkingDays(england, '2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays(scotland, '2026-04-02', 1)).toBe('2026-04-06');
    expect(addWorkingDays(england, utc('2026-04-02T20:00:00Z'), 2)).toBe('2026-04-08');
  });

  it('goes backwards for a negative count and stays put for 0', () => {
    expect(addWorkingDays(england, '2026-04-07', -1)).toBe('2026-04-02');
    expect(addWorkingDays(england, '2026-04-04', 0)).toBe('2026-04-04');
  });

  it('uses the local date of an instant', () => {
    // 23:30 UTC on 30 June is 00:30 BST on Wednesday 1 July.
    expect(addWorkingDays(england, utc('2026-06-30T23:30:00Z'), 1)).toBe('2026-07-02');
  });

  it('returns null for a fractional count or an unreadable date', () => {
    expect(addWorkingDays(england, '2026-04-02', 1.5)).toBeNull();
    expect(addWorkingDays(england, '2026-02-30', 1)).toBeNull();
  });

  it('knows working days per nation', () => {
    expect(isWorkingDay(england, '2026-04-06')).toBe(false);
    expect(isWorkingDay(scotland, '2026-04-06')).toBe(true);
    expect(isWorkingDay(england, '2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay(england, 'nonsense')).toBe(false);
  });
});

describe('workingCalendar construction', () => {
  it('accepts the hours of a parsed profile', () => {
    const hours = hoursSchema.parse({ week: OFFICE, clause: 'MSE 6.5' });
    const fromProfile: WorkingHoursSpec = hours;
    const cal = workingCalendar(fromProfile, 'scotland');
    expect(cal.timeZone).toBe('Europe/London');
    expect(cal.minutesPerWeek).toBe(5 * 480);
  });

  it('throws a RangeError for an unknown time zone, which workingHoursProblems reports first', () => {
    const hours = { timeZone: 'Europe/Atlantis', week: OFFICE };
    expect(() => workingCalendar(hours, 'england-and-wales')).toThrow(RangeError);
    expect(workingHoursProblems(hours)).toEqual([
      'time zone "Europe/Atlantis" is not an IANA time zone such as "Europe/London"',
    ]);
  });

  it('reports bad times, empty and overlapping intervals, and impossible closure dates', () => {
    const problems = workingHoursProblems({
      week: {
        ...week([]),
        monday: [['9am', '17:00']],
        tuesday: [['09:00', '09:00']],
        wednesday: [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
        ],
      },
      closures: ['2026-02-30'],
    });
    expect(problems).toHaveLength(4);
    expect(workingHoursProblems({ week: OFFICE })).toEqual([]);
    // Unchecked input straight from YAML, before presets are applied.
    const unmerged = { timeZone: 'Europe/London' } as unknown as WorkingHoursSpec;
    expect(workingHoursProblems(unmerged)).toEqual(['no weekly hours ("week") are given']);
  });
});

describe('properties', () => {
  const calendars: Record<string, WorkingCalendar> = {
    england,
    scotland,
    split: workingCalendar(
      {
        week: week(
          [
            ['08:00', '12:00'],
            ['12:45', '18:30'],
          ],
          [['10:00', '14:00']],
        ),
      },
      'scotland',
    ),
    always: workingCalendar({ week: ALWAYS }, 'northern-ireland'),
    nights: workingCalendar(
      { week: week([['19:00', '07:30']], [['00:00', '02:00']]), closures: ['2026-10-26'] },
      'england-and-wales',
    ),
  };
  const calendar = fc.constantFrom(...Object.keys(calendars)).map((k) => calendars[k]);
  // 2025–2027, so every clock change and several bank holidays of each nation are in range.
  const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });
  const target = fc.integer({ min: 0, max: 5000 });

  it('[INB-2] dueAt is monotonic in receivedAt and in the target, and uses exactly the target', () => {
    fc.assert(
      fc.property(calendar, instant, instant, target, target, (cal, r1, r2, t1, t2) => {
        const [early, late] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const [small, big] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const a = dueAt(new Date(early), small, cal);
        const b = dueAt(new Date(late), small, cal);
        const c = dueAt(new Date(early), big, cal);
        expect(a && b && c).toBeTruthy();
        expect(a!.getTime()).toBeLessThanOrEqual(b!.getTime());
        expect(a!.getTime()).toBeLessThanOrEqual(c!.getTime());
        expect(workingMinutesBetween(cal, new Date(early), a!)).toBe(small);
        expect(workingMinutesBetween(cal, new Date(early), c!)).toBe(big);
      }),
      { numRuns: 300 },
    );
  });

  it('nextWorkingStart is working time, reached with no working time in between', () => {
    fc.assert(
      fc.property(calendar, instant, (cal, t) => {
        const next = nextWorkingStart(cal, new Date(t));
        expect(next).not.toBeNull();
        expect(isWorkingTime(cal, next!)).toBe(true);
        expect(workingMinutesBetween(cal, new Date(t), next!)).toBe(0);
        expect(isOutOfHours(cal, new Date(t))).toBe(next!.getTime() > t);
      }),
      { numRuns: 300 },
    );
  });
});
