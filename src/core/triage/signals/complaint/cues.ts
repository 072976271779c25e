/**
 * What the complaint signals share: the marks of a specific, investigable case — a relative or
 * the author's own care ("my mum", "my op", "I was discharged"), a named or singled-out member of
 * staff ("Dr Okafor", "the receptionist", "whoever was on reception"), a date or time ("on 14
 * March", "this morning"), a place ("Ward 7", "the eye clinic") or a reference number.
 */
import type { PreparedItem } from '../../prepare.js';

const RELATIVE =
  '(?:mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|child|kid|baby|boy|girl|nan|nana|nanna|gran|granny|grandad|grandpa|grandma|grandmother|grandfather|brother|sister|uncle|aunt|auntie|niece|nephew|friend|neighbour|relative|family|fiance|fiancé|fiancée|carer|husband|missus|hubby|bairn|our kid)';
const OWN_ITEM =
  '(?:op|operation|surgery|appointment|appointments|referral|prescription|treatment|care|scan|results|letter|procedure|discharge|medication|medicine|meds|tablets|inhaler|records|notes|glasses|hearing aids?|dentures|belongings|phone|bag|wallet|money|test|x-ray|biopsy|diagnosis|fracture|wound|case|file|complaint|bloods|injection|jab|visit|stay|admission)';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[\\p{L}]*';
const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const STAFF =
  '(?:consultant|receptionist|doctor|nurse|surgeon|registrar|midwife|paramedic|porter|manager|matron|gp|physio|pharmacist|healthcare assistant|hca|security guard|staff member|member of staff|dentist|optician|radiographer|sonographer|anaesthetist|call handler|operator|driver|cleaner|ward sister|sister)';

/** What kind of specific-case marker was found. */
export type MarkerKind = 'person' | 'staff' | 'time' | 'place' | 'reference';

/** Specific-case markers by kind, on the lower-cased text (global). */
export const SPECIFIC: readonly (readonly [MarkerKind, RegExp])[] = [
  [
    'person',
    new RegExp(
      [
        `(?<![\\p{L}])(?:my|our|his|her|their)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?${RELATIVE}(?:s|'s)?(?![\\p{L}])`,
        `(?<![\\p{L}])${RELATIVE}'s\\s`,
        `(?<![\\p{L}])(?:my|our|his|her)\\s+(?:[\\p{L}-]+\\s+){0,2}?${OWN_ITEM}(?![\\p{L}])`,
        `(?<![\\p{L}])(?:i|we|he|she)\\s+(?:was|were|wasn't|got|had|have\\s+been|'ve\\s+been|has\\s+been)\\s+(?:just\\s+)?(?:seen|treated|discharged|given|told|sent|left|refused|turned|admitted|operated|cancelled|moved|rushed|kept|made|spoken)(?![\\p{L}])`,
      ].join('|'),
      'gu',
    ),
  ],
  [
    'staff',
    new RegExp(
      [
        `(?<![\\p{L}])(?:dr|doctor|nurse|sister|matron|mr|mrs|ms|miss)\\.?\\s+[\\p{L}'-]{2,}`,
        `(?<![\\p{L}])(?:the|that|this|one|a)\\s+(?:[\\p{L}-]+\\s+){0,2}?${STAFF}(?:'s)?(?![\\p{L}])`,
        `(?<![\\p{L}])(?:whoever\\s+was|(?:on|at)\\s+reception)(?![\\p{L}])`,
      ].join('|'),
      'gu',
    ),
  ],
  [
    'time',
    new RegExp(
      [
        `(?<![\\p{L}])(?:on|since|from)\\s+(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}|${MONTH}\\s+\\d{1,2}|${DAY}|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?)(?![\\p{L}])`,
        `(?<![\\p{L}\\d])\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?![\\p{L}])`,
        `(?<![\\p{L}])(?:yesterday|this\\s+morning|last\\s+night|last\\s+week|the\\s+morning\\s+of|next\\s+morning|on\\s+${DAY}|at\\s+\\d{1,2}(?::\\d\\d)?\\s?(?:am|pm))(?![\\p{L}])`,
      ].join('|'),
      'gu',
    ),
  ],
  [
    'place',
    new RegExp(
      [
        `(?<![\\p{L}])(?:ward|bay|bed|room|cubicle|theatre)\\s+[\\p{L}\\d]{1,4}(?![\\p{L}])`,
        // A named place ("the eye clinic", "at Hillside practice"), not just "the clinic".
        `(?<![\\p{L}])(?:the|at|on|in|from|to)\\s+(?:(?!the\\s|a\\s)[\\p{L}&'-]+\\s+){1,2}?(?:clinic|department|ward|unit|surgery|practice|reception|dept|centre|center)(?![\\p{L}])`,
      ].join('|'),
      'gu',
    ),
  ],
  ['reference', /(?<![\p{L}])(?:ref|reference|pcn|case\s+number|complaint\s+number|hospital\s+number)(?![\p{L}])/gu],
];

/** A specific-case marker found in an item. */
export interface Marker {
  at: number;
  kind: MarkerKind;
}

const cache = new WeakMap<PreparedItem, Marker[]>();

/** Every specific-case marker in the item, computed once per prepared item. */
export function specificMarkers(p: PreparedItem): Marker[] {
  let hit = cache.get(p);
  if (!hit) {
    hit = [];
    for (const [kind, re] of SPECIFIC) {
      re.lastIndex = 0;
      for (const m of p.lower.matchAll(re)) hit.push({ at: m.index, kind });
    }
    cache.set(p, hit);
  }
  return hit;
}

/**
 * Is there a specific-case marker (of the given kinds, default all) in sentence `s`, or within
 * `spread` sentences either side of it?
 */
export function specificNear(p: PreparedItem, s: number, spread = 1, kinds?: readonly MarkerKind[]): boolean {
  const from = p.sentences[Math.max(0, s - spread)]?.start ?? 0;
  const to = p.sentences[Math.min(p.sentences.length - 1, s + spread)]?.end ?? p.text.length;
  return specificMarkers(p).some((m) => m.at >= from && m.at < to && (!kinds || kinds.includes(m.kind)));
}
