/**
 * The pieces the foi_request signals share: how people ask an organisation for information
 * ("can you tell me", "please provide", "I'd like", "how many", "what percentage"), the records
 * and figures it holds, and the periods and breakdowns that mark aggregate figures. Compiled once.
 */
import { phraseSource } from '../../text/desk-cues.js';
import type { PreparedItem } from '../../prepare.js';

const LIST = 'foi_request-information';

/** Compiled patterns (global, for `matchAll` over the lower-cased text). */
export interface FoiCues {
  /** Names the FOI regime. */
  act: RegExp;
  /** A request form or a question about figures. */
  ask: RegExp;
  /** A question about an aggregate that only records can answer ("what percentage of"). */
  aggregateQuestion: RegExp;
  /** "how many X" / "how much … spent": a count or a sum. */
  countQuestion: RegExp;
  document: RegExp;
  figure: RegExp;
  scope: RegExp;
}

let cached: FoiCues | undefined;

/** The FOI cue patterns, built on first use. */
export function foiCues(): FoiCues {
  if (cached) return cached;
  const verbs = phraseSource(LIST, ['ask-verb']);
  const who = String.raw`(?:you|u|ya|someone|somebody|anyone|the\s+(?:trust|icb|ccg|board|hospital|practice|organisation|council|team)|your\s+(?:[\p{L}-]{2,20}\s+)?(?:team|office|department))`;
  const softener = String.raw`(?:(?:please|pls|plz|kindly|possibly|also|just)\s+)?`;
  const ask = [
    // "can you tell me", "could the trust publish", "would someone please send"
    String.raw`(?<![\p{L}])(?:can|could|would|will|cud|cld|cn)\s+${who}\s+${softener}${verbs}`,
    // "please provide", "please can you send"
    String.raw`(?<![\p{L}])(?:please|pls|plz|kindly)\s+(?:(?:can|could|would)\s+(?:you|u)\s+)?${verbs}`,
    // "I'd be grateful if you could supply", "whether you could send"
    String.raw`(?<![\p{L}])(?:if|whether)\s+${who}\s+(?:could|can|would|will|might)\s+${softener}${verbs}`,
    // "I'd like (to know)", "we would like to request"
    String.raw`(?<![\p{L}])(?:i|we)(?:'d|\s+would|d)\s+(?:like|love|appreciate|be\s+grateful\s+for)(?:\s+to\s+(?:know|see|request|have|receive|obtain|get|ask\s+for|find\s+out))?`,
    // "I am requesting", "asking for", "I want to know", "request for"
    String.raw`(?<![\p{L}])(?:(?:i\s+am|i'm|im|we\s+are|we're)\s+)?(?:requesting|asking\s+for|seeking)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:i|we)\s+(?:request|want\s+to\s+know|need\s+to\s+know|wish\s+to\s+(?:request|know|see)|would\s+like)(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:a\s+)?(?:request\s+for|cop(?:y|ies)\s+of)(?![\p{L}])`,
    // "is that data published", "do you hold", "where can I find"
    String.raw`(?<![\p{L}])is\s+(?:that|this|the|it|there)\s+(?:(?:data|information|info|figure|figures|document)\s+)?(?:published|available|held|recorded)`,
    String.raw`(?<![\p{L}])(?:do|does)\s+(?:you|the\s+(?:trust|icb|ccg|board|hospital)|your\s+organisation)\s+(?:hold|record|keep|collect|publish|have\s+(?:any\s+)?(?:data|figures|records|information|stats|statistics))(?![\p{L}])`,
    String.raw`(?<![\p{L}])what(?:'s|\s+is|\s+was|\s+are|\s+were)(?=\s)`,
    String.raw`(?<![\p{L}])(?:where\s+can\s+i\s+find|can\s+i\s+(?:see|have|get|obtain)\s+(?:a\s+copy|copies|the))(?![\p{L}])`,
  ].join('|');
  const aggregate = String.raw`(?<![\p{L}])(?:what(?:'s|\s+is|\s+was|\s+were|\s+are)\s+(?:the\s+|your\s+)?(?:total|average|mean|median|percentage|proportion|rate\s+of)|what\s+(?:percentage|proportion|share|fraction)\s+of)(?![\p{L}])`;
  // A count of things ("how many nurses", not "how many times"), or a sum spent or paid.
  const org = String.raw`(?:the\s+(?:trust|icb|ccg|board|hospital|nhs|council|practice|chief|ceo|government)|you|they|your\s+[\p{L}]+)`;
  const count = String.raw`(?<![\p{L}])(?:how\s+many\s+(?!hours|days|weeks|minutes|more|of\s+(?:you|us)|calls|rings|people\s+(?:are\s+)?(?:ahead|in\s+front)|times\s+(?:do|does|did|must|should|will|have|has|am|are|is|can)\s+(?:i|we|me|us)(?![\p{L}]))[\p{L}]|how\s+much\s+(?:money\s+)?(?:(?:did|has|have|had|was|were)\s+(?:[\p{L}'£]+\s+){0,6}?|(?:does|do|is|are)\s+${org}\s+(?:[\p{L}'£]+\s+){0,3}?|${org}\s+(?:has\s+|have\s+|had\s+)?)(?:spent|spend|spends|paid|pay|pays|paying|cost|costs|costed|earn|earns|earned|earning|invested|wasted|received|charged|given|gave|lost)(?![\p{L}]))`;
  const years = String.raw`(?:19|20)\d\d(?:\s*[/–-]\s*(?:\d\d){1,2})?`;
  const scope = [
    phraseSource(LIST, ['scope']),
    String.raw`(?<![\p{L}])(?:in|for|during|since|from|between|of|until|throughout)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[\p{L}]*\s+)?${years}(?![\d])`,
    String.raw`(?<![\d/])20\d\d\s*[/–-]\s*\d\d(?!\d)`,
    String.raw`(?<![\p{L}])since\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[\p{L}]*(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:(?:over|in|during|for)\s+(?:each\s+of\s+)?|each\s+of\s+)the\s+(?:last|past|previous)\s+(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|few|couple\s+of)\s+)?(?:years?|months|financial\s+years?|quarters?|decades?)(?![\p{L}])`,
  ].join('|');
  cached = {
    act: new RegExp(phraseSource(LIST, ['act']), 'gu'),
    ask: new RegExp(`${ask}|${count}|${aggregate}`, 'gu'),
    aggregateQuestion: new RegExp(aggregate, 'gu'),
    countQuestion: new RegExp(count, 'gu'),
    document: new RegExp(phraseSource(LIST, ['document']), 'gu'),
    figure: new RegExp(phraseSource(LIST, ['figure']), 'gu'),
    scope: new RegExp(scope, 'gu'),
  };
  return cached;
}

// Someone's own records ("my x-ray report", "mum's notes") are a subject access or service
// matter, not a request for the organisation's information.
const PERSONAL = /(?<![\p{L}])(?:my|our|his|her|mine|own|(?:mum|mom|mam|dad|son|daughter|wife|husband|partner|child|baby|nan|nana|gran|grandad|grandma|brother|sister|family)'?s)\s+(?:[\p{L}-]+\s+){0,3}$/u;

/** Is the phrase at `at` someone's own record rather than the organisation's? */
export function isPersonalRecord(p: PreparedItem, at: number): boolean {
  return PERSONAL.test(p.lower.slice(Math.max(0, at - 40), at));
}
