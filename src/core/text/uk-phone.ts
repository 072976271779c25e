/**
 * UK telephone numbers in free text, found by their shape (digit count and prefix), not by a
 * numbering-plan library: Ofcom's drama ranges (07700 900xxx, 01632 960xxx, 020 7946 0xxx) look
 * exactly like real numbers to a reader and must be caught, but libraries reject them.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { execAll } from './exec-all.js';

/** A telephone number found in a text. */
export interface PhoneMatch {
  start: number;
  end: number;
  /** National digits for a UK number ("07911123456"); E.164 for another country ("+33612345678"). */
  number: string;
  /** True when written with a country code other than the UK's. */
  foreign: boolean;
}

// Between digits: a closing bracket (after an area code), or one or two spaces, dashes or dots.
// The separator and the digit are disjoint, so the repetition is linear.
const SEP = '(?:\\)[ \\u00a0]?|[ \\u00a0.\\-]{1,2})?';

// Not inside a word, a longer number, a URL, a handle or an amount of money.
const BEFORE = '(?<![\\p{L}\\p{N}_+£$€#@/=&])(?<![0-9][.,])';

// +44 / 0044 then an optional "(0)" or "0", or a national number starting with 0 (maybe "(0").
const UK = new RegExp(
  BEFORE +
    '(?:(?:\\+|00)[ \\u00a0]?44[ \\u00a0.\\-]?(?:\\(0\\)[ \\u00a0.\\-]?|0[ \\u00a0.\\-]?)?\\(?([1-9])|\\(?0([1-9]))' +
    `(?:${SEP}[0-9]){7,10}(?![\\p{L}\\p{N}])(?![.\\-][0-9])`,
  'gu',
);

// Another country's code: "+" and 7 to 15 more digits, checked with libphonenumber-js.
const FOREIGN = new RegExp(`${BEFORE}\\+(?!44)[1-9](?:${SEP}[0-9]){6,14}(?![\\p{L}\\p{N}])`, 'gu');

// A date written with a leading zero ("01.02.2024", "03-04-1980") is not a phone number.
const DATE_LIKE = /^\(?0[0-9][./-][0-9]{1,2}[./-][0-9]{2,4}(?![0-9])/;

/**
 * Whether national digits (with the leading 0) have the shape of a UK number: 11 digits for
 * geographic (01, 02), non-geographic (03, 055, 056, 08, 09) and mobile (07) numbers; 10 digits
 * for the few geographic areas with short local numbers and for 0800 freephone numbers.
 */
export function isUkNationalShape(national: string): boolean {
  if (!/^0[0-9]{9,10}$/.test(national)) return false;
  if (national.length === 11) return /^0(?:[1237]|5[56]|8[047]|9)/.test(national);
  return /^0(?:1|800|500)/.test(national);
}

/**
 * Digits of a UK number in national form ("07911123456") from any written form ("+44 (0)7911
 * 123 456", "0044 7911 123456", "(01225) 428331"), or null when it is not a UK number's shape.
 * Short service codes (111, 999, 116 123) are returned as their digits.
 */
export function ukNationalDigits(written: string): string | null {
  let d = written.replace(/[^0-9+]/g, '');
  if (/^\d{3,6}$/.test(d) && !d.startsWith('0')) return d;
  if (d.startsWith('+44')) d = d.slice(3);
  else if (d.startsWith('0044')) d = d.slice(4);
  else if (d.startsWith('+')) return null;
  // "+44 (0)7911…" keeps its written 0; "+44 7911…" needs one.
  if (!d.startsWith('0')) d = '0' + d;
  return isUkNationalShape(d) ? d : null;
}

/**
 * Every phone number in `text`: UK numbers in any common spacing, bracketing or international
 * form, plus numbers written with another country's code that libphonenumber-js accepts.
 * Ten-digit numbers grouped 3-3-4 are left to the NHS number check. Linear time.
 */
export function findPhoneNumbers(text: string): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  UK.lastIndex = 0;
  for (const m of execAll(UK, text)) {
    let written = m[0];
    // A trailing separator or unmatched bracket is not part of the number.
    written = written.replace(/[ \u00a0.\-)]+$/, '');
    if (DATE_LIKE.test(written)) continue;
    const national = ukNationalDigits(written);
    if (!national) continue;
    if (national.length === 10 && /^\(?[0-9]{3}[ .-][0-9]{3}[ .-][0-9]{4}$/.test(written)) continue;
    out.push({ start: m.index, end: m.index + written.length, number: national, foreign: false });
  }
  if (text.includes('+')) {
    FOREIGN.lastIndex = 0;
    for (const m of execAll(FOREIGN, text)) {
      const written = m[0].replace(/[ \u00a0.\-)]+$/, '');
      const parsed = parsePhoneNumberFromString(written);
      if (!parsed || !parsed.isValid() || parsed.countryCallingCode === '44') continue;
      out.push({
        start: m.index,
        end: m.index + written.length,
        number: parsed.number,
        foreign: true,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
