/**
 * The CLI reports offsets in Unicode code points, so `text[start:end]` in Python and
 * `[...text].slice(start, end)` in JavaScript both give the span. Core works in UTF-16 units.
 */

/** Convert UTF-16 offsets to code point offsets for one text (one pass over the text). */
export function codePointOffsets(text: string): (utf16: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (n) => n;
  // prefix[i] = code points before UTF-16 index i.
  const prefix = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = cp;
    const c = text.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff;
    if (!(high && i + 1 < text.length)) cp++;
    else {
      prefix[i + 1] = cp;
      cp++;
      i++;
    }
  }
  prefix[text.length] = cp;
  return (n) => prefix[Math.max(0, Math.min(n, text.length))]!;
}
