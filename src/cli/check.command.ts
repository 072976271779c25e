/**
 * `commsdesk check` — the content check over JSONL drafts (contract in shared/spec/labels.md):
 * one result line per input line, same order; a readable report on a terminal or --format text.
 */
import { z } from 'zod';
import { createChecker } from '../core/check/engine.js';
import { toDraft, type Audience } from '../core/check/draft.js';
import { codePointOffsets } from './offsets.js';
import { parseLine, processJsonl, writeLine, type LineResult } from './jsonl.js';
import { profileOrExit } from './profile-option.js';
import { formatCheckText } from './text-report.js';

const mediaSchema = z
  .object({
    type: z.enum(['image', 'video']),
    alt: z.string().optional(),
    captions: z.boolean().optional(),
    identifiable_people: z.boolean().optional(),
    consent: z.boolean().optional(),
    text_only: z.boolean().optional(),
  })
  .loose();

/** One input line of `commsdesk check`. Unknown fields are ignored (e.g. `expected`). */
export const checkLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string(),
    audience: z.enum(['corporate', 'personal']).optional(),
    media: z.array(mediaSchema).optional(),
    handle: z.string().optional(),
    handle_kind: z.enum(['personal', 'departmental']).optional(),
    publish_at: z.iso.datetime({ offset: true }).optional(),
  })
  .loose();

export interface CheckCommandOptions {
  profile: string;
  audience?: Audience;
  format: 'jsonl' | 'text';
}

/** Run the check over stdin. Exit code 0 all lines read, 1 some lines failed, 2 bad profile. */
export async function checkCommand(opts: CheckCommandOptions): Promise<void> {
  const profile = profileOrExit(opts.profile);
  if (!profile) return;
  const checker = createChecker(profile);

  const each = (line: string, lineNo: number): LineResult => {
    const parsed = parseLine(line, lineNo, checkLineSchema);
    if (!parsed.ok) return parsed;
    const input = parsed.value;
    const id = input.id === undefined ? null : String(input.id);
    const draft = toDraft({
      text: input.text,
      audience: input.audience ?? opts.audience ?? 'corporate',
      media: input.media ?? [],
      ...(input.handle === undefined ? {} : { handle: input.handle }),
      ...(input.handle_kind === undefined ? {} : { handleKind: input.handle_kind }),
      ...(input.publish_at === undefined ? {} : { publishAt: input.publish_at }),
    });
    const result = checker.check(draft);
    if (opts.format === 'text') {
      process.stdout.write(
        formatCheckText(id, draft, result, process.stdout.isTTY === true) + '\n',
      );
      return { ok: true, output: {} };
    }
    const cp = codePointOffsets(draft.text);
    return {
      ok: true,
      output: {
        id,
        verdict: result.verdict,
        findings: result.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          start: cp(f.start),
          end: cp(f.end),
          message: f.message,
          clause: f.clause,
          actual: f.actual,
          ...(f.expected.length ? { suggestions: f.expected } : {}),
          ...(f.note ? { note: f.note } : {}),
        })),
      },
    };
  };

  const { failed } = await processJsonl(process.stdin, each, (r) => {
    if (r.ok) {
      if (opts.format === 'jsonl') writeLine(r.output);
    } else if (opts.format === 'text')
      process.stdout.write(`✖ ${r.id ?? '(no id)'}: ${r.error}\n\n`);
    else writeLine({ id: r.id, error: r.error });
  });
  if (failed > 0) process.exitCode = 1;
}
