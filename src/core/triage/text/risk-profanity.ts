/**
 * Finding disguised swear words and slurs: "f***ing", "sh1t", "fuuuuck", "b*stards", "c***s".
 * Each word of the text is normalised (digits and symbols read as the letters they stand for,
 * stretched letters shortened) and looked up; a word with masking stars is compared with the list
 * letter by letter. Linear in the length of the text: one pass, a hash look-up per word, and a
 * bounded number of masked words compared with a short list.
 */

/** One word found in a text. */
export interface WordHit {
  start: number;
  end: number;
  /** The listed word it was read as. */
  word: string;
  /** The kind of the listed word (e.g. "strong", "mild", "slur"). */
  kind: string;
}

/** A compiled list of words to find. */
export interface WordMatcher {
  find(text: string): WordHit[];
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
const MASK = /[*#_•]/;
// A word: letters, digits and the symbols people use in place of letters; stars may start a word
// only after a letter ("f***") — a leading star is punctuation ("*sigh*").
const TOKEN = /[\p{L}\p{N}@$][\p{L}\p{N}@$*#_•!]*[\p{L}\p{N}*#]/gu;
const MAX_MASKED = 200;
// "F U C K", "f.u.c.k": single letters spelled out with spaces, dots or dashes.
const SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*]\p{L}){2,9}(?![\p{L}\p{N}])/gu;

const collapse = (w: string): string => w.replace(/(\p{L})\1+/gu, '$1');

function leet(token: string): string {
  let out = '';
  for (const ch of token) out += LEET[ch] ?? ch;
  return out;
}

/**
 * Compile a list of `[word, kind]` pairs (lower case; multi-word entries are matched as written).
 * `find` expects lower-cased text (prepare's `lower`).
 * `weaker` decides which kind wins when a masked word could be several listed words.
 */
export function compileWords(
  words: readonly (readonly [string, string])[],
  weaker: (a: string, b: string) => string,
): WordMatcher {
  const single = new Map<string, { word: string; kind: string }>();
  const loose = new Map<string, { word: string; kind: string }>();
  const add = (
    map: Map<string, { word: string; kind: string }>,
    key: string,
    word: string,
    kind: string,
  ) => {
    const prev = map.get(key);
    map.set(key, prev ? { word: prev.word, kind: weaker(prev.kind, kind) } : { word, kind });
  };
  const multi: { re: RegExp; word: string; kind: string }[] = [];
  for (const [w, kind] of words) {
    if (/\s/.test(w)) {
      const body = w
        .split(/\s+/)
        .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+');
      multi.push({
        re: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu'),
        word: w,
        kind,
      });
    } else {
      add(single, w, w, kind);
      // "fuuuck" → "fuck": only words without double letters of their own are found this way, so
      // "coon" never turns up inside "con".
      if (collapse(w) === w) add(loose, w, w, kind);
    }
  }
  const plain = [...single.values()];

  return {
    find(text: string): WordHit[] {
      const out: WordHit[] = [];
      let masked = 0;
      TOKEN.lastIndex = 0;
      for (const m of text.matchAll(TOKEN)) {
        let tok = m[0];
        // A trailing "!" is punctuation, not a letter.
        while (tok.length > 1 && tok.endsWith('!')) tok = tok.slice(0, -1);
        const start = m.index;
        const end = start + tok.length;
        if (!/\p{L}/u.test(tok)) continue;
        if (MASK.test(tok)) {
          if (++masked > MAX_MASKED) continue;
          // "f***ing": letters as written, each run of masks stands for one to four letters.
          const letters = tok.replace(/[*#_•]+/g, '*');
          if (letters.replace(/\*/g, '').length < 1 || letters.length > 16) continue;
          const re = new RegExp(
            `^${[...letters].map((c) => (c === '*' ? '\\p{L}{1,4}' : (LEET[c] ?? c).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
            'u',
          );
          let best: { word: string; kind: string } | undefined;
          for (const cand of plain) {
            if (re.test(cand.word))
              best = best ? { word: best.word, kind: weaker(best.kind, cand.kind) } : cand;
          }
          if (best) out.push({ start, end, word: best.word, kind: best.kind });
          continue;
        }
        const read = leet(tok);
        const hit =
          single.get(read) ??
          single.get(read.replace(/(\p{L})\1{2,}/gu, '$1$1')) ??
          single.get(read.replace(/(\p{L})\1{2,}/gu, '$1')) ??
          loose.get(collapse(read));
        if (hit) out.push({ start, end, word: hit.word, kind: hit.kind });
      }
      for (const m of text.matchAll(SPACED)) {
        const joined = m[0].replace(/[^\p{L}]/gu, '');
        const hit = single.get(joined);
        if (hit)
          out.push({ start: m.index, end: m.index + m[0].length, word: hit.word, kind: hit.kind });
      }
      for (const { re, word, kind } of multi) {
        re.lastIndex = 0;
        for (const m of text.matchAll(re))
          out.push({ start: m.index, end: m.index + m[0].length, word, kind });
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
