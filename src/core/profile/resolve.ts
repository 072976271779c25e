/**
 * Turning profile YAML into a validated profile: parse, apply presets (`extends`), validate the
 * result, and report every problem at once with the file, the path, the line and what was
 * expected. Pure: the caller supplies a function that returns a profile's text by id.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Rule } from '../check/rule.js';
import { rules as allRules } from '../check/rules/index.js';
import { profileSchema, type Profile } from './schema.js';

/** One profile document as read from its file. */
export interface ProfileSource {
  id: string;
  /** Where the text came from, for error messages (e.g. `profiles/bsw.yml`). */
  file: string;
  text: string;
}

/** One thing wrong with a profile. */
export interface ProfileProblem {
  file: string;
  /** Dotted path inside the profile, e.g. `rules.pii.phone.severity`; empty for the whole file. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export type ResolveResult =
  { ok: true; profile: Profile; files: string[] } | { ok: false; problems: ProfileProblem[] };

/** Looks a profile up by id; returns undefined when there is none. */
export type ProfileReader = (id: string) => ProfileSource | undefined;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

interface Parsed {
  source: ProfileSource;
  doc: Document;
  lines: LineCounter;
  data: Obj;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Format a problem the way compilers do: `file:line:col path: message`. */
export function formatProblem(p: ProfileProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/**
 * Resolve a profile by id: read it and its presets, merge (objects merge key by key, lists are
 * replaced by the later file), then validate. Lists every problem found, never only the first.
 */
export function resolveProfile(
  id: string,
  read: ProfileReader,
  rules: readonly Rule[] = allRules,
): ResolveResult {
  const problems: ProfileProblem[] = [];
  const parsed = new Map<string, Parsed>();
  const order: string[] = [];

  // Depth-first over `extends`, so presets come before the profiles built on them.
  const visit = (pid: string, chain: string[], from: string): void => {
    if (chain.includes(pid)) {
      problems.push({
        file: from,
        path: 'extends',
        message: `Unexpected cycle ${[...chain, pid].join(' → ')}, expected presets that do not extend each other`,
      });
      return;
    }
    if (parsed.has(pid)) return;
    const source = read(pid);
    if (!source) {
      problems.push({
        file: from,
        path: chain.length ? 'extends' : '',
        message: `Unexpected profile id "${pid}", expected the id of a profile file that exists`,
      });
      return;
    }
    const p = parse(source, problems);
    if (!p) return;
    parsed.set(pid, p);
    const ext = p.data['extends'];
    if (ext !== undefined && !(Array.isArray(ext) && ext.every((e) => typeof e === 'string'))) {
      problems.push(at(p, ['extends'], 'Unexpected value, expected a list of profile ids'));
    } else {
      for (const parent of (ext as string[] | undefined) ?? [])
        visit(parent, [...chain, pid], source.file);
    }
    order.push(pid);
  };
  visit(id, [], '(profile id)');
  const leaf = parsed.get(id);
  if (leaf && leaf.data['id'] !== id) {
    problems.push(
      at(
        leaf,
        ['id'],
        `Unexpected id ${JSON.stringify(leaf.data['id'])}, expected "${id}" to match the file name`,
      ),
    );
  }
  if (problems.length || !leaf) return { ok: false, problems };

  // Merge in order, remembering which file set each path so problems point at the right file.
  const origin = new Map<string, Parsed>();
  let merged: Obj = {};
  for (const pid of order) {
    const p = parsed.get(pid)!;
    const own = { ...p.data };
    delete own['extends'];
    delete own['preset'];
    merged = merge(merged, own, [], origin, p);
  }
  merged['id'] = id;
  merged['extends'] = (leaf.data['extends'] as Json[] | undefined) ?? [];
  if (leaf.data['preset'] !== undefined) merged['preset'] = leaf.data['preset'];

  const result = profileSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...fromIssue(issue, leaf, origin));
  }
  // Rule ids and options are checked even when other settings are wrong, so one run lists all.
  if (isObj(merged['rules'])) problems.push(...checkRules(merged['rules'], rules, leaf, origin));
  if (problems.length || !result.success) return { ok: false, problems };
  return {
    ok: true,
    profile: result.data,
    files: order.map((pid) => parsed.get(pid)!.source.file),
  };
}

function parse(source: ProfileSource, problems: ProfileProblem[]): Parsed | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      problems.push({
        file: source.file,
        path: '',
        line: pos.line,
        column: pos.col,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  const data: unknown = doc.toJS();
  if (!isObj(data)) {
    problems.push({
      file: source.file,
      path: '',
      line: 1,
      message:
        'Unexpected document, expected a mapping of profile settings (id, policy, organisation, …)',
    });
    return undefined;
  }
  return { source, doc, lines, data };
}

function merge(
  base: Obj,
  over: Obj,
  path: string[],
  origin: Map<string, Parsed>,
  from: Parsed,
): Obj {
  const out: Obj = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const here = [...path, key];
    const prev = out[key];
    // `rules` entries merge per rule id, even when one file writes a bare severity.
    if (isObj(prev) && isObj(value)) {
      out[key] = merge(prev, value, here, origin, from);
    } else {
      out[key] = value;
      origin.set(here.join('\u0000'), from);
      markChildren(value, here, origin, from);
    }
  }
  return out;
}

function markChildren(
  value: Json,
  path: string[],
  origin: Map<string, Parsed>,
  from: Parsed,
): void {
  if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      origin.set([...path, k].join('\u0000'), from);
      markChildren(v, [...path, k], origin, from);
    }
  }
}

/** The file that set `path` (or the nearest parent that was set), else the leaf profile. */
function ownerOf(path: readonly PropertyKey[], leaf: Parsed, origin: Map<string, Parsed>): Parsed {
  for (let n = path.length; n > 0; n--) {
    const hit = origin.get(path.slice(0, n).map(String).join('\u0000'));
    if (hit) return hit;
  }
  return leaf;
}

function at(p: Parsed, path: readonly PropertyKey[], message: string): ProfileProblem {
  // Point at the deepest node that exists in this file.
  for (let n = path.length; n >= 0; n--) {
    const node = p.doc.getIn(path.slice(0, n) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node && node.range && (isMap(node) || isSeq(node) || n === path.length || n > 0)) {
      const pos = p.lines.linePos(node.range[0]);
      return { file: p.source.file, path: dotted(path), line: pos.line, column: pos.col, message };
    }
  }
  return { file: p.source.file, path: dotted(path), message };
}

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : String(k)))
    .join('.')
    .replace(/\.\[/g, '[');
}

function fromIssue(
  issue: z.core.$ZodIssue,
  leaf: Parsed,
  origin: Map<string, Parsed>,
): ProfileProblem[] {
  if (issue.code === 'invalid_union' && issue.errors.length) {
    // Report the alternative that got furthest (the one whose problems lie deepest), not "Invalid input".
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
    if (depth(best) > 0)
      return best.flatMap((i) =>
        fromIssue({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue, leaf, origin),
      );
    return [
      at(
        ownerOf(issue.path, leaf, origin),
        issue.path,
        'Unexpected value, expected a severity (block, warn, off) or { severity, clause, options }',
      ),
    ];
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return at(
        ownerOf(path, leaf, origin),
        path,
        `Unexpected setting "${key}", expected one of the documented settings (check the spelling)`,
      );
    });
  }
  const owner = ownerOf(issue.path, leaf, origin);
  let message = issue.message;
  if (issue.code === 'invalid_type' && message.includes('received undefined')) {
    message = `Missing setting, expected ${issue.expected}; no file in the extends chain sets it`;
  } else if (issue.code === 'invalid_value') {
    message = `Unexpected value, expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return [at(owner, issue.path, message)];
}

function checkRules(
  ruleSettings: Obj,
  rules: readonly Rule[],
  leaf: Parsed,
  origin: Map<string, Parsed>,
): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const [ruleId, setting] of Object.entries(ruleSettings)) {
    const rule = byId.get(ruleId);
    const path = ['rules', ruleId];
    if (!rule) {
      problems.push(
        at(
          ownerOf(path, leaf, origin),
          path,
          `Unexpected rule id "${ruleId}", expected one of ${[...byId.keys()].join(', ')}`,
        ),
      );
      continue;
    }
    if (!isObj(setting) || setting['options'] === undefined) continue;
    const parsed = rule.options.safeParse(setting['options']);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const full = [...path, 'options', ...issue.path];
        problems.push(at(ownerOf(full, leaf, origin), full, issue.message));
      }
    }
  }
  return problems;
}
