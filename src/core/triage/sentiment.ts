/**
 * The tone of an item — positive, neutral or negative — from a small valence lexicon
 * (`phrases/sentiment-lexicon.yml`) read in one pass over the text. Modifiers (intensifiers,
 * downtoners), negation scopes, questions, contrast ("…, but") and sarcasm change a word's weight.
 *
 * It runs on every item and feeds the engine's fallback, so it has to be cheap: one walk over the
 * item's tokens with the lexicon as a trie (`text/phrase-index.ts`), then work proportional to the
 * number of matches. The
 * analysis is kept per prepared item so the praise and feedback signals can reuse it (which
 * positive words are sarcastic) without reading the text again.
 */
import { insideSorted } from '../text/ranges.js';
import type { Sentiment } from './labels.js';
import { ItemCache, type PreparedItem, type Range } from './prepare.js';
import {
  hypotheticalAt,
  isQuestionSentence,
  negatedAt,
  sentenceIndexAt,
} from './text/desk-cues.js';
import { phraseIndex, type PhraseIndex } from './text/phrase-index.js';

/** One valenced word or phrase found in the item. */
export interface ToneHit {
  start: number;
  end: number;
  /** The lexicon valence (-3 … +3). */
  valence: number;
  /** Its contribution after modifiers, negation, questions, contrast and sarcasm. */
  score: number;
  /** A positive word meant the other way ("great, another 6 hour wait"). */
  sarcastic: boolean;
  /** Index of the sentence it is in (-1 between sentences). */
  sentence: number;
}

/** The tone analysis of one item. */
export interface Tone {
  /** Sum of the hits' scores: above 0 leans positive, below 0 negative. */
  score: number;
  hits: ToneHit[];
  /** Explicit sarcasm markers and the spans of positive words read as sarcastic. */
  sarcasm: Range[];
}

/** Score at or above which an item is positive, and at or below which (negated) negative. */
export const SENTIMENT_THRESHOLD = 1;

let lexicon: PhraseIndex | undefined;
const cache = new ItemCache<Tone>();
// How many neighbouring hits the sarcasm and negation checks look at.
const WINDOW = 8;

const USED_TO = /(?<![\p{L}])used\s+to(?![\p{L}])[^.!?\n]{0,60}$/u;
const NEGATOR_START =
  /^(?:not?|never|nobody|no one|nothing|can'?t|cannot|couldn'?t|don'?t|won'?t|wouldn'?t)(?![\p{L}])/u;
// Politeness, not praise: "thanks" closing a question or request.
const THANKS = /^(?:thank|thanks|thx|ta|cheers|tysm|many thanks)/;
// What may sit between a sarcastic interjection and its punctuation: "Great job everyone, …".
const INTERJECTION_TAIL =
  /^(?:\s+(?:job|work|stuff|one|everyone|guys|all|team|folks|lads|people|nhs|you lot|again))?\s*(?:[,!…]|\.\s|\.$|\s*$)/u;
// "another" or "again" right after a positive word is the classic sarcastic turn.
const ANOTHER =
  /^[\s,!.…-]{0,4}(?:(?:just\s+)?(?:another|yet another|more|again)|nothing)(?![\p{L}])/u;
// Only emoji, punctuation and a vocative may follow a trailing sarcastic positive.
const TRAILING =
  /^(?:\s*(?:guys|everyone|nhs|all|then|there|eh|innit|lol|lmao)?[\s!.…,]*(?:[\p{Extended_Pictographic}\s]|\u200d|\ufe0f|\p{Emoji_Modifier})*)$/u;

function analyse(p: PreparedItem): Tone {
  lexicon ??= phraseIndex('sentiment-lexicon');
  const hits: ToneHit[] = [];
  const sarcasm: Range[] = [];
  const sarcasticSentences = new Set<number>();
  const openers: { start: number; end: number; sentence: number }[] = [];
  const contrasts: number[] = [];

  let modifier = 1;
  let modifierEnd = -1;
  for (const m of lexicon.find(p)) {
    const { start, end, kind } = m;
    if (kind === '0') continue;
    if (kind === 'intensifier' || kind === 'downtoner') {
      modifier = kind === 'intensifier' ? 1.5 : 0.5;
      modifierEnd = end;
      continue;
    }
    if (kind === 'contrast') {
      contrasts.push(start);
      continue;
    }
    const sentence = sentenceIndexAt(p, start);
    if (kind === 'sarcasm') {
      sarcasm.push({ start, end });
      markSarcastic(p, sarcasticSentences, sentence, start);
      continue;
    }
    if (kind === 'sarcasm-opener') {
      openers.push({ start, end, sentence });
      continue;
    }
    const valence = Number(kind);
    if (!Number.isFinite(valence) || insideLinkOrName(p, start, end)) continue;
    // A modifier counts only for the word right after it ("really helpful", "a bit slow").
    const gap = start - modifierEnd;
    const mod = modifierEnd >= 0 && gap >= 0 && gap <= 2 ? modifier : 1;
    modifierEnd = -1;
    hits.push({ start, end, valence, score: valence * mod, sarcastic: false, sentence });
  }

  // Hits are in text order, so each sentence's hits are one run: index them once. Every check
  // below looks only at a few neighbouring hits, so the analysis stays linear on long texts.
  const firstHit = new Map<number, number>();
  const hitCount = new Map<number, number>();
  for (let i = 0; i < hits.length; i++) {
    const s = hits[i]!.sentence;
    if (!firstHit.has(s)) firstHit.set(s, i);
    hitCount.set(s, (hitCount.get(s) ?? 0) + 1);
  }
  const sentenceHas = (s: number, test: (h: ToneHit) => boolean): boolean => {
    const from = firstHit.get(s);
    if (from === undefined) return false;
    const to = Math.min(from + (hitCount.get(s) ?? 0), from + WINDOW * 4);
    for (let i = from; i < to; i++) if (test(hits[i]!)) return true;
    return false;
  };
  // Negative hits near hit i in its sentence, before or after it, with no contrast between.
  const negativeNear = (i: number, later: boolean): boolean => {
    const h = hits[i]!;
    for (let k = 1; k <= WINDOW; k++) {
      const n = hits[later ? i + k : i - k];
      if (!n || n.sentence !== h.sentence) return false;
      if (n.valence < 0)
        return later
          ? !contrastBetween(contrasts, h.end, n.start)
          : !contrastBetween(contrasts, n.end, h.start);
    }
    return false;
  };

  // Sarcasm openers ("oh great") count when something negative follows in the sentence or the next.
  for (const o of openers) {
    const s = o.sentence;
    const negative =
      sentenceHas(s, (h) => h.valence < 0) || sentenceHas(s + 1, (h) => h.valence < 0);
    if (negative || /(?<![\p{L}])(?:another|again)(?![\p{L}])/u.test(sentenceText(p, s))) {
      sarcasticSentences.add(s);
      sarcasm.push({ start: o.start, end: o.end });
    }
  }

  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.valence <= 0) continue;
    const after = p.lower.slice(h.end, h.end + 40);
    const sentence = p.sentences[h.sentence];
    if (ANOTHER.test(after)) {
      sarcasticSentences.add(h.sentence);
      continue;
    }
    if (!sentence) continue;
    const negativeLater = negativeNear(i, true);
    const negativeEarlier = negativeNear(i, false);
    const lead = h.start - sentence.start <= 30 ? p.lower.slice(sentence.start, h.start) : 'x';
    const atStart =
      lead.replace(/[^\p{L}\p{N}]/gu, '').replace(/^(?:oh|ah|wow|well|really|so|just)+/, '') === '';
    const rest = p.lower.slice(h.end, Math.min(sentence.end, h.end + 80));
    // "Great job everyone, … losing my mum's hearing aids": an opening interjection, then a
    // grievance in the same clause.
    if (atStart && INTERJECTION_TAIL.test(rest)) {
      const onlyThis = sentence.end - h.end < 30 && !negativeLater;
      const nextNegative = onlyThis && sentenceHas(h.sentence + 1, (n) => n.valence < 0);
      if (negativeLater || nextNegative) {
        sarcasticSentences.add(h.sentence);
        continue;
      }
    }
    // "Cold chips and grey peas, lovely 🤢": a positive word closing a negative sentence.
    if (
      negativeEarlier &&
      sentence.end - h.end <= 80 &&
      /,\s*$/.test(p.lower.slice(Math.max(sentence.start, h.start - 4), h.start)) &&
      TRAILING.test(rest)
    ) {
      sarcasticSentences.add(h.sentence);
      continue;
    }
    // "Thanks for cancelling my op": thanks whose object is a grievance.
    if (
      THANKS.test(p.lower.slice(h.start, h.end)) &&
      /^\s+(?:so much\s+|a lot\s+)?for\s/.test(after)
    ) {
      const objectEnd = Math.min(sentence.end, h.end + 45);
      for (let k = i + 1; k < hits.length && k <= i + WINDOW && hits[k]!.start < objectEnd; k++) {
        if (hits[k]!.valence < 0) {
          sarcasticSentences.add(h.sentence);
          break;
        }
      }
    }
  }
  // A short burst of praise next to a sarcastic sentence ("Stellar work 👏👏") shares its irony.
  for (const s of [...sarcasticSentences]) {
    for (const n of [s - 1, s + 1]) {
      const sent = p.sentences[n];
      if (
        sent &&
        !sarcasticSentences.has(n) &&
        wordCount(sent.text) <= 4 &&
        sentenceHas(n, (h) => h.valence > 0) &&
        !sentenceHas(n, (h) => h.valence < 0)
      ) {
        sarcasticSentences.add(n);
      }
    }
  }

  const questionCache = new Map<number, boolean>();
  const isQuestion = (s: number): boolean => {
    let q = questionCache.get(s);
    if (q === undefined) {
      const sent = p.sentences[s];
      q = sent ? isQuestionSentence(p, sent) : false;
      questionCache.set(s, q);
    }
    return q;
  };
  let anyQuestion: boolean | undefined;
  // First and last contrast word of each sentence, for "…, but …" weighting.
  const contrastSpan = new Map<number, { first: number; last: number }>();
  for (const c of contrasts) {
    const s = sentenceIndexAt(p, c);
    const span = contrastSpan.get(s);
    if (span) span.last = c;
    else contrastSpan.set(s, { first: c, last: c });
  }

  let score = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    let v = h.score;
    const word = p.lower.slice(h.start, h.end);
    if (h.valence > 0 && sarcasticSentences.has(h.sentence)) {
      h.sarcastic = true;
      sarcasm.push({ start: h.start, end: h.end });
      v = -Math.abs(v);
    } else if (h.valence > 0 && USED_TO.test(p.lower.slice(Math.max(0, h.start - 70), h.start))) {
      // Nostalgia criticises the present: "it used to be something to be proud of".
      v = -0.5 * v;
    } else if (negatedAt(p, h.start) && /\p{L}/u.test(word) && !negatorPhraseBefore(p, hits, i)) {
      // "not helpful" leans negative; "can't recommend them enough" stays positive.
      const clause = p.lower.slice(h.end, h.end + 40);
      if (!/(?<![\p{L}])enough(?![\p{L}])/u.test(clause)) v = -0.5 * v;
    }
    if (h.valence > 0 && !h.sarcastic && THANKS.test(word)) {
      // A "thanks" that closes a question or request is politeness, not praise.
      const sent = p.sentences[h.sentence];
      const short = sent !== undefined && wordCount(sent.text) <= 4;
      anyQuestion ??= p.sentences.some((_, k) => isQuestion(k));
      if (isQuestion(h.sentence) || (short && anyQuestion)) v = 0;
    } else if (h.sentence >= 0 && isQuestion(h.sentence)) {
      v *= 0.5;
    }
    if (hypotheticalAt(p, h.start)) v *= 0.5;
    // The clause after "but" carries the point of a mixed sentence.
    const span = contrastSpan.get(h.sentence);
    if (span) {
      if (span.first < h.start) v *= 1.4;
      else if (span.last > h.end) v *= 0.6;
    }
    // SHOUTED words count a little more.
    const original = p.text.slice(h.start, h.end);
    if (/\p{Lu}{3}/u.test(original) && original === original.toUpperCase()) v *= 1.3;
    h.score = v;
    score += v;
  }
  // An explicit sarcasm marker is itself a negative signal.
  score -= 1.25 * sarcasticSentences.size;
  return { score, hits, sarcasm: sarcasm.sort((a, b) => a.start - b.start) };
}

// Words inside a link ("bit.ly/easy-cash") or a proper name ("the Great Western") carry no tone.
function insideLinkOrName(p: PreparedItem, start: number, end: number): boolean {
  const before = p.text.charAt(start - 1);
  if (before === '/' || before === '.' || before === '-' || before === '_' || before === '@')
    return true;
  if (/^[./][\p{L}\p{N}]/u.test(p.text.slice(end, end + 2))) return true;
  const word = p.text.slice(start, end);
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  // Capitalised mid-sentence and followed by another capitalised word: a name.
  const mid = /[\p{L}\p{N},]\s+$/u.test(p.text.slice(Math.max(0, start - 3), start));
  return mid && /^\s+\p{Lu}\p{Ll}/u.test(p.text.slice(end, end + 3));
}

// The negation is part of an earlier phrase of the lexicon ("can't fault it 💙"), not of this word.
function negatorPhraseBefore(p: PreparedItem, hits: readonly ToneHit[], i: number): boolean {
  const h = hits[i]!;
  for (let k = i - 1; k >= 0 && k >= i - WINDOW; k--) {
    const o = hits[k]!;
    if (o.sentence !== h.sentence || h.start - o.end >= 60) return false;
    if (NEGATOR_START.test(p.lower.slice(o.start, o.end))) return true;
  }
  return false;
}

function wordCount(text: string): number {
  // Only "is it at most a few words" matters: stop counting early on long sentences.
  let n = 0;
  for (let i = 0, limit = Math.min(text.length, 120); i < limit; i++)
    if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) n++;
  return text.length > 120 ? Math.max(n, 5) : n;
}

function sentenceText(p: PreparedItem, s: number): string {
  const sent = p.sentences[s];
  return sent ? p.lower.slice(sent.start, sent.end) : '';
}

// Is there a contrast word in [from, to)? Contrasts are in text order: binary search.
function contrastBetween(contrasts: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = contrasts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (contrasts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < contrasts.length && contrasts[lo]! < to;
}

// An emoji marker standing alone after the sentence it comments on ("Great news! 🙄") applies to
// that sentence too.
function markSarcastic(p: PreparedItem, set: Set<number>, sentence: number, at: number): void {
  set.add(sentence);
  const sent = p.sentences[sentence];
  if (
    sent &&
    at - sent.start <= 10 &&
    /^[\s\p{P}]*$/u.test(p.lower.slice(sent.start, at)) &&
    sentence > 0
  )
    set.add(sentence - 1);
}

/** The tone analysis of an item, computed once per prepared item. */
export function toneOf(p: PreparedItem): Tone {
  let tone = cache.get(p);
  if (!tone) {
    tone = analyse(p);
    cache.set(p, tone);
  }
  return tone;
}

/** Is the offset inside a positive word the item means sarcastically, or on a sarcasm marker? */
export function isSarcastic(p: PreparedItem, at: number): boolean {
  // Sarcasm spans are sorted and short (a word or a phrase).
  return insideSorted(toneOf(p).sarcasm, at, 40);
}

/** Sentiment of an item: positive, neutral or negative. */
export function sentimentOf(item: PreparedItem): Sentiment {
  const { score } = toneOf(item);
  return score >= SENTIMENT_THRESHOLD
    ? 'positive'
    : score <= -SENTIMENT_THRESHOLD
      ? 'negative'
      : 'neutral';
}
