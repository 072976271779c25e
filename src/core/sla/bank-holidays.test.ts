import { describe, it, expect } from 'vitest';
import type { Nation } from '../profile/schema.js';
import {
  anyUkHolidayDates,
  bankHolidayDates,
  bankHolidays,
  isAnyUkHoliday,
  isBankHoliday,
} from './bank-holidays.js';

/**
 * The bank holidays gov.uk publishes (https://www.gov.uk/bank-holidays), written out by hand as
 * MM-DD per year. gov.uk publishes a rolling window of years; the later years here that it had
 * not yet published are worked out from the statutory pattern instead:
 *
 * - all: New Year's Day, Good Friday, early May (first Monday), spring (last Monday of May),
 *   Christmas Day, Boxing Day; a holiday at a weekend moves to the next weekday not already a
 *   holiday (so Christmas on Saturday gives Monday 27 and Tuesday 28).
 * - England and Wales: Easter Monday; summer = last Monday of August.
 * - Scotland: 2 January too; no Easter Monday; summer = first Monday of August; St Andrew's Day
 *   30 November (next Monday if at a weekend).
 * - Northern Ireland: St Patrick's Day 17 March and Battle of the Boyne 12 July (next Monday if
 *   at a weekend); Easter Monday; summer = last Monday of August.
 *
 * One-offs: 2020 early May moved to Friday 8 May (VE Day 75); 2022 spring moved to Thursday
 * 2 June plus Friday 3 June (Platinum Jubilee) and Monday 19 September (State Funeral of Queen
 * Elizabeth II); 2023 Monday 8 May (Coronation of King Charles III).
 */
// prettier-ignore
const PUBLISHED: Record<Nation, Record<number, string[]>> = {
  'england-and-wales': {
    2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
    2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
    2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
    2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
    2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
    2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
    2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
    2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
    2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  },
  scotland: {
    2020: ['01-01', '01-02', '04-10', '05-08', '05-25', '08-03', '11-30', '12-25', '12-28'],
    2021: ['01-01', '01-04', '04-02', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
    2022: [
      '01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26',
      '12-27',
    ],
    2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
    2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
    2025: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
    2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
    2027: ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
    2028: ['01-03', '01-04', '04-14', '05-01', '05-29', '08-07', '11-30', '12-25', '12-26'],
    2029: ['01-01', '01-02', '03-30', '05-07', '05-28', '08-06', '11-30', '12-25', '12-26'],
    2030: ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  },
  'northern-ireland': {
    2020: ['01-01', '03-17', '04-10', '04-13', '05-08', '05-25', '07-13', '08-31', '12-25', '12-28'],
    2021: ['01-01', '03-17', '04-02', '04-05', '05-03', '05-31', '07-12', '08-30', '12-27', '12-28'],
    2022: [
      '01-03', '03-17', '04-15', '04-18', '05-02', '06-02', '06-03', '07-12', '08-29', '09-19',
      '12-26', '12-27',
    ],
    2023: [
      '01-02', '03-17', '04-07', '04-10', '05-01', '05-08', '05-29', '07-12', '08-28', '12-25',
      '12-26',
    ],
    2024: ['01-01', '03-18', '03-29', '04-01', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26'],
    2025: ['01-01', '03-17', '04-18', '04-21', '05-05', '05-26', '07-14', '08-25', '12-25', '12-26'],
    2026: ['01-01', '03-17', '04-03', '04-06', '05-04', '05-25', '07-13', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-17', '03-26', '03-29', '05-03', '05-31', '07-12', '08-30', '12-27', '12-28'],
    2028: ['01-03', '03-17', '04-14', '04-17', '05-01', '05-29', '07-12', '08-28', '12-25', '12-26'],
    2029: ['01-01', '03-19', '03-30', '04-02', '05-07', '05-28', '07-12', '08-27', '12-25', '12-26'],
    2030: ['01-01', '03-18', '04-19', '04-22', '05-06', '05-27', '07-12', '08-26', '12-25', '12-26'],
  },
};

const NATIONS = Object.keys(PUBLISHED) as Nation[];
const YEARS = Array.from({ length: 11 }, (_, i) => 2020 + i);

describe('bankHolidayDates matches the published gov.uk lists exactly', () => {
  for (const nation of NATIONS) {
    for (const year of YEARS) {
      it(`${nation} ${year}`, () => {
        const expected = PUBLISHED[nation][year].map((md) => `${year}-${md}`);
        expect(bankHolidayDates(nation, year)).toEqual(expected);
      });
    }
  }
});

describe('bankHolidays', () => {
  it('includes the one-off holidays of 2022 and 2023 in every nation', () => {
    for (const nation of NATIONS) {
      expect(isBankHoliday(nation, '2022-06-03')).toBe(true); // Platinum Jubilee
      expect(isBankHoliday(nation, '2022-09-19')).toBe(true); // State Funeral
      expect(isBankHoliday(nation, '2023-05-08')).toBe(true); // Coronation
    }
  });

  it('lists substitute days but not the weekend dates they replace', () => {
    const dates = bankHolidayDates('england-and-wales', 2021);
    expect(dates).toContain('2021-12-27');
    expect(dates).toContain('2021-12-28');
    expect(dates).not.toContain('2021-12-25');
    expect(dates).not.toContain('2021-12-26');
  });

  it('names each holiday', () => {
    const boyne = bankHolidays('northern-ireland', 2026).find((h) => h.date === '2026-07-13');
    expect(boyne?.name).toMatch(/Boyne/);
  });

  it('Wales follows England: Easter Monday yes, 2 January and St Andrew’s Day no', () => {
    expect(isBankHoliday('england-and-wales', '2026-04-06')).toBe(true);
    expect(isBankHoliday('england-and-wales', '2026-01-02')).toBe(false);
    expect(isBankHoliday('england-and-wales', '2026-11-30')).toBe(false);
    expect(isBankHoliday('scotland', '2026-04-06')).toBe(false);
  });

  it('returns nothing, rather than throwing, for unreadable input', () => {
    expect(bankHolidayDates('scotland', 2026.5)).toEqual([]);
    expect(bankHolidayDates('scotland', 1900)).toEqual([]);
    expect(bankHolidayDates('scotland', Number.NaN)).toEqual([]);
    expect(isBankHoliday('scotland', '2026-02-30')).toBe(false);
    expect(isBankHoliday('scotland', 'next Tuesday')).toBe(false);
    expect(anyUkHolidayDates(-1)).toEqual([]);
  });

  it('returns frozen lists so the cache cannot be changed by a caller', () => {
    expect(Object.isFrozen(bankHolidays('scotland', 2026))).toBe(true);
    expect(Object.isFrozen(anyUkHolidayDates(2026))).toBe(true);
  });
});

describe('anyUkHolidayDates (FOI Act 2000 s.10(6))', () => {
  it('is the union of the three nations plus Christmas Day and Good Friday', () => {
    for (const year of YEARS) {
      const union = new Set<string>([`${year}-12-25`]);
      for (const nation of NATIONS)
        for (const md of PUBLISHED[nation][year]) union.add(`${year}-${md}`);
      expect(anyUkHolidayDates(year)).toEqual([...union].sort());
    }
  });

  it('keeps Christmas Day even at a weekend, next to its substitute days', () => {
    const dates = anyUkHolidayDates(2021);
    expect(dates).toContain('2021-12-25');
    expect(dates).toContain('2021-12-27');
    expect(dates).toContain('2021-12-28');
  });

  it('contains 2 January, 17 March, 12 July and 30 November as well as Easter Monday', () => {
    for (const d of ['2026-01-02', '2026-03-17', '2026-07-13', '2026-11-30', '2026-04-06']) {
      expect(isAnyUkHoliday(d)).toBe(true);
    }
    expect(isAnyUkHoliday('2026-07-12')).toBe(false); // a Sunday; the Boyne holiday is the 13th
    expect(isAnyUkHoliday('2026-06-01')).toBe(false);
  });
});
