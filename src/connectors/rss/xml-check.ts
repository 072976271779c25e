/**
 * A minimal well-formedness check. The feed parser is deliberately lenient and reads a truncated
 * or mis-nested document without complaint; the desk would rather say the feed is broken than
 * quietly ingest half an entry. Checks that every tag is closed, in order, and that no stray `<`
 * is left; it does not validate entities or namespaces.
 */
const TOKEN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Returns why `xml` is not well-formed, or null when its tags balance. */
export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  let rest = '';
  let last = 0;
  for (const match of xml.matchAll(TOKEN)) {
    rest += xml.slice(last, match.index);
    last = (match.index ?? 0) + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (!name) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== name)
        return `Unexpected </${name}>, expected ${open ? `</${open}>` : 'no closing tag'}`;
    } else if (!selfClosing) {
      stack.push(name);
    }
  }
  rest += xml.slice(last);
  if (rest.includes('<')) return 'Unexpected "<" outside a tag, expected a complete tag';
  if (stack.length > 0) return `Unexpected end of document, expected </${stack[stack.length - 1]}>`;
  return null;
}
