/**
 * The live check in the browser. Every `<textarea data-live-check>` on the page is checked as the
 * person types (debounced), with the same pure content check the server runs (`src/core/check`)
 * and the profile data the page embeds as `<script type="application/json"
 * id="desk-check-config">` (src/web/live-check.ts). The findings are written, as text, into the
 * `aria-live="polite"` region beside the field (`[data-live-check-region]`), so screen readers
 * hear them without losing their place.
 *
 * Advice only: the server checks again when the form is submitted, and the page works without
 * this module. Bundled by src/web/client-bundle.ts and served at /assets/desk/live-check.js.
 */
import type { Draft } from '../../core/check/draft.js';
import { createChecker, type CheckResult } from '../../core/check/engine.js';
import { toDraft } from '../../core/check/draft.js';
import { rules } from '../../core/check/rules/index.js';
import type { Finding } from '../../core/finding.js';
import type { Profile } from '../../core/profile/schema.js';
import type { LiveCheckConfig } from '../live-check.js';

/** How long typing must pause before the draft is checked again. */
export const DEBOUNCE_MS = 150;

// The project compiles without the DOM library (core and server must not use it); these are the
// few DOM shapes this module touches.
interface El {
  textContent: string | null;
  id: string;
  className: string;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  append(...nodes: (El | string)[]): void;
  replaceChildren(...nodes: (El | string)[]): void;
  addEventListener(type: string, listener: () => void): void;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
}
interface Field extends El {
  value: string;
  form: El | null;
}
interface Doc {
  readyState: string;
  getElementById(id: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  createElement(tag: string): El;
  addEventListener(type: string, listener: () => void): void;
}
interface BrowserGlobals {
  document: Doc;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Tests read the checker through this (the findings the browser computes). */
  deskLiveCheck?: { check(text: string, handle?: string): CheckResult };
}

const g = globalThis as unknown as BrowserGlobals;
const DESCRIPTIONS = new Map(rules.map((r) => [r.meta.id, r.meta.description]));

const SEVERITY_WORDS: Record<string, string> = {
  block: 'Blocks posting',
  warn: 'Warning',
};

function el(tag: string, text?: string, className?: string): El {
  const node = g.document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** One finding in plain words: what, why, how to fix, and the clause. */
function findingItem(f: Finding, n: number): El {
  const li = el('li');
  li.setAttribute('data-rule', f.rule);
  li.setAttribute('data-start', String(f.start));
  li.setAttribute('data-end', String(f.end));
  li.setAttribute('data-severity', f.severity);
  const head = el('p');
  head.append(el('strong', `${n}. ${SEVERITY_WORDS[f.severity] ?? f.severity}`));
  head.append(`: ${DESCRIPTIONS.get(f.rule) ?? f.rule}`);
  if (f.actual) head.append(` — “${f.actual}”`);
  li.append(head, el('p', f.message));
  if (f.expected.length) li.append(el('p', `Instead: ${f.expected.join('; ')}`, 'nhsuk-body-s'));
  if (f.note) li.append(el('p', f.note, 'nhsuk-body-s'));
  li.append(el('p', `Policy clause: ${f.clause}`, 'nhsuk-body-s desk-muted'));
  return li;
}

function summary(result: CheckResult, empty: boolean): string {
  if (empty) return 'Live check: start typing and the findings appear here.';
  const blocks = result.findings.filter((f) => f.severity === 'block').length;
  const warns = result.findings.length - blocks;
  if (result.findings.length === 0) return 'Live check: nothing found so far.';
  const parts = [
    blocks ? `${blocks} ${blocks === 1 ? 'finding blocks' : 'findings block'} posting` : '',
    warns ? `${warns} ${warns === 1 ? 'warning' : 'warnings'}` : '',
  ].filter(Boolean);
  return `Live check: ${parts.join(', ')}. The desk checks again when you send it.`;
}

function render(region: El, result: CheckResult, empty: boolean): void {
  const heading = el('p', summary(result, empty), 'desk-live-check__summary');
  heading.setAttribute('data-verdict', empty ? 'empty' : result.verdict);
  if (empty || result.findings.length === 0) {
    region.replaceChildren(heading);
    return;
  }
  const list = el('ol', undefined, 'desk-live-check__list');
  result.findings.forEach((f, i) => list.append(findingItem(f, i + 1)));
  region.replaceChildren(heading, list);
}

function start(): void {
  const source = g.document.getElementById('desk-check-config');
  if (!source?.textContent) return;
  const config = JSON.parse(source.textContent) as LiveCheckConfig;
  // The page carries only what the rules read; the checker is typed for the whole profile.
  const checker = createChecker(config.profile as Profile);
  const check = (text: string, handle?: string): CheckResult => {
    const draft: Partial<Draft> & { text: string } = { text, audience: config.audience };
    if (handle) {
      draft.handle = handle;
      if (config.audience === 'personal') draft.handleKind = 'personal';
    }
    return checker.check(toDraft(draft));
  };
  g.deskLiveCheck = { check };

  const fields = Array.from(g.document.querySelectorAll('textarea[data-live-check]')) as Field[];
  const regions = Array.from(g.document.querySelectorAll('[data-live-check-region]'));
  for (const field of fields) {
    const region =
      regions.find((r) => r.getAttribute('data-live-check-for') === field.id) ?? regions[0];
    if (!region) continue;
    const handleField = field.form?.querySelector('input[name="handle"]') as Field | null;
    let timer = 0;
    const run = () => {
      const text = field.value.trim();
      render(region, check(text, handleField?.value.trim() || undefined), text === '');
    };
    const later = () => {
      g.clearTimeout(timer);
      timer = g.setTimeout(run, DEBOUNCE_MS);
    };
    field.addEventListener('input', later);
    handleField?.addEventListener('input', later);
    if (field.value.trim()) run();
  }
}

if (g.document.readyState === 'loading') g.document.addEventListener('DOMContentLoaded', start);
else start();
