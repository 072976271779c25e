/** Splitting text into sentences with their offsets, good enough for social media posts. */

/** A sentence of a text with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// Words after which a full stop does not end the sentence.
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'e.g',
  'i.e',
  'etc',
  'approx',
  'no',
  'vs',
  'tel',
  'ref',
]);

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\u00a0';

/**
 * Split on `.`, `!` or `?` followed by white space or the end, and on line breaks. A full stop
 * after a common abbreviation ("Dr.", "e.g.") does not split. One pass: linear in the text.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      i++;
      start = i;
      continue;
    }
    if (c === '.' || c === '!' || c === '?') {
      let j = i;
      while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
      if (j >= text.length || isSpace(text[j])) {
        if (c === '.' && j === i + 1) {
          // The word before the stop, e.g. "Dr" or "e.g".
          let w = i;
          while (w > start && !isSpace(text[w - 1]) && i - w < 8) w--;
          if (ABBREVIATIONS.has(text.slice(w, i).toLowerCase())) {
            i = j;
            continue;
          }
        }
        push(j);
      }
      i = j;
      continue;
    }
    i++;
  }
  push(text.length);
  return out;
}
