/**
 * Service-level clocks: UK bank holidays, the team's working-hours calendar (INB-2) and
 * statutory FOI deadlines (INB-7). Pure functions; every instant is passed in.
 */
export {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  anyUkHolidayDates,
  bankHolidayDates,
  bankHolidays,
  isAnyUkHoliday,
  isBankHoliday,
  type BankHoliday,
} from './bank-holidays.js';
export {
  SEARCH_HORIZON_DAYS,
  WEEKDAYS,
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
  type Instant,
  type MinuteInterval,
  type Weekday,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  type WorkingHoursSpec,
  type WorkingInterval,
} from './calendar.js';
export {
  FOI_STATUTORY_WORKING_DAYS,
  FOI_TIME_ZONE,
  foiDueAt,
  foiWorkingDaysElapsed,
  isFoiWorkingDay,
  type FoiDeadline,
  type FoiOptions,
  type FoiRegime,
} from './foi.js';
