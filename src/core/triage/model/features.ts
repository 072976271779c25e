/**
 * Features of the triage model: word unigrams and bigrams of the lower-cased text, lightly
 * stemmed and normalised (text-speak, kin words, digits), with negation marked on the words that
 * follow a negation in the same clause ("hasn't been given a drink" → `!given`, `!drink`). Every
 * feature keeps the span of the words it came from, so a model decision can be explained by
 * quoting the text that drove it. The training script and the signals share this one function,
 * so the features seen at training and at run time are the same.
 */
import { execAll } from '../../text/exec-all.js';

/** A feature of one item and the span of text it came from. */
export interface Feature {
  /** `u:<word>` for a word, `b:<word> <word>` for a word pair, `#q` for a question mark. */
  name: string;
  start: number;
  end: number;
}

// Words, keeping an inner apostrophe ("hasn't", "mum's"); digits are words too ("3am", "62").
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
// Punctuation between two words that ends a clause (and so a negation's reach and a bigram).
const CLAUSE_CHARS = new Set([...'.!?;:\n,()—–'].map((c) => c.charCodeAt(0)));

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nobody',
  'noone',
  'nothing',
  'none',
  'without',
  'hasnt',
  'havent',
  'hadnt',
  'didnt',
  'dont',
  'doesnt',
  'isnt',
  'wasnt',
  'werent',
  'arent',
  'cant',
  'cannot',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'aint',
  'naebody',
  'nae',
  'nowt',
  'neither',
  'nor',
]);

// Text-speak and kin words written many ways map to one form, so a rare spelling shares the
// weight its common form earned.
const NORMAL: Readonly<Record<string, string>> = {
  u: 'you',
  ya: 'you',
  ur: 'your',
  yr: 'your',
  pls: 'please',
  plz: 'please',
  plez: 'please',
  thx: 'thanks',
  ty: 'thanks',
  cheers: 'thanks',
  im: 'i',
  ive: 'i',
  id: 'i',
  ill: 'i',
  me: 'me',
  mam: 'mum',
  mom: 'mum',
  ma: 'mum',
  mammy: 'mum',
  mummy: 'mum',
  mother: 'mum',
  daddy: 'dad',
  father: 'dad',
  da: 'dad',
  gran: 'nan',
  granny: 'nan',
  grandma: 'nan',
  grandmother: 'nan',
  nana: 'nan',
  nanna: 'nan',
  grandpa: 'grandad',
  granddad: 'grandad',
  grandfather: 'grandad',
  hubby: 'husband',
  missus: 'wife',
  lad: 'son',
  bairn: 'child',
  kid: 'child',
  kids: 'child',
  wk: 'week',
  wks: 'week',
  hrs: 'hour',
  hr: 'hour',
  mins: 'minute',
  min: 'minute',
  wat: 'what',
  wot: 'what',
  coz: 'because',
  cos: 'because',
  cuz: 'because',
  nowt: 'nothing',
  owt: 'anything',
  naebody: 'nobody',
  oot: 'out',
};

/** Light stemming: enough to join "cancelled", "cancelling" and "cancels", no dictionary. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  else if (w.length > 5 && w.endsWith('ly')) return w.slice(0, -2);
  else return w;
  // A doubled consonant left by stripping: "stopped" → "stop", "admitted" → "admit".
  if (/([bdgkmnprtv])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

// Normal forms already worked out: words repeat across items, so most lookups hit. Bounded, so
// a long-running process does not grow it without end.
const normalCache = new Map<string, string>();
const NORMAL_CACHE_MAX = 50_000;

/** The normal form of one word as written (lower case). */
export function normalWord(raw: string): string {
  const hit = normalCache.get(raw);
  if (hit !== undefined) return hit;
  let plain = raw.includes("'") ? raw.replace(/'/g, '') : raw;
  if (/\d/.test(plain)) plain = plain.replace(/\d+/g, '0');
  const out = NORMAL[plain] ?? stem(plain);
  if (normalCache.size >= NORMAL_CACHE_MAX) normalCache.clear();
  normalCache.set(raw, out);
  return out;
}

/** Does the text between two words end a clause? */
function breaksClause(lower: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CLAUSE_CHARS.has(lower.charCodeAt(i))) return true;
  return false;
}

/** A word of the text with its normal form and whether a negation governs it. */
export interface Token {
  word: string;
  start: number;
  end: number;
  negated: boolean;
  /** The word starts a new clause (punctuation before it), so no bigram joins it to the last. */
  clauseStart: boolean;
}

// Function words carry style, not meaning: alone they would let the model learn who wrote the
// training items ("and", "she", "been") instead of what they say. They still count inside a word
// pair ("hasnt been", "my mum") and still mark negation.
export const STOP: ReadonlySet<string> = new Set(
  (
    'a an the and or but so if as at by for from in into of off on onto out over to up with ' +
    'i me my mine we us our you your he him his she her hers it its they them their this that ' +
    'these those there here is are was were be been being am has have had do did does done ' +
    'will would can could should shall may might must just also very really too then than ' +
    'all any some each one 0 about after before again get got go going gone im ive id what ' +
    'which who whom when where how why lol x'
  ).split(' '),
);

/** How many words after a negation it reaches. */
const NEGATION_REACH = 4;

/** Words of a lower-cased text with offsets into it. Linear in the length of the text. */
export function tokens(lower: string): Token[] {
  const out: Token[] = [];
  let reach = 0;
  let lastEnd = 0;
  for (const m of execAll(WORD, lower)) {
    const start = m.index;
    const end = start + m[0].length;
    const clauseStart = out.length === 0 || breaksClause(lower, lastEnd, start);
    if (clauseStart) reach = 0;
    const word = normalWord(m[0]);
    out.push({ word, start, end, negated: reach > 0, clauseStart });
    if (reach > 0) reach--;
    if (NEGATIONS.has(m[0].includes("'") ? m[0].replace(/'/g, '') : m[0])) reach = NEGATION_REACH;
    lastEnd = end;
  }
  return out;
}

/**
 * Visit every feature of a lower-cased text in text order, repeats included, in one pass over its
 * words (the scorer looks each one up as it goes instead of building the whole list first).
 */
export function eachFeature(
  lower: string,
  visit: (name: string, start: number, end: number) => void,
): void {
  const toks = tokens(lower);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!STOP.has(t.word)) visit(`u:${t.negated ? '!' : ''}${t.word}`, t.start, t.end);
    const prev = toks[i - 1];
    if (prev && !t.clauseStart && !(STOP.has(prev.word) && STOP.has(t.word)))
      visit(`b:${prev.word} ${t.word}`, prev.start, t.end);
  }
  const q = lower.indexOf('?');
  if (q >= 0) visit('#q', q, q + 1);
}

/** Every distinct feature of a lower-cased text (first occurrence of each keeps its span). */
export function features(lower: string): Feature[] {
  const seen = new Set<string>();
  const out: Feature[] = [];
  eachFeature(lower, (name, start, end) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, start, end });
  });
  return out;
}
