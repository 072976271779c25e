/**
 * NHS numbers in free text: ten digits whose last digit is a modulus-11 check digit, written
 * together or grouped 3-3-4 with spaces, dashes or dots. Shared by the content check and triage.
 */
import { execAll } from './exec-all.js';

/** A candidate NHS number found in a text. */
export interface NhsNumberMatch {
  start: number;
  end: number;
  /** The ten digits, without separators. */
  digits: string;
}

/**
 * Whether ten digits pass the NHS modulus-11 check: weights 10 down to 2 on the first nine
 * digits, check digit = 11 − (sum mod 11), where 11 means 0 and 10 means the number is invalid.
 * A run of one repeated digit passes the arithmetic but is never issued, so it is rejected.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  if (/^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// Ten digits, either contiguous or grouped 3-3-4 with spaces, a dash or a dot between groups.
// Not preceded by a digit, a separator after a digit, a "+" dialling code or "(0)" (all signs of
// a longer number such as a phone number), and not followed by more digits.
const SEP = '(?:[ \\u00a0\\u2009]{1,2}|[.\\-])?';
const CANDIDATE = new RegExp(
  '(?<![0-9+])(?<![0-9][ .\\-\\u00a0\\u2009])(?<!\\+[0-9]{1,3}[ \\-\\u00a0]?)(?<!\\(0\\)\\s?)' +
    `([0-9]{3})${SEP}([0-9]{3})${SEP}([0-9]{4})(?![0-9])(?![.\\-/][0-9])`,
  'g',
);

/**
 * Every ten-digit number in `text` that passes the modulus-11 check. Numbers inside longer digit
 * runs (phone numbers, card numbers, 12-digit references) are never returned. Linear time.
 */
export function findNhsNumbers(text: string): NhsNumberMatch[] {
  const out: NhsNumberMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (const m of execAll(CANDIDATE, text)) {
    const digits = m[1]! + m[2]! + m[3]!;
    if (!isValidNhsNumber(digits)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, digits });
  }
  return out;
}
