/**
 * Email addresses in free text, including the common disguised form "name [at] domain [dot] com".
 */
import { execAll } from './exec-all.js';

/** An email address found in a text. */
export interface EmailMatch {
  start: number;
  end: number;
  /** Lower case, disguises undone: "jo.bloggs@example.com". */
  address: string;
  local: string;
  domain: string;
  /** True when written disguised ("[at]", "(dot)"). */
  disguised: boolean;
}

// Every quantifier is bounded and each repeated group starts with a character its neighbours
// cannot match (a dot, a bracket), so matching is linear. The lookbehind makes a match start only
// at the beginning of a run of address characters, not at every position inside a long one.
const LOCAL = "(?<![\\p{L}\\p{N}._%+'’-])([\\p{L}\\p{N}_%+'-](?:[\\p{L}\\p{N}._%+'-]{0,63}))";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62})';
const PLAIN = new RegExp(
  `${LOCAL}@(${LABEL}(?:\\.${LABEL}){1,8})(?![\\p{L}\\p{N}-]|\\.[\\p{L}\\p{N}])`,
  'gu',
);

const AT = '[ \\u00a0]?[[({][ \\u00a0]?at[ \\u00a0]?[\\])}][ \\u00a0]?';
const DOT = '(?:\\.|[ \\u00a0]?[[({][ \\u00a0]?dot[ \\u00a0]?[\\])}][ \\u00a0]?)';
const DISGUISED = new RegExp(
  `${LOCAL}${AT}(${LABEL}(?:${DOT}${LABEL}){1,8})(?![\\p{L}\\p{N}-])`,
  'giu',
);

const tidyDomain = (d: string): string =>
  d
    .replace(/[ \u00a0]?[[({][ \u00a0]?dot[ \u00a0]?[\])}][ \u00a0]?/gi, '.')
    .toLowerCase()
    .replace(/\.$/, '');

/**
 * Every email address in `text`, plain or disguised with bracketed "at" and "dot". The top-level
 * domain must be letters, so "v1.2@3.4" style version strings are not addresses.
 */
export function findEmails(text: string): EmailMatch[] {
  const out: EmailMatch[] = [];
  const push = (m: RegExpExecArray | RegExpMatchArray, disguised: boolean) => {
    const local = m[1]!;
    const domain = tidyDomain(m[2]!);
    if (!/\.\p{L}{2,24}$/u.test(domain)) return;
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      address: `${local.toLowerCase()}@${domain}`,
      local: local.toLowerCase(),
      domain,
      disguised,
    });
  };
  if (text.includes('@')) for (const m of execAll(PLAIN, text)) push(m, false);
  if (/[[({][ \u00a0]?at[ \u00a0]?[\])}]/i.test(text))
    for (const m of execAll(DISGUISED, text)) push(m, true);
  return out.sort((a, b) => a.start - b.start);
}
