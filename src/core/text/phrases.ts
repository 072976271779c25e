/**
 * Matching lists of words and phrases in free text: case-insensitive, whole words only, any run
 * of spaces between words. One compiled regular expression per list, built once per profile.
 */
import { execAll } from './exec-all.js';

/** A match of a phrase list in a text. */
export interface PhraseMatch {
  start: number;
  end: number;
  text: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compile phrases into one matcher. Words are matched whole (a letter or digit may not touch
 * either end), so "ass" does not fire inside "class". Returns null for an empty list.
 * A trailing `*` in a phrase matches any word ending ("vaccin*" → vaccine, vaccination).
 */
export function compilePhrases(phrases: readonly string[]): RegExp | null {
  const parts = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))]
    // Longest first, so "NHS 111 online" wins over "NHS 111".
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const wild = p.endsWith('*');
      const body = (wild ? p.slice(0, -1) : p).split(/\s+/).map(escape).join('\\s+');
      return wild ? `${body}[\\p{L}\\p{N}'’-]*` : body;
    });
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Every non-overlapping match of a compiled matcher in `text`, in order. */
export function findPhrases(matcher: RegExp | null, text: string): PhraseMatch[] {
  if (!matcher) return [];
  const out: PhraseMatch[] = [];
  matcher.lastIndex = 0;
  for (const m of execAll(matcher, text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
