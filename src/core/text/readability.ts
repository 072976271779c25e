/**
 * Reading age of a post: the Flesch–Kincaid grade level plus five, the usual way UK tools turn
 * a US school grade into an age. Links, email addresses, handles, hashtags and numbers are left
 * out of the counts, because readers skip them and they distort syllable counts.
 *
 * Two adjustments for social media posts: capitalised words inside a sentence (names of people
 * and places) count at most two syllables, because a reader recognises a name without decoding
 * it; abbreviations in capitals count as one word of one syllable.
 */
import { syllable } from 'syllable';
import { maskNonProse } from './prose-mask.js';
import { sentences } from './sentences.js';
import { execAll } from './exec-all.js';

/** Counts and reading age of one stretch of text. */
export interface Readability {
  start: number;
  end: number;
  words: number;
  sentences: number;
  syllables: number;
  /** Estimated reading age in years (may be below 5 or far above 18 for extreme texts). */
  age: number;
}

/** A word of a sentence with its offsets. */
export interface ReadWord {
  start: number;
  end: number;
  text: string;
  syllables: number;
}

/** The reading of a whole text and of each of its sentences. */
export interface TextReadability extends Readability {
  perSentence: (Readability & { wordList: ReadWord[] })[];
}

/** Flesch–Kincaid grade + 5. */
export function fleschKincaidAge(words: number, sentenceCount: number, syllables: number): number {
  if (words === 0 || sentenceCount === 0) return 0;
  return 0.39 * (words / sentenceCount) + 11.8 * (syllables / words) - 15.59 + 5;
}

/**
 * Syllable counts of words seen before. Counting is the costly step and a draft is checked on
 * every keystroke with mostly the same words, so counts are memoised; the memo is emptied when
 * full, so memory stays bounded. It holds only word → number, the same for every caller.
 */
const syllableMemo = new Map<string, number>();
const MEMO_LIMIT = 20_000;

/** Longest word given to the syllable counter, which slows down sharply on very long strings. */
const LONGEST_WORD = 40;

function count(word: string): number {
  // No English word is this long: a run of letters (junk, a pasted key) is estimated at one
  // syllable per three letters, which keeps the whole pass linear.
  if (word.length > LONGEST_WORD) return Math.ceil(word.length / 3);
  const key = word.toLowerCase();
  let n = syllableMemo.get(key);
  if (n === undefined) {
    n = Math.max(1, syllable(key));
    if (syllableMemo.size >= MEMO_LIMIT) syllableMemo.clear();
    syllableMemo.set(key, n);
  }
  return n;
}

const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

/**
 * Reading age of `text` and of each sentence in it. Linear in the length of the text: one pass
 * for the mask, one for sentences and one for words; syllable counts are cached per word.
 */
export function readability(text: string): TextReadability {
  const masked = maskNonProse(text);

  const perSentence: TextReadability['perSentence'] = [];
  let words = 0;
  let syllables = 0;
  for (const s of sentences(masked)) {
    const wordList: ReadWord[] = [];
    let first = true;
    for (const m of execAll(WORD, s.text)) {
      const w = m[0];
      const lower = w.toLowerCase();
      const capital = w.charAt(0) !== lower.charAt(0);
      let n: number;
      // An abbreviation in capitals ("NHS", "A&E") is read as one familiar unit.
      if (capital && w.length > 1 && w.length <= 8 && w === w.toUpperCase()) n = 1;
      else {
        n = 0;
        for (const part of lower.split('-')) if (part) n += count(part);
        if (!first && capital) n = Math.min(n, 2);
      }
      first = false;
      wordList.push({
        start: s.start + m.index,
        end: s.start + m.index + w.length,
        text: w,
        syllables: n,
      });
    }
    if (wordList.length === 0) continue;
    const syl = wordList.reduce((sum, w) => sum + w.syllables, 0);
    words += wordList.length;
    syllables += syl;
    perSentence.push({
      start: s.start,
      end: s.end,
      words: wordList.length,
      sentences: 1,
      syllables: syl,
      age: fleschKincaidAge(wordList.length, 1, syl),
      wordList,
    });
  }
  return {
    start: perSentence[0]?.start ?? 0,
    end: perSentence[perSentence.length - 1]?.end ?? 0,
    words,
    sentences: perSentence.length,
    syllables,
    age: fleschKincaidAge(words, perSentence.length, syllables),
    perSentence,
  };
}
