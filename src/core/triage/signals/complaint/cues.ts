/**
 * What the complaint signals share: the marks of a specific, investigable case — a relative or
 * the author's own care ("my mum", "my op", "I was discharged"), a named or singled-out member of
 * staff ("Dr Okafor", "the receptionist", "whoever was on reception"), a date or time ("on 14
 * March", "this morning"), a place ("Ward 7", "the eye clinic") or a reference number.
 */
import { ItemCache, type PreparedItem } from '../../prepare.js';
import { matchesIn } from '../../text/desk-cues.js';
import { GatedPattern } from '../../text/phrase-index.js';
import { foiCues } from '../foi_request/cues.js';

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

const words = (alternation: string): string[] =>
  alternation
    .replace(/^\(\?:|\)$/g, '')
    .split('|')
    .map((w) => w.replace(/\\s|\?/g, ''));
const RELATIVE_WORDS = words(RELATIVE);
const POSSESSIVE_RELATIVES = RELATIVE_WORDS.map((w) => `${w}'s`);
const MONTH_WORDS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
const MONTH_TOKENS = [
  ...MONTH_WORDS,
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAY_TOKENS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const HAS_DIGIT = /\d/;

/**
 * Specific-case markers by kind, on the lower-cased text. Each part runs only when one of its
 * trigger words is in the item (see `GatedPattern`).
 */
export const SPECIFIC: readonly (readonly [MarkerKind, GatedPattern])[] = [
  [
    'person',
    new GatedPattern([
      {
        triggers: ['my', 'our', 'his', 'her', 'their'],
        source: `(?<![\\p{L}])(?:my|our|his|her|their)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?${RELATIVE}(?:s|'s)?(?![\\p{L}])`,
      },
      { triggers: POSSESSIVE_RELATIVES, source: `(?<![\\p{L}])${RELATIVE}'s\\s` },
      {
        triggers: ['my', 'our', 'his', 'her'],
        source: `(?<![\\p{L}])(?:my|our|his|her)\\s+(?:[\\p{L}-]+\\s+){0,2}?${OWN_ITEM}(?![\\p{L}])`,
      },
      {
        triggers: ['was', 'were', "wasn't", 'got', 'had', 'been', "i've", "we've", "he's", "she's"],
        source: `(?<![\\p{L}])(?:i|we|he|she)\\s+(?:was|were|wasn't|got|had|have\\s+been|'ve\\s+been|has\\s+been)\\s+(?:just\\s+)?(?:seen|treated|discharged|given|told|sent|left|refused|turned|admitted|operated|cancelled|moved|rushed|kept|made|spoken)(?![\\p{L}])`,
      },
    ]),
  ],
  [
    'staff',
    new GatedPattern([
      {
        triggers: ['dr', 'dr.', 'doctor', 'nurse', 'sister', 'matron', 'mr', 'mrs', 'ms', 'miss'],
        source: `(?<![\\p{L}])(?:dr|doctor|nurse|sister|matron|mr|mrs|ms|miss)\\.?\\s+[\\p{L}'-]{2,}`,
      },
      {
        triggers: [...words(STAFF), 'assistant', 'guard', 'member', 'handler'],
        source: `(?<![\\p{L}])(?:the|that|this|one|a)\\s+(?:[\\p{L}-]+\\s+){0,2}?${STAFF}(?:'s)?(?![\\p{L}])`,
      },
      {
        triggers: ['whoever', 'reception'],
        source: `(?<![\\p{L}])(?:whoever\\s+was|(?:on|at)\\s+reception)(?![\\p{L}])`,
      },
    ]),
  ],
  [
    'time',
    new GatedPattern([
      {
        triggers: DAY_TOKENS,
        test: HAS_DIGIT,
        source: `(?<![\\p{L}])(?:on|since|from)\\s+(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}|${MONTH}\\s+\\d{1,2}|${DAY}|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?)(?![\\p{L}])`,
      },
      {
        triggers: [],
        test: HAS_DIGIT,
        source: `(?<![\\p{L}\\d])\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?![\\p{L}])`,
      },
      {
        triggers: MONTH_TOKENS,
        source: `(?<![\\p{L}])(?:since|in|from|last)\\s+${MONTH}(?![\\p{L}])`,
      },
      {
        triggers: ['yesterday', 'morning', 'night', 'week', ...DAY_TOKENS],
        test: /\d\s?(?:am|pm)/,
        source: `(?<![\\p{L}])(?:yesterday|this\\s+morning|last\\s+night|last\\s+week|the\\s+morning\\s+of|next\\s+morning|on\\s+${DAY}|at\\s+\\d{1,2}(?::\\d\\d)?\\s?(?:am|pm))(?![\\p{L}])`,
      },
    ]),
  ],
  [
    'place',
    new GatedPattern([
      {
        triggers: ['ward', 'bay', 'bed', 'room', 'cubicle', 'theatre'],
        source: `(?<![\\p{L}])(?:ward|bay|bed|room|cubicle|theatre)\\s+[\\p{L}\\d]{1,4}(?![\\p{L}])`,
      },
      // A named place ("the eye clinic", "at Hillside practice"), not just "the clinic".
      {
        triggers: [
          'clinic',
          'department',
          'ward',
          'unit',
          'surgery',
          'practice',
          'reception',
          'dept',
          'centre',
          'center',
        ],
        source: `(?<![\\p{L}])(?:the|at|on|in|from|to)\\s+(?:(?!the\\s|a\\s)[\\p{L}&'-]+\\s+){1,2}?(?:clinic|department|ward|unit|surgery|practice|reception|dept|centre|center)(?![\\p{L}])`,
      },
    ]),
  ],
  // A reference, or a case already with PALS ("6 weeks and no reply from PALS").
  [
    'reference',
    new GatedPattern([
      {
        triggers: ['ref', 'reference', 'pcn', 'case', 'complaint', 'hospital', 'pals'],
        source: `(?<![\\p{L}])(?:ref|reference|pcn|case\\s+number|complaint\\s+number|hospital\\s+number|pals)(?![\\p{L}])`,
      },
    ]),
  ],
];

/** A specific-case marker found in an item. */
export interface Marker {
  at: number;
  kind: MarkerKind;
}

const cache = new ItemCache<Marker[]>();

/** Every specific-case marker in the item, computed once per prepared item. */
export function specificMarkers(p: PreparedItem): Marker[] {
  let hit = cache.get(p);
  if (!hit) {
    hit = [];
    for (const [kind, pattern] of SPECIFIC)
      for (const m of pattern.matches(p)) hit.push({ at: m.index!, kind });
    cache.set(p, hit);
  }
  return hit;
}

/**
 * Is there a specific-case marker (of the given kinds, default all) in sentence `s`, or within
 * `spread` sentences either side of it?
 */
export function specificNear(
  p: PreparedItem,
  s: number,
  spread = 1,
  kinds?: readonly MarkerKind[],
): boolean {
  const from = p.sentences[Math.max(0, s - spread)]?.start ?? 0;
  const to = p.sentences[Math.min(p.sentences.length - 1, s + spread)]?.end ?? p.text.length;
  return specificMarkers(p).some(
    (m) => m.at >= from && m.at < to && (!kinds || kinds.includes(m.kind)),
  );
}

/** Does sentence `s` ask for counts or aggregates ("how many operations were cancelled…")? */
export function asksForFigures(p: PreparedItem, s: number): boolean {
  const sentence = p.sentences[s];
  if (!sentence) return false;
  const cues = foiCues();
  return (
    matchesIn(p, cues.countQuestion, sentence.start, sentence.end).length > 0 ||
    matchesIn(p, cues.aggregateQuestion, sentence.start, sentence.end).length > 0
  );
}
