/**
 * Every match of a global regular expression in a text, in order: what `[...text.matchAll(re)]`
 * gives, but run on the expression itself. `matchAll` clones the expression on every call, and V8
 * starts each clone in its regular-expression interpreter instead of the compiled code the
 * original has earned: on the large alternations the triage signals run over every item that made
 * `matchAll` about three times slower (docs/benchmarks.md). The matches are collected before
 * returning, so code that runs the same expression again while reading them is safe.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global)
    throw new TypeError(`execAll needs a global expression, got /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    // An empty match would be found again at the same place: step over one character (a whole
    // surrogate pair in Unicode mode), as `matchAll` does.
    if (m[0].length === 0)
      re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
