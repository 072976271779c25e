/**
 * A keyword pre-pass for the signals' regular expressions: before a pattern is run over an item,
 * check that the item holds at least one of the literal strings every match of the pattern must
 * contain. "(?<![\p{L}])(?:he's|she's|is|keeps)(?: now)? (?:fitting|seizing|convulsing)" can only
 * match a text holding "fitting", "seizing" or "convulsing"; most items hold none, and then the
 * pattern is not run at all.
 *
 * Exact by construction: the required literals are derived from the pattern's own source (a
 * literal is required only when every way through the pattern passes through it), so a pattern
 * is skipped only when it provably cannot match. Anything the analysis does not understand
 * (back-references, the `v` flag, non-ASCII text under the `i` flag) leaves the pattern ungated.
 *
 * One pass over an item finds every registered literal at once (an Aho–Corasick automaton), so
 * each gate then costs a few array look-ups.
 */
import { findPhrases as findAll, type PhraseMatch } from '../../text/phrases.js';

/** What a part of a pattern can match: every string (when few), and literals a match must hold. */
interface Info {
  /** Every string the part can match, when there are few; null when unknown or too many. */
  exact: Set<string> | null;
  /** Literals one of which every match contains; null when nothing is required. */
  req: Set<string> | null;
}

const MAX_EXACT = 64;
const MAX_REQ = 2000;
/** Shorter required literals filter too little to be worth a gate. */
const MIN_LITERAL = 3;

const ANY: Info = { exact: null, req: null };
const EMPTY: Info = { exact: new Set(['']), req: null };
const literal = (s: string): Info => ({ exact: new Set([s]), req: null });

/** Drop literals that contain another literal of the set (the shorter one is required anyway). */
function minimal(set: Set<string>): Set<string> {
  const sorted = [...set].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const s of sorted) if (!out.some((o) => s.includes(o))) out.push(s);
  return new Set(out);
}

/** The literals a part's matches must hold (from its exact strings when it has them). */
function need(i: Info): Set<string> | null {
  if (i.exact && !i.exact.has('')) return minimal(i.exact);
  return i.req;
}

/**
 * Is requirement `a` a better filter than `b`? A longer shortest literal (up to 5 characters,
 * beyond which most words are rare enough), then fewer literals (a smaller automaton).
 */
function better(a: Set<string> | null, b: Set<string> | null): boolean {
  if (!a) return false;
  if (!b) return true;
  const la = Math.min(...[...a].map((s) => s.length), 5);
  const lb = Math.min(...[...b].map((s) => s.length), 5);
  return la !== lb ? la > lb : a.size < b.size;
}

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function concat(parts: Info[]): Info {
  let exact: Set<string> | null = new Set(['']);
  let best: Set<string> | null = null;
  // Runs of parts with exact strings, joined: "chest" + (" is" | "") gives {"chest", "chest is"}.
  let run: Set<string> | null = new Set(['']);
  const closeRun = () => {
    if (run) {
      const r = need({ exact: run, req: null });
      if (better(r, best)) best = r;
    }
  };
  for (const p of parts) {
    exact = exact && p.exact ? cross(exact, p.exact) : null;
    const r = need(p);
    if (better(r, best)) best = r;
    if (p.exact) {
      const joined: Set<string> | null = run ? cross(run, p.exact) : null;
      if (joined) run = joined;
      else {
        closeRun();
        run = new Set(p.exact);
      }
    } else {
      closeRun();
      run = new Set(['']);
    }
  }
  closeRun();
  return { exact, req: best };
}

function alternation(branches: Info[]): Info {
  if (branches.length === 1) return branches[0]!;
  let exact: Set<string> | null = new Set();
  let req: Set<string> | null = new Set();
  for (const b of branches) {
    if (exact && b.exact && exact.size + b.exact.size <= MAX_EXACT)
      for (const s of b.exact) exact.add(s);
    else exact = null;
    const r = need(b);
    if (req && r && req.size + r.size <= MAX_REQ) for (const s of r) req.add(s);
    else req = null;
  }
  return { exact, req: req && minimal(req) };
}

function repeat(i: Info, min: number, max: number): Info {
  if (min === 0) {
    return { exact: max === 1 && i.exact ? new Set([...i.exact, '']) : null, req: null };
  }
  let exact: Set<string> | null = null;
  if (min === max && i.exact) {
    exact = new Set(['']);
    for (let k = 0; k < min && exact; k++) exact = cross(exact, i.exact);
  }
  return { exact, req: need(i) };
}

class Unsupported extends Error {}

/** Analyse a pattern's source. Throws Unsupported for syntax it does not model. */
function analyse(source: string, unicode: boolean): Info {
  let at = 0;
  const peek = () => source[at];

  const alt = (): Info => {
    const branches = [seq()];
    while (peek() === '|') {
      at++;
      branches.push(seq());
    }
    return alternation(branches);
  };

  const seq = (): Info => {
    const parts: Info[] = [];
    while (at < source.length && peek() !== '|' && peek() !== ')') {
      let a = atom();
      const q = quantifier();
      if (q) a = repeat(a, q[0], q[1]);
      parts.push(a);
    }
    return concat(parts);
  };

  const quantifier = (): [number, number] | undefined => {
    const c = peek();
    let q: [number, number] | undefined;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q) at++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!m) {
        if (unicode) throw new Unsupported('lone brace');
        return undefined;
      }
      at += m[0].length;
      const min = Number(m[1]);
      q = [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])];
    } else return undefined;
    if (peek() === '?') at++;
    return q;
  };

  const atom = (): Info => {
    const c = source[at++]!;
    if (c === '(') {
      let inner: Info;
      if (source.startsWith('?:', at)) {
        at += 2;
        inner = alt();
      } else if (
        source.startsWith('?=', at) ||
        source.startsWith('?!', at) ||
        source.startsWith('?<=', at) ||
        source.startsWith('?<!', at)
      ) {
        // A look-around consumes nothing: its text is not part of the match.
        at += source[at + 1] === '<' ? 3 : 2;
        alt();
        inner = EMPTY;
      } else if (source.startsWith('?<', at)) {
        const close = source.indexOf('>', at);
        if (close < 0) throw new Unsupported('group name');
        at = close + 1;
        inner = alt();
      } else if (peek() === '?') throw new Unsupported('group modifier');
      else inner = alt();
      if (source[at++] !== ')') throw new Unsupported('unclosed group');
      return inner;
    }
    if (c === '[') return charClass();
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '\\') return escape();
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?')
      throw new Unsupported(`unexpected ${c}`);
    if (unicode) {
      const cp = source.codePointAt(at - 1)!;
      if (cp > 0xffff) {
        at++;
        return literal(String.fromCodePoint(cp));
      }
    }
    return literal(c);
  };

  const escape = (): Info => {
    const c = source[at++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (c === 'b' || c === 'B') return EMPTY;
    if ('dDwWsS'.includes(c)) return ANY;
    if (c === 'p' || c === 'P') {
      if (peek() === '{') {
        const close = source.indexOf('}', at);
        if (close < 0) throw new Unsupported('property');
        at = close + 1;
      }
      return ANY;
    }
    if (c >= '1' && c <= '9') throw new Unsupported('back-reference');
    if (c === 'k') throw new Unsupported('named back-reference');
    if (c === 'c') throw new Unsupported('control escape');
    if (c === '0') {
      if (/[0-9]/.test(source[at] ?? '')) throw new Unsupported('octal');
      return literal('\0');
    }
    const controls: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    if (controls[c]) return literal(controls[c]);
    if (c === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(source.slice(at));
      if (!m) throw new Unsupported('hex escape');
      at += 2;
      return literal(String.fromCharCode(parseInt(m[0], 16)));
    }
    if (c === 'u') {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(source.slice(at));
      if (unicode && braced) {
        at += braced[0].length;
        return literal(String.fromCodePoint(parseInt(braced[1]!, 16)));
      }
      const m = /^[0-9a-fA-F]{4}/.exec(source.slice(at));
      if (!m) throw new Unsupported('unicode escape');
      at += 4;
      const cu = parseInt(m[0], 16);
      // A surrogate pair written as two escapes: too rare to model.
      if (cu >= 0xd800 && cu <= 0xdfff) throw new Unsupported('surrogate escape');
      return literal(String.fromCharCode(cu));
    }
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(`escape \\${c}`);
    return literal(c);
  };

  // A class is only modelled when it lists a few plain characters ("[.!?]", "['’]").
  const charClass = (): Info => {
    const negated = peek() === '^';
    if (negated) at++;
    const chars = new Set<string>();
    let plain = !negated;
    while (at < source.length && source[at] !== ']') {
      const c = source[at++]!;
      if (c === '\\') {
        const e = source[at++];
        if (e === undefined) throw new Unsupported('class escape');
        if (e === 'p' || e === 'P') {
          const close = source.indexOf('}', at);
          if (peek() === '{' && close > 0) at = close + 1;
          plain = false;
        } else if (e === 'u' || e === 'x' || e === 'c' || /[A-Za-z0-9]/.test(e)) {
          // \d, \s, \u0041, \n…: not modelled (and skipped safely: none contains ']').
          plain = false;
          if (e === 'u' && peek() === '{') at = source.indexOf('}', at) + 1;
          else if (e === 'u') at += 4;
          else if (e === 'x') at += 2;
          else if (e === 'c') at += 1;
        } else chars.add(e);
      } else if (c === '[') {
        if (unicode) throw new Unsupported('nested class');
        chars.add(c);
      } else if (c === '-' && chars.size > 0 && source[at] !== ']') {
        plain = false; // a range
      } else {
        if (unicode) {
          const cp = source.codePointAt(at - 1)!;
          if (cp > 0xffff) {
            at++;
            plain = false;
            continue;
          }
        }
        chars.add(c);
      }
    }
    if (source[at++] !== ']') throw new Unsupported('unclosed class');
    if (!plain || chars.size === 0 || chars.size > 8) return ANY;
    return { exact: chars, req: null };
  };

  const info = alt();
  if (at !== source.length) throw new Unsupported('unbalanced');
  return info;
}

/**
 * Literals one of which every match of the pattern contains, or undefined when none can be
 * proven (or they are too short to filter anything). The literals are folded (see `foldCase`:
 * under the `i` flag they are ASCII only) and are to be looked for in the folded text.
 */
export function requiredLiterals(re: RegExp): string[] | undefined {
  if (re.flags.includes('v')) return undefined;
  let info: Info;
  try {
    info = analyse(re.source, re.flags.includes('u'));
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const req = need(info);
  if (!req || req.size === 0) return undefined;
  const out = [...req];
  if (out.some((s) => s.length < MIN_LITERAL)) return undefined;
  if (re.flags.includes('i')) {
    // Case-insensitive: only ASCII literals, compared with the text folded the same way.
    if (out.some((s) => [...s].some((c) => c.charCodeAt(0) > 0x7f))) return undefined;
    return [...new Set(out.map((s) => s.toLowerCase()))];
  }
  // Case-sensitive: folded too. Folding maps one character to one character, so a literal in
  // the text is still in the folded text, and every gate can share one scan of the folded text.
  return [...new Set(out.map(foldCase))];
}

// Under `i` (with or without `u`), the only characters outside ASCII that match an ASCII one are
// the long s (ſ, as "s") and the Kelvin sign (K, as "k"); ASCII capitals match their small letters.
const NEEDS_FOLD = /[A-Z\u017f\u212a]/;

/** The text as a case-insensitive pattern sees it, for finding lower-case ASCII literals. */
export function foldCase(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c === 0x17f) out += 's';
    else if (c === 0x212a) out += 'k';
    else out += text[i];
  }
  return out;
}

// The texts folded last: signals ask about the same item's text and lower-cased text many times.
const foldedLast: { text: string; folded: string }[] = [];

function foldedText(text: string): string {
  for (const f of foldedLast) if (f.text === text) return f.folded;
  const folded = foldCase(text);
  foldedLast.unshift({ text, folded });
  if (foldedLast.length > 4) foldedLast.pop();
  return folded;
}

/** Every registered literal, by id. */
const literals: string[] = [];
const literalId = new Map<string, number>();

/**
 * The automaton over the literals registered when it was built, as a dense table: one array
 * step per character of the text, no failure links to follow at scan time.
 */
interface Automaton {
  size: number;
  /** Character code → its class (0: a character no literal holds, which always leads to the root). */
  classOf: Uint16Array;
  classes: number;
  /** Next state by `state * classes + class`. */
  delta: Int32Array;
  /** Literal ids ending at each state (its own and its suffixes'). */
  out: (number[] | undefined)[];
}

let automaton: Automaton | undefined;
let scansSinceBuild = 0;

function build(): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  for (let id = 0; id < literals.length; id++) {
    const s = literals[id]!;
    let state = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let to = next[state]!.get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        own.push([]);
        next[state]!.set(c, to);
      }
      state = to;
    }
    own[state]!.push(id);
  }
  const fail = new Int32Array(next.length);
  const out: (number[] | undefined)[] = new Array(next.length);
  out[0] = undefined;
  const queue: number[] = [];
  for (const to of next[0]!.values()) {
    fail[to] = 0;
    queue.push(to);
  }
  for (let k = 0; k < queue.length; k++) {
    const state = queue[k]!;
    const ids = own[state]!.concat(out[fail[state]!] ?? []);
    out[state] = ids.length ? ids : undefined;
    for (const [c, to] of next[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
      const g = next[f]!.get(c);
      fail[to] = g !== undefined && g !== to ? g : 0;
      queue.push(to);
    }
  }
  // Characters that occur in some literal get a class each; every other character sends the
  // scan back to the root.
  const classOf = new Uint16Array(0x10000);
  let classes = 1;
  for (const s of literals)
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  // The full transition function, filled breadth first so a state's failure state is complete
  // before the state itself: delta(s, c) = goto(s, c), else delta(fail(s), c).
  const delta = new Int32Array(next.length * classes);
  for (const [c, to] of next[0]!) delta[classOf[c]!] = to;
  for (const state of queue) {
    const row = state * classes;
    const failRow = fail[state]! * classes;
    for (let k = 1; k < classes; k++) delta[row + k] = delta[failRow + k]!;
    for (const [c, to] of next[state]!) delta[row + classOf[c]!] = to;
  }
  return { size: literals.length, classOf, classes, delta, out };
}

/** Which literals of the automaton (by id) occur in a text: one pass. */
function scan(text: string): Uint8Array {
  // Literals registered since the last build (patterns first run mid-way) are looked for one by
  // one (see `mayMatch`) until a few hundred texts later, or until there are many: then the
  // automaton is rebuilt. Patterns stop arriving once the signals have seen a few hundred items,
  // so rebuilds are few.
  const pending = literals.length - (automaton?.size ?? 0);
  if (!automaton || (pending > 0 && ++scansSinceBuild >= 256) || pending > 512) {
    automaton = build();
    scansSinceBuild = 0;
  }
  const { classOf, classes, delta, out } = automaton;
  const found = new Uint8Array(automaton.size);
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = delta[state * classes + classOf[text.charCodeAt(i)]!]!;
    const ids = out[state];
    if (ids !== undefined) for (let k = 0; k < ids.length; k++) found[ids[k]!] = 1;
  }
  return found;
}

// The texts scanned last (signals run many patterns over the same lower-cased text).
const scanned: { text: string; found: Uint8Array; built: Automaton }[] = [];

function presence(text: string): Uint8Array {
  for (const s of scanned) if (s.text === text && s.built === automaton) return s.found;
  const found = scan(text);
  scanned.unshift({ text, found, built: automaton! });
  if (scanned.length > 4) scanned.pop();
  return found;
}

interface Gate {
  ids: Int32Array;
}

const gates = new WeakMap<RegExp, Gate | null>();
/** Gates by pattern, so a pattern built afresh on every call is analysed once. */
const bySource = new Map<string, Gate | null>();
/** Patterns seen once: a pattern is analysed the second time it is run (item-made ones rarely are). */
const seenOnce = new Set<string>();
/** Bounds on what a long-running process keeps. */
const MAX_PATTERNS = 5000;
// The shipped signals register ~1,900 literals (~5,000 states × ~40 character classes, under
// 1 MB of table); this bound keeps the dense table of a long-running process with large profile
// lexicons within a few tens of MB. Patterns past it simply always run.
const MAX_LITERALS = 10_000;
/** How much of each required literal the automaton looks for. */
const LITERAL_PREFIX = 6;

function gateOf(re: RegExp): Gate | null {
  let gate = gates.get(re);
  if (gate !== undefined) return gate;
  const key = `${re.flags}/${re.source}`;
  gate = bySource.get(key);
  if (gate === undefined) {
    if (!seenOnce.has(key)) {
      if (seenOnce.size >= MAX_PATTERNS) seenOnce.clear();
      seenOnce.add(key);
      return null;
    }
    const required = bySource.size < MAX_PATTERNS ? requiredLiterals(re) : undefined;
    // Any part of a required literal is required too: the first few characters keep the
    // automaton shallow (and so the pass fast) while still telling most patterns apart.
    const lits = required && [...new Set(required.map((s) => s.slice(0, LITERAL_PREFIX)))];
    if (!lits || literals.length + lits.length > MAX_LITERALS) gate = null;
    else {
      const ids = lits.map((s) => {
        let id = literalId.get(s);
        if (id === undefined) {
          id = literals.length;
          literals.push(s);
          literalId.set(s, id);
        }
        return id;
      });
      gate = { ids: Int32Array.from(ids) };
    }
    if (bySource.size < MAX_PATTERNS) bySource.set(key, gate);
  }
  gates.set(re, gate);
  return gate;
}

/**
 * Could the pattern match somewhere in the text? False only when the text lacks every literal
 * the pattern's matches must contain; true whenever that cannot be shown.
 */
export function mayMatch(re: RegExp, text: string): boolean {
  const gate = gateOf(re);
  if (!gate) return true;
  const subject = foldedText(text);
  const found = presence(subject);
  const ids = gate.ids;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    if (id < found.length ? found[id] === 1 : subject.includes(literals[id]!)) return true;
  }
  return false;
}

/** `findPhrases` of core/text, skipping the search when the text lacks every phrase's words. */
export function findPhrases(matcher: RegExp | null, text: string): PhraseMatch[] {
  if (!matcher) return [];
  if (!mayMatch(matcher, text)) {
    matcher.lastIndex = 0;
    return [];
  }
  return findAll(matcher, text);
}
