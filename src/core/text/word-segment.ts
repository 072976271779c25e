/**
 * Splitting a run of lower-case letters into dictionary words ("flujabsaveslives" → flu jab saves
 * lives), for hashtags written without capitals. Dynamic programming over word costs taken from
 * frequency ranks (a Zipf model: a word of rank r costs log(r · log N)), bounded by the longest
 * dictionary word, so a split costs O(length × longest word).
 */

/** A dictionary word and its frequency rank (1 = most frequent). */
export interface RankedWord {
  word: string;
  rank: number;
}

/** A compiled dictionary. */
export interface WordSegmenter {
  /** Whether `word` (lower case) is in the dictionary. */
  has(word: string): boolean;
  /**
   * The cheapest split of `letters` (lower case) into dictionary words, or null when no split
   * covers it entirely or it is longer than `maxInput`.
   */
  split(letters: string): string[] | null;
}

/** Build a segmenter; the first listing of a word wins when it appears twice. */
export function createWordSegmenter(words: readonly RankedWord[], maxInput = 60): WordSegmenter {
  const cost = new Map<string, number>();
  const perWord = Math.log(Math.log(Math.max(words.length, 3)));
  let longest = 1;
  for (const { word, rank } of words) {
    if (cost.has(word)) continue;
    cost.set(word, Math.log(rank + 1) + perWord);
    longest = Math.max(longest, word.length);
  }

  return {
    has: (word) => cost.has(word),
    split(letters) {
      const n = letters.length;
      if (n === 0 || n > maxInput) return null;
      const best = new Array<number>(n + 1).fill(Infinity);
      const from = new Array<number>(n + 1).fill(-1);
      best[0] = 0;
      for (let end = 1; end <= n; end++) {
        for (let start = Math.max(0, end - longest); start < end; start++) {
          if (best[start] === Infinity) continue;
          const c = cost.get(letters.slice(start, end));
          if (c === undefined) continue;
          const total = best[start] + c;
          if (total < best[end]) {
            best[end] = total;
            from[end] = start;
          }
        }
      }
      if (best[n] === Infinity) return null;
      const out: string[] = [];
      for (let end = n; end > 0; end = from[end]) out.push(letters.slice(from[end], end));
      return out.reverse();
    },
  };
}
