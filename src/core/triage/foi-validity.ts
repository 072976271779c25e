/**
 * Is an FOI request made on social media valid as it stands (INB-7)? A valid request gives the
 * requester's real name, an address for correspondence and a description of the information
 * wanted. A social media handle alone may not count as an address for correspondence, so the
 * desk is told what is missing and can reply asking for a name and an email address.
 *
 * Pure and linear: reads only the item (and, optionally, the organisation's own email addresses so
 * that "send it to foi@example.nhs.uk" is not mistaken for the requester's).
 */
import { findEmails } from '../text/email-address.js';
import { findPostcodes } from '../text/uk-postcode.js';
import type { InboundItem } from './labels.js';
import { prepare, type PreparedItem } from './prepare.js';
import { foiCues, isPersonalRecord } from './signals/foi_request/cues.js';
import { matchesIn, negatedAt } from './text/desk-cues.js';
import { hitsOf, type PhraseHit } from './text/phrase-index.js';
import { execAll } from '../text/exec-all.js';

/** What an FOI request gives and lacks. */
export interface FoiValidity {
  /** A real name (first name and surname, or title/initial and surname). */
  hasName: boolean;
  /** An email address or a postal address to reply to (a handle is not enough). */
  hasCorrespondenceAddress: boolean;
  /** A description of the information wanted. */
  hasDescription: boolean;
  /** What is missing, in words for the reply: "name", "address for correspondence", "description of the information". */
  missing: string[];
  /** A sentence for the desk: valid, or what to ask for. */
  note: string;
}

/** Addresses that belong to the organisation and so are never the requester's. */
export interface FoiValidityOptions {
  emailDomains?: readonly string[];
  emailAddresses?: readonly string[];
}

// A name word: capitalised, letters with an apostrophe or hyphen inside ("O'Neill", "Smith-Jones").
const WORD = String.raw`\p{Lu}(?:[\p{Ll}]+(?:['’-]\p{Lu}?[\p{Ll}]+)?|['’]\p{Lu}[\p{Ll}]+)`;
const INITIAL = String.raw`\p{Lu}\.?`;
// First name and surname (maybe a middle name), or an initial and surname; or a title and surname.
const FULL_NAME = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+(?:${INITIAL}\s+)?${WORD}|${WORD}\s+(?:${WORD}\s+|${INITIAL}\s+)?${WORD}|${INITIAL}\s+${WORD})`;
// Leads are found in the lower-cased text; the name after them is read as written (capitals matter).
const NAMED_LEAD = /(?<![\p{L}])(?:my\s+name\s+is|my\s+name's|i\s+am|i'm|this\s+is|name:)/gu;
const SIGN_OFF_LEAD =
  /(?<![\p{L}])(?:thanks|thank\s+you|many\s+thanks|regards|kind\s+regards|best\s+regards|best\s+wishes|best|cheers|yours\s+sincerely|yours\s+faithfully|sincerely|from)\s*[,.!-]*\s*/gu;
const NAME_AFTER = new RegExp(String.raw`\s+(${FULL_NAME})(?![\p{L}])`, 'uy');
// The name closes the item or its line (contact details may follow on the next lines).
const NAME_TO_END = new RegExp(String.raw`(${FULL_NAME})\s*[.!]?(?=\s*(?:$|\n|,|\())`, 'uy');
const BEFORE_EMAIL = new RegExp(String.raw`(${FULL_NAME})\s*[,:(–—-]?\s*(?:e-?mail:?\s*)?$`, 'u');
// A name alone on the last line, or after a dash at the very end: "… 2024.\nJane Smith", "- J. Smith".
const LAST_LINE = new RegExp(String.raw`(?:\n|(?:^|\s)[-–—]\s*)(${FULL_NAME})\s*[.!]?\s*$`, 'u');
const FIRST_ONLY = new RegExp(String.raw`\s+(${WORD})(?![\p{L}])`, 'uy');
// Capitalised words that are not names.
const NOT_NAMES = new Set(
  'The Nhs Trust Hospital Team Ward Please Thanks Thank Regards Hi Hello Dear Freedom Information Act Board Council Foi Icb Ccg Pals Kind Best Many Yours Sincerely Faithfully Wishes Cheers Sent From Iphone Android Request Requesting Under Could Would Can Sorry Also And But Journalist Reporter Resident Councillor Member Patient Nurse Doctor Local Writing Asking'.split(
    ' ',
  ),
);
// A street address: "14 Cedar Close", "221b Baker Street".
const STREET =
  /(?<![\p{L}\d])\d{1,4}[a-z]?,?\s+(?:\p{Lu}[\p{Ll}'-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Cres|Place|Pl|Court|Ct|Gardens|Gdns|Terrace|Grove|Row|Hill|Park|View|Mews|Walk|Square|Sq|Parade|Rise|Green)(?![\p{L}])/u;

function isName(candidate: string): boolean {
  const words = candidate.split(/\s+/).map((w) => w.replace(/\.$/, ''));
  return words.every(
    (w) => w.length <= 1 || !NOT_NAMES.has(w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()),
  );
}

function findName(p: PreparedItem): { found: boolean; firstOnly: boolean } {
  let firstOnly = false;
  for (const m of execAll(NAMED_LEAD, p.lower)) {
    NAME_AFTER.lastIndex = m.index + m[0].length;
    const hit = NAME_AFTER.exec(p.text);
    if (hit && isName(hit[1]!)) return { found: true, firstOnly: false };
    FIRST_ONLY.lastIndex = m.index + m[0].length;
    const first = FIRST_ONLY.exec(p.text);
    if (first && isName(first[1]!) && /^my|^i/.test(m[0])) firstOnly = true;
  }
  // A sign-off near the end: "Thanks, Jane Smith", "Kind regards\nJ. Smith\njs@example.com".
  const tail = Math.max(0, p.text.length - 200);
  SIGN_OFF_LEAD.lastIndex = 0;
  for (const m of execAll(SIGN_OFF_LEAD, p.lower.slice(tail))) {
    NAME_TO_END.lastIndex = tail + m.index + m[0].length;
    const hit = NAME_TO_END.exec(p.text);
    if (hit && isName(hit[1]!)) return { found: true, firstOnly: false };
  }
  const last = LAST_LINE.exec(p.text.slice(tail));
  if (last && isName(last[1]!)) return { found: true, firstOnly: false };
  // A name next to the contact details it signs: "Jane Smith, jane@example.org".
  for (const e of findEmails(p.text)) {
    const before = BEFORE_EMAIL.exec(p.text.slice(Math.max(0, e.start - 60), e.start));
    if (before && isName(before[1]!)) return { found: true, firstOnly: false };
  }
  return { found: false, firstOnly };
}

function findAddress(p: PreparedItem, options: FoiValidityOptions): boolean {
  const domains = (options.emailDomains ?? []).map((d) => d.toLowerCase());
  const own = new Set((options.emailAddresses ?? []).map((a) => a.toLowerCase()));
  const emails = findEmails(p.text).filter(
    (e) =>
      !own.has(e.address) && !domains.some((d) => e.domain === d || e.domain.endsWith(`.${d}`)),
  );
  if (emails.length > 0) return true;
  return findPostcodes(p.text).length > 0 || STREET.test(p.text);
}

function findDescription(p: PreparedItem): boolean {
  const cues = foiCues();
  if (
    matchesIn(p, cues.aggregateQuestion).length > 0 ||
    matchesIn(p, cues.countQuestion).length > 0
  )
    return true;
  const plainly = (m: PhraseHit) => !negatedAt(p, m.index) && !isPersonalRecord(p, m.index);
  return hitsOf(p, cues.document).some(plainly) || hitsOf(p, cues.figure).some(plainly);
}

const joinWords = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/**
 * What an FOI request made in this item gives and lacks (INB-7): name, address for
 * correspondence, description of the information. Accepts an item or an already prepared one.
 *
 * @example
 * foiValidity({ text: 'Please provide the board minutes from May. Thanks, Jane Smith' })
 * // → { hasName: true, hasCorrespondenceAddress: false, hasDescription: true,
 * //     missing: ['address for correspondence'], note: 'Not yet a valid FOI request: …' }
 */
export function foiValidity(
  item: InboundItem | PreparedItem,
  options: FoiValidityOptions = {},
): FoiValidity {
  const p = 'lower' in item ? item : prepare(item);
  const name = findName(p);
  const hasName = name.found;
  const hasCorrespondenceAddress = findAddress(p, options);
  const hasDescription = findDescription(p);
  const missing: string[] = [];
  if (!hasName) missing.push('name');
  if (!hasCorrespondenceAddress) missing.push('address for correspondence');
  if (!hasDescription) missing.push('description of the information');
  let note: string;
  if (missing.length === 0) {
    note =
      'Valid FOI request: it gives a name, an address for correspondence and a description of the information. Forward it to the FOI team today.';
  } else {
    const asks: string[] = [];
    if (!hasName)
      asks.push(
        name.firstOnly ? 'their full name (only a first name is given)' : 'their full name',
      );
    if (!hasCorrespondenceAddress)
      asks.push(
        'an email or postal address for the reply (a social media handle may not be enough)',
      );
    if (!hasDescription) asks.push('a clear description of the information they want');
    note = `Not yet a valid FOI request: missing ${joinWords(missing)}. Forward it to the FOI team and reply asking for ${joinWords(asks)}.`;
  }
  return { hasName, hasCorrespondenceAddress, hasDescription, missing, note };
}
