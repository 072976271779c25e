/**
 * Context helpers shared by the risk signals (patient safety, abuse, personal data, legal matters,
 * medical questions): fast scope look-ups, a bounded window around a match, and a rough reading of
 * whether what a sentence describes is happening now or is over.
 *
 * Every helper is linear or logarithmic in the length of the text, so a signal that calls them for
 * each of a bounded number of matches stays linear.
 */
import { isHypothetical, isNegated, isQuoted, type PreparedItem, type Range } from '../prepare.js';
import { mayMatch } from './prefilter.js';
import { execAll } from '../../text/exec-all.js';

/** How many candidate matches one signal examines in one item; far above any real post. */
export const MAX_MATCHES = 200;

/** Characters either side of a match that count as its context when the sentence is longer. */
const WINDOW = 240;

/** Is the offset inside a negation scope? (prepare's `isNegated`.) */
export const negatedAt = (p: PreparedItem, at: number): boolean => isNegated(p, at);
/** Is the offset inside a hypothetical clause? */
export const hypotheticalAt = (p: PreparedItem, at: number): boolean => isHypothetical(p, at);
/** Is the offset inside quoted speech? */
export const quotedAt = (p: PreparedItem, at: number): boolean => isQuoted(p, at);

/** The sentence around an offset, clipped to a window so a text without full stops stays cheap. */
export function sentenceRange(p: PreparedItem, start: number, end = start): Range {
  const ss = p.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  let found: Range | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else {
      found = s;
      break;
    }
  }
  const s = found?.start ?? Math.max(0, start - WINDOW);
  const e = Math.max(found?.end ?? end + WINDOW, end);
  return { start: Math.max(s, start - WINDOW), end: Math.min(e, end + WINDOW, p.lower.length) };
}

/** The lower-cased text of the sentence around a match. */
export function sentenceText(p: PreparedItem, start: number, end = start): string {
  const r = sentenceRange(p, start, end);
  return p.lower.slice(r.start, r.end);
}

/** Lower-cased text from `before` characters before to `after` characters after a match. */
export function around(
  p: PreparedItem,
  start: number,
  end: number,
  before: number,
  after: number,
): string {
  return p.lower.slice(Math.max(0, start - before), Math.min(p.lower.length, end + after));
}

/** Lower-cased text just before a match (up to `n` characters, not crossing a sentence end). */
export function before(p: PreparedItem, start: number, n: number): string {
  const s = p.lower.slice(Math.max(0, start - n), start);
  const cut = Math.max(
    s.lastIndexOf('. '),
    s.lastIndexOf('! '),
    s.lastIndexOf('? '),
    s.lastIndexOf('\n'),
  );
  return cut >= 0 ? s.slice(cut + 1) : s;
}

/** Lower-cased text just after a match (up to `n` characters, not crossing a sentence end). */
export function after(p: PreparedItem, end: number, n: number): string {
  const s = p.lower.slice(end, Math.min(p.lower.length, end + n));
  const m = /[.!?](?:\s|$)|\n/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** Every match of a global regular expression in `text`, at most `max` of them. */
export function* matches(re: RegExp, text: string, max = MAX_MATCHES): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  // Most patterns need words most items lack: then there is nothing to find.
  if (!mayMatch(re, text)) return;
  let n = 0;
  let m: RegExpExecArray | null;
  while (n < max && (m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    n++;
    yield m;
  }
}

// Words that place what a sentence describes in the present, or only just past, for a person who
// may still be at risk: "still", "since last night", "for hours", "hasn't been", "right now".
const CURRENT =
  /(?<![\p{L}])(?:now|right now|currently|at the moment|atm|still|tonight|today|this (?:morning|afternoon|evening|week)|since|for (?:hours|days|over|the last|the past|\d+ (?:hours?|hrs?|days?|mins?|minutes?))|all (?:day|night|morning)|keeps?|keeping|is being|are being|has been|have been|hasn't|hasnt|haven't|havent|has not|have not|'s been|is|isn't|isnt|are|aren't|won't|wont|can't|cant|cannot|yesterday|last night|(?:an?|one|two|few|\d+) (?:hours?|hrs?|minutes?|mins?) ago|just|going|getting|'s|'re|am|i'm|im)(?![\p{L}])/u;
// Words that place it in the past and done with: dates long gone, "late mum", "all sorted now",
// gratitude for a good outcome.
const PAST =
  /(?<![\p{L}])(?:last (?:year|month|summer|winter|spring|autumn|christmas|time)|(?:years?|months?|decades?) ago|in (?:19|20)\d\d|back in|a few years|late (?:mum|mother|dad|father|husband|wife|son|daughter|nan|nana|gran|granny|grandma|grandad|grandmother|grandfather|brother|sister|partner|uncle|aunt|auntie)|passed away|passed on|died|funeral|all sorted|sorted now|been sorted|resolved|fine now|ok now|okay now|recovered|full recovery|saved (?:my|his|her|their|our) (?:life|lives)|thank(?:s| you)|grateful|when (?:i|he|she) was (?:little|younger|a child|a baby|born|at school)|(?:the )?next (?:morning|day)|the following (?:morning|day)|on \d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|on \d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|has since|have since|since recovered|clean now|years? clean|months? clean|in recovery)(?![\p{L}])/u;

// The writer says the person is well again: the episode is over, whatever else is told.
const RESOLVED =
  /(?<![\p{L}])(?:(?:is|'s|s|are|'re|am|'m|been|doing|feeling|seems?|looks?|and)(?: absolutely| totally| completely| much| a lot| all)? (?:fine|ok|okay|alright|all right|better|recovered|well|great|brilliant(?:ly)?|amazing(?:ly)?|really well|so well|fantastic(?:ally)?|grand|champion|smashing|thriving|doing well|doing great|doing fine|back to (?:normal|(?:his|her) old self)) (?:now|again)|(?:is|'s|s|are|'re) (?:now )?(?:thriving|flourishing)|now (?:fully )?(?:recovered|fine|okay|doing well)|on the mend|made a (?:full |good )?recovery|(?:all )?sorted now|no harm done)(?![\p{L}])/u;

// "…is saying she's fine now" after an overdose is a claim to be doubted, not a recovery.
const CLAIMED =
  /(?<![\p{L}])(?:says?|saying|said|claims?|claiming|insists?|insisting|reckons|thinks|swears|keeps telling (?:me|us)|tells (?:me|us)|telling (?:me|us)|pretending)(?: that)?(?: (?:she|he|they|i|it|shes|hes|im|its))?['’]?\s*$/u;

/** Does the text tell of the person recovering, not just claiming to be fine? */
function resolved(text: string): boolean {
  const re = new RegExp(RESOLVED.source, 'gu');
  let n = 0;
  for (let m = re.exec(text); m && n < 20; m = re.exec(text), n++) {
    if (!CLAIMED.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

/** Whether a described event reads as happening now, over and done, or can't tell. */
export type Timeframe = 'current' | 'past' | 'unknown';

/**
 * A rough reading of tense around a match. A "past" marker (a date long gone, "late mum", "all
 * sorted now", thanks) wins over present-tense grammar only when the sentence has no explicit
 * "now / still / since / for hours" — "she died last year" is past, "still no food since
 * yesterday" is current. Plain past tense is not enough to call something over. Used to turn a
 * safety concern into evidence (now) or context (past).
 */
export function timeframe(p: PreparedItem, start: number, end = start): Timeframe {
  const s = sentenceText(p, start, end);
  const past = PAST.test(s);
  const strongNow =
    /(?<![\p{L}])(?:now|right now|currently|at the moment|still|tonight|since (?:yesterday|last night|this morning|breakfast|lunch|\d)|keeps?|is being|is in|'s in|'s got|has got|hasn't|hasnt|has not|haven't|havent)(?![\p{L}])/u.test(
      s,
    );
  if (past && !strongNow) return 'past';
  // "…nobody helped her eat. She's fine now thankfully": the outcome told in another sentence
  // closes the episode, unless this sentence itself says it is still going on.
  if (!strongNow && resolved(p.lower)) return 'past';
  // "…after his heart attack last spring, he's doing brilliantly now": the "now" belongs to the
  // recovery, not to the event.
  if (resolved(s) && !/(?<![\p{L}])(?:still|since|keeps?|tonight|right now)(?![\p{L}])/u.test(s))
    return 'past';
  // A plain past tense ("they left her in a wet bed") is usually about this admission, so it is
  // not read as over: only an explicit marker makes something past.
  if (CURRENT.test(s)) return 'current';
  return past ? 'past' : 'unknown';
}

// Words that keep an episode open whatever else is said: "still", "right now", "tonight". A
// duration ("for 9 hours", "for 45 minutes") is not one: past reports are full of them.
const OPEN_NOW =
  /(?<![\p{L}])(?:still|right now|currently|at the moment|atm|tonight|today|this (?:morning|afternoon|evening)|since (?:yesterday|last night|this morning|breakfast|lunch|teatime|dinner)|all (?:day|night|morning)|keeps?|keeping|is being|are being|please (?:help|hurry|someone|can|could|check)|help me|someone (?:please|needs)|now)(?![\p{L}])/u;
// "still" and "today" about the grievance, not the risk: "it still upsets me", "still no apology",
// "I'd like an answer today".
const OPEN_GRIEVANCE =
  /(?<![\p{L}])(?:still (?:(?:want|would like|need|deserve) (?:answers|an answer|an explanation|an apology|to know|to understand)|upsets?|angry|think|thinking|can't believe|cannot believe|cant believe|haunts?|shaking thinking|waiting for an? (?:apology|explanation|answer|response|reply)|no (?:apology|explanation|answer|response|reply)|not had an? (?:apology|explanation|answer|response|reply)|haven't had an? (?:apology|explanation|answer|response|reply)|not right)|(?:write|writing|post|posting|complain|raise|raising) (?:this |it )?today)(?![\p{L}])/gu;

// The outcome told after the event: "she's home now", "pulled through", "okay in the end".
const OUTCOME =
  /(?<![\p{L}])(?:(?:is|'s|s|are|'re|was|were|got|went|came|been) (?:back )?home(?: now| safely| safe| and (?:safe|well|fine|ok|okay|recovering|doing well))|home now|since passed|passed away|pulled through|(?:ok|okay|fine|alright|all right) in the end|no harm (?:done|came)|no lasting harm|luckily (?:i|we|she|he|they) (?:noticed|spotted|caught)|(?:she|he|they)(?:'s| is|'re| are) (?:ok|okay|fine|alright|all right|well|safe)(?: now| thankfully|,? thank god)?|thankfully (?:she|he|they)(?:'s| is|'re| are| was| were)? ?(?:ok|okay|fine|alright|well|safe)|doing (?:better|well|fine) now|(?:she|he)'s gone now|(?:my|our) late)(?![\p{L}])/u;
// "now" that belongs to the recovery ("she's home now", "fine now") does not keep it open.
const NOW_OF_RECOVERY =
  /(?<![\p{L}])(?:home|fine|ok|okay|alright|all right|better|recovered|well|safe|gone|sorted|recovering|on the mend|doing (?:well|fine|better|great)|since|back (?:home|to normal))(?: (?:and|but) \w+)? now(?![\p{L}])|(?<![\p{L}])now (?:home|fine|recovered|recovering|okay|ok|safe|doing)(?![\p{L}])/gu;

/**
 * Does the whole item tell of an episode that is over — a date long gone, "my late dad", the
 * person recovered or home and safe — with nothing that keeps it open ("still", "tonight",
 * "right now", "please help")? Such an item is a complaint about what happened, not a risk now
 * (labels.md: patient_safety is a risk "now"). Claimed recoveries ("she says she's fine now")
 * do not close an episode.
 */
export function episodeOver(p: PreparedItem): boolean {
  const text = p.lower;
  if (!PAST.test(text) && !resolved(text) && !OUTCOME.test(text)) return false;
  const blank = (m: string) => ' '.repeat(m.length);
  return !OPEN_NOW.test(text.replace(NOW_OF_RECOVERY, blank).replace(OPEN_GRIEVANCE, blank));
}

/** Relatives and others a writer speaks for: "my mum", "her son", "our nan". */
export const PERSON_NOUNS =
  'mum|mam|mom|mother|mummy|dad|father|daddy|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|granddad|grandfather|son|daughter|child|children|kid|kids|baby|bairn|boy|girl|toddler|husband|wife|partner|fiance|fiancee|brother|sister|bro|sis|uncle|aunt|auntie|aunty|cousin|nephew|niece|friend|mate|neighbour|neighbor|relative|relation|patient|patients|resident|residents|grandson|granddaughter|stepdad|stepmum|stepson|stepdaughter|boyfriend|girlfriend|carer|other half|our kid|little one|lad|lass|fella';

const NEGATOR =
  /(?<![\p{L}])(?:not|no|never|nothing|without|hardly|cannot|can't|cant|won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|wasnt|aren't|arent|haven't|havent|hasn't|hasnt|shouldn't|wouldn't|couldn't|ruled out|no sign of|no signs of)(?![\p{L}])/u;
// A clause break: punctuation or a conjunction that starts a new predicate.
const CLAUSE_BREAK =
  /[,;:.!?\n()]|(?<![\p{L}])(?:and|but|or|so|because|cos|coz|then|which|who|that|now)(?![\p{L}])/gu;

/**
 * A tight negation test for symptom and safety words: a negator among the few words just before
 * the match, in the same clause. Prepare's scopes run to the end of a clause, which is right for
 * "not complaining" but wrong for "nobody has come and she's not breathing" — there the first
 * "nobody" must not cancel the second fact. Phrases that carry their own negation ("can't
 * breathe", "hasn't been turned") are matched whole and never tested here.
 */
export function negatedLocally(p: PreparedItem, start: number, words = 4): boolean {
  let s = p.lower.slice(Math.max(0, start - 60), start);
  let cut = -1;
  for (const m of execAll(CLAUSE_BREAK, s)) cut = m.index + m[0].length;
  if (cut >= 0) s = s.slice(cut);
  const tokens = s.split(/\s+/).filter(Boolean).slice(-words).join(' ');
  return NEGATOR.test(tokens);
}

const PERSON_REF = new RegExp(
  `(?<![\\p{L}])(?:i|i'm|im|i've|ive|i'd|me|my|myself|we|we're|our|us|he|he's|hes|him|his|himself|she|she's|shes|her|herself|they|they're|their|them|someone|somebody|anyone|a man|a woman|lady|gentleman|man|woman|${PERSON_NOUNS})(?![\\p{L}])`,
  'u',
);

/** Does the text mention a person (a pronoun or a relative) — someone the event happens to? */
export const mentionsPerson = (s: string): boolean => PERSON_REF.test(s);

const MINOR =
  /(?<![\p{L}\p{N}])(?:(?:i'?m|im|i am|aged|age|is|he's|she's|hes|shes) 1[0-7]|\((?:[1-9]|1[0-7])\)|1[0-7] ?(?:yo|y\/o|yrs? old|years? old|year-old)|[1-9] ?(?:yo|y\/o|yrs? old|years? old|year-old|months? old|month-old|weeks? old)|my (?:son|daughter|child|kid|baby|little one|boy|girl|toddler|bairn)|teen|teenager|schoolgirl|schoolboy|at school|year (?:7|8|9|10|11)|child|children|little (?:boy|girl|lad|lass|one|ones|man)|wee (?:boy|girl|lad|lass|one|ones)|bairns?|kiddies|kiddy|nipper|young (?:boy|girl|lad|lass)|baby|toddler|newborn|infant|camhs)(?![\p{L}])/u;

/** Does the text say the person concerned is a child? (Children at risk go to safeguarding too.) */
export const mentionsMinor = (s: string): boolean => MINOR.test(s);

const VULNERABLE =
  /(?<![\p{L}])(?:dementia|alzheimer'?s|learning disabilit\w*|learning difficult\w*|autis\w*|confused|frail|elderly|disabled|vulnerable|sectioned|under section|mental health|psychiatric|suicidal|blind|deaf|non-verbal|nonverbal|bed-?bound|can't speak|cant speak|stroke|care home|nursing home|\d{2,3} ?(?:yo|years? old|yrs? old|years? auld|year-old)|\((?:[6-9]\d|1[01]\d)\)|(?:aged|age) [6-9]\d|in (?:her|his) (?:70s|80s|90s|seventies|eighties|nineties)|lives alone|living alone|on (?:her|his) own)(?![\p{L}])/u;

/** Does the text say the person is an adult at risk (dementia, learning disability, frailty…)? */
export const mentionsVulnerable = (s: string): boolean => VULNERABLE.test(s) || MINOR.test(s);

// "tell me if", "wondering whether", "not sure if": an indirect question, not a what-if.
const INDIRECT =
  /(?:tell (?:me|us)|know|knows|wondering|wonder|wondered|ask|asking|asked|see|check|checking|sure|unsure|idea|advise|advice|confirm|find out|say|says|decide|deciding|question)\s*$/;

/**
 * Is the offset inside a genuine hypothetical? Like prepare's scope, except that "if" after "tell
 * me", "wondering", "not sure" opens an indirect question ("can you tell me if my chest pain is my
 * heart") — that describes something real, so it is not discounted.
 */
export function imaginedAt(p: PreparedItem, at: number): boolean {
  const rs = p.hypothetical;
  let lo = 0;
  let hi = rs.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rs[mid]!.start <= at) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0 && i > last - 8; i--) {
    const r = rs[i]!;
    if (at < r.start || at >= r.end) continue;
    // The trigger word sits just before the scope; look at the words before the trigger.
    const lead = p.lower
      .slice(Math.max(0, r.start - 40), r.start)
      .replace(/\s*(?:if|whether)\s*$/, '');
    if (
      /(?:^|[^\p{L}])(?:if|whether)\s*$/u.test(p.lower.slice(Math.max(0, r.start - 10), r.start)) &&
      INDIRECT.test(lead)
    )
      continue;
    return true;
  }
  return false;
}

const SPECIFIC_PERSON = new RegExp(
  `(?<![\\p{L}])(?:i|i'm|im|i've|ive|i'd|me|my|myself|we|we're|our|us|he|he's|hes|him|his|himself|she|she's|shes|her|herself|a man|a woman|someone|somebody|a lady|an elderly|an old|a child|a baby|${PERSON_NOUNS})(?![\\p{L}])`,
  'u',
);

/** Does the text speak of a particular person (the writer or someone they name), not "you" or "they" in general? */
export const mentionsSpecificPerson = (s: string): boolean => SPECIFIC_PERSON.test(s);

/**
 * Inside 'single quotes'? Prepare only tracks double quotes. An opening quote follows a space or
 * the start; an apostrophe inside a word ("don't") is not a quote.
 */
function singleQuotedAt(p: PreparedItem, at: number): boolean {
  const lead = p.lower.slice(Math.max(0, at - 60), at);
  const open = lead.search(/(?:^|[\s(])['‘][^'‘’\n]*$/);
  if (open < 0) return false;
  const rest = p.lower.slice(at, Math.min(p.lower.length, at + 80));
  return /^[^'’\n]*['’](?:[\s.,!?;:)]|$)/.test(rest);
}

// "called me a fat cow", "told me to f*** off", "was shouting 'you bitch'": the writer is reporting
// someone else's words, not using them.
const REPORTING =
  /(?:call(?:ed|ing|s)?|labelled|named) (?:me|her|him|us|them|my \w+|the \w+|a \w+|an \w+|our \w+|his \w+|her \w+)(?: \w+)? (?:a |an |names like |things like )?(?:\w+ )?$|(?:told|tells|telling) (?:me|us|him|her|them|my \w+) to (?:\w+ )?$|(?:shout(?:ed|ing|s)?|scream(?:ed|ing|s)?|yell(?:ed|ing|s)?|swor(?:e|n)|swearing|mutter(?:ed|ing)|said|saying|says|wrote|writing|posted|messaged|heard (?:him|her|them|someone) (?:say|call))(?: at (?:me|us|him|her|them|the \w+|my \w+))?(?: that)?(?: (?:i|she|he|we|they) (?:was|were|am|is|are))?(?: (?:a|an|like a))? ?(?:['"‘“][^'"‘’“”\n]{0,30})?$/;

/**
 * Is the word at `start` someone else's, reported by the writer — in quotation marks, or after
 * "called me a", "told me to", "was shouting"? Reporting abuse is not abuse.
 */
export function reportedSpeech(p: PreparedItem, start: number): boolean {
  if (quotedAt(p, start) || singleQuotedAt(p, start)) return true;
  const lead = p.lower.slice(Math.max(0, start - 60), start).replace(/['"‘’“”]\s*$/, '');
  return REPORTING.test(lead);
}
