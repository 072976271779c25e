/** Splitting text into sentences with their offsets, good enough for social media posts. */

/** A sentence of a text with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/**
 * Split on sentence-ending punctuation followed by space, and on line breaks. Abbreviations such
 * as "Dr." or "e.g." are kept inside their sentence. Linear in the length of the text.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]*(?:[.!?]+(?=\s|$)|\n|$)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  let pending = -1;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      if (re.lastIndex >= text.length) break;
      re.lastIndex++;
      continue;
    }
    const end = m.index + m[0].length;
    const tail = text.slice(Math.max(m.index, end - 6), end);
    if (/(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|e\.g|i\.e|etc|approx|no)\.)$/i.test(tail) && end < text.length) {
      if (pending < 0) pending = start;
      start = end;
      continue;
    }
    const s = pending >= 0 ? pending : start;
    pending = -1;
    const raw = text.slice(s, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: s + lead, end: s + lead + trimmed.length, text: trimmed });
    start = end;
    if (end >= text.length) break;
  }
  if (pending >= 0 && pending < text.length) {
    const raw = text.slice(pending);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ start: pending + lead, end: pending + lead + raw.trim().length, text: raw.trim() });
  }
  return out;
}
