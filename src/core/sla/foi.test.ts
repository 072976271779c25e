import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { foiDueAt, foiWorkingDaysElapsed, isFoiWorkingDay } from './foi.js';

// Expected dates below were counted by hand on a calendar; the comments show the count.

describe('foiDueAt (Freedom of Information Act 2000 s.10)', () => {
  it('[INB-7] a request received on the Friday before Christmas is due on the 20th working day', () => {
    // Received Fri 19 Dec 2025 (day 0). 22, 23, 24 Dec (1–3); 25, 26 Dec bank holidays;
    // 29, 30, 31 Dec (4–6); 1 Jan holiday; 2 Jan is Scotland's holiday, so skipped UK-wide;
    // 5–9 Jan (7–11), 12–16 Jan (12–16), 19–22 Jan (17–20).
    const due = foiDueAt(new Date('2025-12-19T10:00:00Z'));
    expect(due).toEqual({
      receivedOn: '2025-12-19',
      date: '2026-01-22',
      endOfDay: new Date('2026-01-22T23:59:59.999Z'),
      workingDays: 20,
    });
  });

  it('[INB-7] a request received on a bank holiday counts from the next working day', () => {
    // Received Easter Monday 6 Apr 2026. 7–10 Apr (1–4), 13–17 (5–9), 20–24 (10–14),
    // 27 Apr–1 May (15–19), 4 May early May bank holiday, 5 May (20).
    const due = foiDueAt('2026-04-06T14:00:00+01:00');
    expect(due?.date).toBe('2026-05-05');
    // End of the day in BST is 22:59:59.999 UTC.
    expect(due?.endOfDay.toISOString()).toBe('2026-05-05T22:59:59.999Z');
  });

  it('[INB-7] s.10(6): St Andrew’s Day is not a working day, even for an English organisation', () => {
    // Received Fri 20 Nov 2026. 23–27 Nov (1–5); Mon 30 Nov St Andrew's Day skipped;
    // 1–4 Dec (6–9), 7–11 (10–14), 14–18 (15–19), 21 Dec (20).
    expect(foiDueAt('2026-11-20')?.date).toBe('2026-12-21');
    expect(isFoiWorkingDay('2026-11-30')).toBe(false);
  });

  it('[INB-7] s.10(6): 17 March, Good Friday and Easter Monday are all skipped', () => {
    // Received Sat 7 Mar 2026. 9–13 Mar (1–5), 16 (6), 17 St Patrick's Day skipped, 18–20 (7–9),
    // 23–27 (10–14), 30 Mar–2 Apr (15–18), 3 Apr Good Friday, 6 Apr Easter Monday,
    // 7–8 Apr (19–20).
    expect(foiDueAt('2026-03-07T11:00:00Z')?.date).toBe('2026-04-08');
  });

  it('[INB-7] s.10(6): the Battle of the Boyne holiday is skipped', () => {
    // Received Fri 25 Jun 2027. 28 Jun–2 Jul (1–5), 5–9 Jul (6–10), Mon 12 Jul skipped,
    // 13–16 Jul (11–14), 19–23 (15–19), 26 Jul (20).
    expect(foiDueAt('2027-06-25')?.date).toBe('2027-07-26');
  });

  it('[INB-7] the date of receipt is its UK date, whatever the hour', () => {
    // 23:30 UTC on 30 June is 00:30 BST on Wednesday 1 July: received on 1 July.
    const late = foiDueAt(new Date('2026-06-30T23:30:00Z'));
    expect(late?.receivedOn).toBe('2026-07-01');
    expect(late?.date).toBe(foiDueAt('2026-07-01')?.date);
    // A minute after midnight still does not count as day 1.
    expect(foiDueAt('2026-07-01T00:01')?.date).toBe(foiDueAt('2026-07-01T23:59')?.date);
  });

  it('[INB-7] a shorter internal target counts the same way', () => {
    // Received Fri 19 Dec 2025: the 5th working day is 30 Dec.
    expect(foiDueAt('2025-12-19', 5)?.date).toBe('2025-12-30');
    expect(foiDueAt('2025-12-19', 0)?.date).toBe('2025-12-19');
  });

  it('[INB-7] FOISA (Scotland) counts only Scottish bank holidays', () => {
    // Received Thu 2 Apr 2026. Easter Monday is a working day in Scotland: 6–10 Apr (1–5),
    // 13–17 (6–10), 20–24 (11–15), 27 Apr–1 May (16–20).
    expect(foiDueAt('2026-04-02', 20, { regime: 'foisa' })?.date).toBe('2026-05-01');
    // The UK Act also skips Easter Monday and reaches 5 May.
    expect(foiDueAt('2026-04-02')?.date).toBe('2026-05-05');
    expect(isFoiWorkingDay('2026-07-13', { regime: 'foisa' })).toBe(true);
    expect(isFoiWorkingDay('2026-11-30', { regime: 'foisa' })).toBe(false);
  });

  it('returns null, without throwing, for unreadable input', () => {
    expect(foiDueAt('the day before yesterday')).toBeNull();
    expect(foiDueAt(new Date(Number.NaN))).toBeNull();
    expect(foiDueAt('2026-02-30')).toBeNull();
    expect(foiDueAt('2026-03-02', -1)).toBeNull();
    expect(foiDueAt('2026-03-02', 2.5)).toBeNull();
    expect(foiDueAt('2026-03-02', 10_000)).toBeNull();
    expect(foiDueAt(new Date(8.64e15))).toBeNull();
    expect(foiWorkingDaysElapsed(new Date(-8.64e15), '2026-01-01')).toBeNull();
  });
});

describe('foiWorkingDaysElapsed', () => {
  const received = new Date('2025-12-19T10:00:00Z');

  it('[INB-7] is 0 on the day of receipt and 20 on the due date, 21 once late', () => {
    expect(foiWorkingDaysElapsed(received, new Date('2025-12-19T23:00:00Z'))).toBe(0);
    expect(foiWorkingDaysElapsed(received, new Date('2026-01-22T12:00:00Z'))).toBe(20);
    expect(foiWorkingDaysElapsed(received, new Date('2026-01-23T09:00:00Z'))).toBe(21);
  });

  it('[INB-7] does not move on non-working days', () => {
    expect(foiWorkingDaysElapsed(received, '2025-12-24')).toBe(3);
    expect(foiWorkingDaysElapsed(received, '2025-12-25')).toBe(3);
    expect(foiWorkingDaysElapsed(received, '2025-12-28')).toBe(3);
  });

  it('is 0 before receipt and null for unreadable input', () => {
    expect(foiWorkingDaysElapsed(received, '2025-12-01')).toBe(0);
    expect(foiWorkingDaysElapsed(received, 'soon')).toBeNull();
  });
});

describe('isFoiWorkingDay', () => {
  it('excludes weekends, Christmas Day, Good Friday and every nation’s bank holidays', () => {
    expect(isFoiWorkingDay('2026-03-02')).toBe(true);
    for (const d of [
      '2026-03-07', // Saturday
      '2026-12-25', // Christmas Day
      '2026-04-03', // Good Friday
      '2026-01-02', // Scotland
      '2026-03-17', // Northern Ireland
      '2026-07-13', // Northern Ireland (Boyne, substitute day)
      '2026-08-03', // Scotland summer
      '2026-08-31', // England, Wales and Northern Ireland summer
    ]) {
      expect(isFoiWorkingDay(d), d).toBe(false);
    }
    expect(isFoiWorkingDay('not a date')).toBe(false);
  });
});

describe('FOI properties', () => {
  it('[INB-7] the due date is a working day, and exactly n working days have elapsed by its end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('foia' as const, 'foisa' as const),
        (t, n, regime) => {
          const due = foiDueAt(new Date(t), n, { regime });
          expect(due).not.toBeNull();
          expect(isFoiWorkingDay(due!.date, { regime })).toBe(true);
          expect(foiWorkingDaysElapsed(new Date(t), due!.endOfDay, { regime })).toBe(n);
        },
      ),
      { numRuns: 200 },
    );
  });
});
