/**
 * The pieces the foi_request signals share: how people ask an organisation for information
 * ("can you tell me", "please provide", "I'd like", "how many", "what percentage"), the records
 * and figures it holds, and the periods and breakdowns that mark aggregate figures. Compiled once.
 */
import { phraseSource } from '../../text/desk-cues.js';
import {
  GatedPattern,
  hitsOf,
  phraseIndex,
  type GatedPart,
  type PhraseIndex,
} from '../../text/phrase-index.js';
import type { PreparedItem } from '../../prepare.js';

const LIST = 'foi_request-information';

/** Compiled patterns (gated: each part runs only when its trigger words are present) and phrase lists. */
export interface FoiCues {
  /** Names the FOI regime. */
  act: PhraseIndex;
  /** A request form or a question about figures. */
  ask: GatedPattern;
  /** A question about an aggregate that only records can answer ("what percentage of"). */
  aggregateQuestion: GatedPattern;
  /** "how many X" / "how much … spent": a count or a sum. */
  countQuestion: GatedPattern;
  document: PhraseIndex;
  figure: PhraseIndex;
  /** Periods and breakdowns from the list ("each year", "broken down by"). */
  scopeWords: PhraseIndex;
  /** Periods written with dates ("in 2023/24", "over the last five years"). */
  scopePattern: GatedPattern;
}

let cached: FoiCues | undefined;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_TOKENS = [...MONTHS, ...MONTHS.map((m) => m.slice(0, 3)), 'sept'];
const HAS_YEAR = /(?:19|20)\d\d/;

/** The FOI cue patterns, built on first use. */
export function foiCues(): FoiCues {
  if (cached) return cached;
  const verbs = phraseSource(LIST, ['ask-verb']);
  const who = String.raw`(?:you|u|ya|someone|somebody|anyone|the\s+(?:trust|icb|ccg|board|hospital|practice|organisation|council|team)|your\s+(?:[\p{L}-]{2,20}\s+)?(?:team|office|department))`;
  const softener = String.raw`(?:(?:please|pls|plz|kindly|possibly|also|just)\s+)?`;
  const aggregate: GatedPart[] = [
    // "what is the average…", "what percentage of…"
    {
      triggers: ['what', "what's", 'whats'],
      source: String.raw`(?<![\p{L}])(?:what(?:'s|\s+is|\s+was|\s+were|\s+are)\s+(?:the\s+|your\s+)?(?:total|average|mean|median|percentage|proportion|rate\s+of)|what\s+(?:percentage|proportion|share|fraction)\s+of|what\s+(?:the\s+)?(?:£[\d,.]+\s?[mk]?|money|budget|funding|grant)\s+(?:[\p{L}&]+\s+){0,6}?(?:was|were|has\s+been|is\s+being|is)\s+(?:actually\s+)?(?:spent|used))(?![\p{L}])`,
    },
    // "a (published) breakdown of"
    {
      triggers: ['breakdown'],
      source: String.raw`(?<![\p{L}])(?:a|the)\s+(?:published\s+|full\s+|detailed\s+)?breakdown\s+of(?![\p{L}])`,
    },
    // "what is the trust paying for…", "wot did the ICB spend on…": a sum the organisation pays
    {
      triggers: ['what', 'wot', 'wat', "what's", 'whats'],
      source: String.raw`(?<![\p{L}])(?:what|wot|wat)(?:'s|\s+is|\s+are|\s+was|\s+were|\s+did|\s+does|\s+do|\s+has|\s+have)\s+(?:the\s+(?:trust|icb|ccg|board|hospital|nhs|council|practice)|you|they)\s+(?:been\s+)?(?:pay|paying|paid|spend|spending|spent|charge|charging|charged)(?![\p{L}])`,
    },
  ];
  // A count of things ("how many nurses", not "how many times do I…"), or a sum spent or paid.
  const org = String.raw`(?:the\s+(?:trust|icb|ccg|board|hospital|nhs|council|practice|chief|ceo|government)|you|they|your\s+[\p{L}]+)`;
  const count: GatedPart[] = [
    {
      triggers: ['how', 'hw'],
      source: String.raw`(?<![\p{L}])(?:how\s+many\s+(?!hours|days|weeks|minutes|more|of\s+(?:you|us)|calls|rings|people\s+(?:are\s+)?(?:ahead|in\s+front)|times\s+(?:do|does|did|must|should|will|have|has|am|are|is|can)\s+(?:i|we|me|us)(?![\p{L}]))[\p{L}]|how\s+much\s+(?:money\s+)?(?:(?:did|has|have|had|was|were)\s+(?:[\p{L}'£]+\s+){0,6}?|(?:does|do|is|are)\s+${org}\s+(?:[\p{L}'£]+\s+){0,3}?|${org}\s+(?:has\s+|have\s+|had\s+)?)(?:spent|spend|spends|paid|pay|pays|paying|cost|costs|costed|earn|earns|earned|earning|invested|wasted|received|charged|given|gave|lost|make|makes|made|making|take|takes|took|generate|generates|generated|raise|raised|bring\s+in|brings\s+in|brought\s+in)(?![\p{L}]))`,
    },
  ];
  const ask: GatedPart[] = [
    // "can you tell me", "could the trust publish", "would someone please send"
    {
      triggers: ['can', 'could', 'would', 'will', 'cud', 'cld', 'cn'],
      source: String.raw`(?<![\p{L}])(?:can|could|would|will|cud|cld|cn)\s+${who}\s+${softener}${verbs}`,
    },
    // "please provide", "please can you send"
    {
      triggers: ['please', 'pls', 'plz', 'kindly'],
      source: String.raw`(?<![\p{L}])(?:please|pls|plz|kindly)\s+(?:(?:can|could|would)\s+(?:you|u)\s+)?${verbs}`,
    },
    // "I'd be grateful if you could supply", "whether you could send"
    {
      triggers: ['if', 'whether'],
      source: String.raw`(?<![\p{L}])(?:if|whether)\s+${who}\s+(?:could|can|would|will|might)\s+${softener}${verbs}`,
    },
    // "I'd like (to know)", "we would like to request", "would like to know"
    {
      triggers: ["i'd", "we'd", 'id', 'would'],
      source: String.raw`(?<![\p{L}])(?:(?:i|we)(?:'d|\s+would|d)\s+(?:like|love|appreciate|be\s+grateful\s+for)(?:\s+to\s+(?:know|see|request|have|receive|obtain|get|ask\s+for|find\s+out))?|(?:would|'d)\s+like\s+to\s+(?:know|see|request|have|receive|obtain|find\s+out)(?![\p{L}]))`,
    },
    // "I am requesting", "asking for", "I want to know", "request for", "a copy of"
    {
      triggers: ['requesting', 'asking', 'seeking'],
      source: String.raw`(?<![\p{L}])(?:(?:i\s+am|i'm|im|we\s+are|we're)\s+)?(?:requesting|asking\s+for|seeking)(?![\p{L}])`,
    },
    {
      triggers: ['request', 'want', 'need', 'wish', 'would'],
      source: String.raw`(?<![\p{L}])(?:i|we)\s+(?:request|want\s+to\s+know|need\s+to\s+know|wish\s+to\s+(?:request|know|see)|would\s+like)(?![\p{L}])`,
    },
    {
      triggers: ['request', 'copy', 'copies'],
      source: String.raw`(?<![\p{L}])(?:a\s+)?(?:request\s+for|cop(?:y|ies)\s+of)(?![\p{L}])`,
    },
    // "is that data published", "do you hold", "where can I find"
    {
      triggers: ['published', 'available', 'held', 'recorded', 'public', 'online'],
      source: String.raw`(?<![\p{L}])(?:is|are)\s+(?:that|this|the|it|there|your|its|their|these|those)\s+(?:[\p{L}'-]+\s+){0,7}?(?:published|available|held|recorded|public|online)(?![\p{L}])`,
    },
    {
      triggers: ['hold', 'record', 'keep', 'collect', 'publish', 'have'],
      source: String.raw`(?<![\p{L}])(?:do|does)\s+(?:you|the\s+(?:trust|icb|ccg|board|hospital)|your\s+organisation)\s+(?:hold|record|keep|collect|publish|have\s+(?:any\s+)?(?:data|figures|records|information|stats|statistics))(?![\p{L}])`,
    },
    {
      triggers: ['what', "what's", 'whats', 'wot', 'wat'],
      source: String.raw`(?<![\p{L}])(?:what|wot|wat)(?:'s|\s+is|\s+was|\s+are|\s+were)(?=\s)`,
    },
    {
      triggers: ['find', 'see', 'have', 'get', 'obtain'],
      source: String.raw`(?<![\p{L}])(?:where\s+can\s+i\s+find|can\s+i\s+(?:see|have|get|obtain)\s+(?:a\s+copy|copies|the))(?![\p{L}])`,
    },
    // "could I please have the total number of…", "may we see…"
    {
      triggers: ['could', 'can', 'may'],
      source: String.raw`(?<![\p{L}])(?:could|can|may)\s+(?:i|we)\s+(?:please\s+|pls\s+|kindly\s+)?(?:have|get|see|obtain|request|ask\s+for|be\s+sent|be\s+given)(?![\p{L}])`,
    },
    // "(and) would like data on…", "I'd like the figures for…"
    {
      triggers: ['would', "i'd", "we'd", 'id'],
      source: String.raw`(?<![\p{L}])(?:would|'d)\s+like\s+(?:the|some|any|all|a\s+copy|copies|data|figures|information|info|details|statistics|stats|a\s+breakdown|a\s+list)(?![\p{L}])`,
    },
  ];
  const years = String.raw`(?:19|20)\d\d(?:\s*[/–-]\s*(?:\d\d){1,2})?`;
  const scope: GatedPart[] = [
    {
      triggers: [],
      test: HAS_YEAR,
      source: String.raw`(?<![\p{L}])(?:in|for|during|since|from|between|of|until|throughout)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[\p{L}]*\s+)?${years}(?![\d])`,
    },
    { triggers: [], test: HAS_YEAR, source: String.raw`(?<![\d/])20\d\d\s*[/–-]\s*\d\d(?!\d)` },
    {
      triggers: ['since'],
      source: String.raw`(?<![\p{L}])(?:since\s+(?:it|they|the\s+[\p{L}]+)\s+(?:launched|opened|started|began|closed|changed)|since\s+(?:launch|opening|the\s+start))(?![\p{L}])`,
    },
    {
      triggers: MONTH_TOKENS,
      source: String.raw`(?<![\p{L}])(?:(?:in|during|for|throughout)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)|since\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[\p{L}]*)(?![\p{L}])`,
    },
    {
      triggers: ['last', 'past', 'previous'],
      source: String.raw`(?<![\p{L}])(?:(?:over|in|during|for)\s+(?:each\s+of\s+)?|each\s+of\s+)the\s+(?:last|past|previous)\s+(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|few|couple\s+of)\s+)?(?:years?|months|financial\s+years?|quarters?|decades?)(?![\p{L}])`,
    },
  ];
  cached = {
    act: phraseIndex(LIST, ['act']),
    ask: new GatedPattern([...ask, ...count, ...aggregate]),
    aggregateQuestion: new GatedPattern(aggregate),
    countQuestion: new GatedPattern(count),
    document: phraseIndex(LIST, ['document']),
    figure: phraseIndex(LIST, ['figure']),
    scopeWords: phraseIndex(LIST, ['scope']),
    scopePattern: new GatedPattern(scope),
  };
  return cached;
}

// Someone's own records ("my x-ray report", "mum's notes") are a subject access or service
// matter, not a request for the organisation's information.
const PERSONAL =
  /(?<![\p{L}])(?:my|our|his|her|mine|own|(?:mum|mom|mam|dad|son|daughter|wife|husband|partner|child|baby|nan|nana|gran|grandad|grandma|brother|sister|family)'?s)\s+(?:[\p{L}-]+\s+){0,3}$/u;

/** Is the phrase at `at` someone's own record rather than the organisation's? */
export function isPersonalRecord(p: PreparedItem, at: number): boolean {
  return PERSONAL.test(p.lower.slice(Math.max(0, at - 40), at));
}

/** A cue found in an item: a phrase of a list or a pattern match. */
export interface Cue {
  index: number;
  end: number;
  text: string;
}

/** Periods and breakdowns in the item, in text order. */
export function scopesIn(p: PreparedItem): Cue[] {
  const cues = foiCues();
  const fromPattern = cues.scopePattern
    .matches(p)
    .map((m) => ({ index: m.index!, end: m.index! + m[0].length, text: m[0] }));
  return [...hitsOf(p, cues.scopeWords), ...fromPattern].sort((a, b) => a.index - b.index);
}
