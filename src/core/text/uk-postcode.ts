/**
 * Full UK postcodes in free text ("SN2 7QP", "sn27qp", "SW1A 1AA"). The shape comes from the
 * `postcode` package's format rules; on top of it the area (the leading letters) must be one of
 * the real postcode areas, which keeps codes such as "AB12 3CD"-shaped product and room codes
 * with made-up areas out.
 */
import { toNormalised } from 'postcode';
import { execAll } from './exec-all.js';

/** A postcode found in a text. */
export interface PostcodeMatch {
  start: number;
  end: number;
  /** Upper case with one space, e.g. "SN2 7QP". */
  normalised: string;
}

/** The 121 postcode areas of the UK and Crown dependencies, plus BFPO and Girobank's GIR. */
const AREAS = new Set(
  (
    'AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL ' +
    'LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN ' +
    'SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

// Outward code (A9, A99, A9A, AA9, AA99, AA9A), up to two spaces, inward code (9AA). The letters
// C I K M O V never appear in the last two places. Whole tokens only: not inside a word, a URL,
// an email address or a hashtag.
const CANDIDATE =
  /(?<![\p{L}\p{N}_@#/.-])([A-Za-z]{1,2})([0-9][A-Za-z0-9]?)(?:[ \u00a0]{1,2})?([0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\p{L}\p{N}_@])/gu;

const NO_AREAS: ReadonlySet<string> = new Set();

/** The area (leading letters) of a postcode written any way, upper case, or null. */
export function postcodeArea(written: string): string | null {
  const m = /^\s*([A-Za-z]{1,2})[0-9]/.exec(written);
  return m ? m[1]!.toUpperCase() : null;
}

/**
 * Every full postcode in `text` with a real postcode area (or one of `extraAreas`, upper case:
 * e.g. the NHS pseudo-postcode area ZZ). Outward codes alone ("BA1", "M25"),
 * road names ("A1") and things like "COVID19" do not have an inward code and are never matched.
 * An inward code that reads as an ordinal in lower or mixed case ("A1 2nd") is skipped. Linear.
 */
export function findPostcodes(
  text: string,
  extraAreas: ReadonlySet<string> = NO_AREAS,
): PostcodeMatch[] {
  const out: PostcodeMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (const m of execAll(CANDIDATE, text)) {
    const area = m[1]!.toUpperCase();
    if (!AREAS.has(area) && !extraAreas.has(area)) continue;
    const inward = m[3]!;
    if (/^[0-9](?:st|nd|rd|th)$/i.test(inward) && inward !== inward.toUpperCase()) continue;
    const normalised = toNormalised(m[0]);
    if (!normalised) continue;
    out.push({ start: m.index, end: m.index + m[0].length, normalised });
  }
  return out;
}

/** A postcode written any way, normalised ("sn27qp" → "SN2 7QP"), or null if it is not one. */
export function normalisePostcode(written: string): string | null {
  return toNormalised(written.trim());
}
