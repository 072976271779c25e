/** Readable reports for a terminal: the text with spans marked, then each finding explained. */
import type { CheckResult } from '../core/check/engine.js';
import type { Draft } from '../core/check/draft.js';

const style = (on: boolean, code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Marked-up text: each line of the text followed by a line of markers under the spans. */
export function markSpans(
  text: string,
  spans: readonly { start: number; end: number; mark: string }[],
): string[] {
  const out: string[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineEnd = offset + line.length;
    const chars = [...line];
    // Column per UTF-16 offset, counted in code points so emoji take one column.
    const marks: string[] = chars.map(() => ' ');
    let col = 0;
    for (let i = offset; i < lineEnd;) {
      const cp = line.codePointAt(i - offset)!;
      const width = cp > 0xffff ? 2 : 1;
      for (const s of spans) if (i >= s.start && i < s.end) marks[col] = s.mark;
      col++;
      i += width;
    }
    out.push('  ' + line);
    const m = marks.join('').trimEnd();
    if (m) out.push('  ' + m);
    offset = lineEnd + 1;
  }
  return out;
}

/** A check result as text for a person. */
export function formatCheckText(
  id: string | null,
  draft: Draft,
  result: CheckResult,
  colour: boolean,
): string {
  const red = style(colour, '31');
  const yellow = style(colour, '33');
  const green = style(colour, '32');
  const dim = style(colour, '2');
  const bold = style(colour, '1');
  const head =
    result.verdict === 'block'
      ? red('BLOCK')
      : result.verdict === 'warn'
        ? yellow('WARN')
        : green('PASS');
  const lines = [
    `${bold(id ?? '(no id)')}  ${head}  ${dim(`(${draft.audience}${draft.handle ? `, ${draft.handle}` : ''})`)}`,
  ];
  const textFindings = result.findings.filter((f) => f.end > f.start);
  lines.push(
    ...markSpans(
      draft.text,
      textFindings.map((f) => ({
        start: f.start,
        end: f.end,
        mark: f.severity === 'block' ? '^' : '~',
      })),
    ),
  );
  result.findings.forEach((f, i) => {
    const sev = f.severity === 'block' ? red('block') : yellow('warn ');
    const quoted = f.end > f.start ? ` "${f.actual}"` : '';
    lines.push(`  ${i + 1}. ${sev} ${bold(f.rule)}${quoted}`);
    lines.push(`     ${f.message}`);
    if (f.expected.length) lines.push(`     suggestion: ${f.expected.join(' | ')}`);
    if (f.note) lines.push(`     ${f.note}`);
    lines.push(dim(`     clause: ${f.clause} · docs: ${f.url}`));
  });
  if (result.findings.length === 0) lines.push(dim('  No findings.'));
  return lines.join('\n') + '\n';
}
