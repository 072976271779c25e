/**
 * Curly apostrophes and quotes made straight, so phrase lists written with "'" match text typed
 * on phones ("hasn’t", “like this”). Every character maps to one character, so offsets found in
 * the result are offsets in the original.
 */

/** The text with ‘ ’ ′ ʼ as ' and “ ” as ", same length as the input. */
export function straightQuotes(text: string): string {
  return text.replace(/[‘’′ʼ]/gu, "'").replace(/[“”]/gu, '"');
}
