/**
 * `commsdesk triage` — triage over JSONL items (contract in shared/spec/labels.md), adding the
 * action checklist and due time per item; a readable view with evidence marked on a terminal.
 */
import { z } from 'zod';
import type { Profile } from '../core/profile/schema.js';
import { assessItem } from '../core/inbox/assess.js';
import { profileCalendar } from '../core/triage/clock.js';
import { createTriage, type TriageResult } from '../core/triage/engine.js';
import { ITEM_KINDS, PLATFORMS, type InboundItem } from '../core/triage/labels.js';
import { parseLine, processJsonl, writeLine, type LineResult } from './jsonl.js';
import { codePointOffsets } from './offsets.js';
import { profileOrExit } from './profile-option.js';
import { markSpans } from './text-report.js';

/** One input line of `commsdesk triage`. Unknown fields are ignored (e.g. `expected`). */
export const triageLineSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string(),
    platform: z.string().optional(),
    kind: z.string().optional(),
    author: z.string().optional(),
    received_at: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}/.test(s), {
        message: 'expected an ISO-8601 date and time such as "2026-11-24T09:30:00Z"',
      })
      .optional(),
  })
  .loose();

export interface TriageCommandOptions {
  profile: string;
  format: 'jsonl' | 'text';
  /** When items without `received_at` arrived; defaults to the time of the run. */
  now?: string;
}

/** Triage one parsed line into the contract's output object. */
export function triageOutput(
  input: z.infer<typeof triageLineSchema>,
  profile: Profile,
  engine: ReturnType<typeof createTriage>,
  calendar: ReturnType<typeof profileCalendar>,
  now: Date,
): { output: Record<string, unknown>; result: TriageResult; item: InboundItem } {
  const warnings: string[] = [];
  const platform =
    input.platform === undefined
      ? undefined
      : (PLATFORMS as readonly string[]).includes(input.platform)
        ? (input.platform as InboundItem['platform'])
        : 'other';
  if (input.platform !== undefined && platform === 'other' && input.platform !== 'other')
    warnings.push(`unknown platform "${input.platform}" treated as "other"`);
  const kind =
    input.kind !== undefined && (ITEM_KINDS as readonly string[]).includes(input.kind)
      ? (input.kind as InboundItem['kind'])
      : undefined;
  if (input.kind !== undefined && kind === undefined)
    warnings.push(`unknown kind "${input.kind}" ignored; expected one of ${ITEM_KINDS.join(', ')}`);
  const receivedAt = input.received_at ? new Date(input.received_at) : now;
  const item: InboundItem = {
    text: input.text,
    ...(platform ? { platform } : {}),
    ...(kind ? { kind } : {}),
    ...(input.author ? { author: input.author } : {}),
    receivedAt: receivedAt.toISOString(),
  };
  const { result, clock, foi, actions } = assessItem(item, receivedAt, engine, calendar);
  const cp = codePointOffsets(input.text);
  return {
    item,
    result,
    output: {
      id: input.id === undefined ? null : String(input.id),
      labels: result.labels,
      urgent: result.urgent,
      routes: result.routes,
      sentiment: result.sentiment,
      due_at: clock.dueAt ? clock.dueAt.toISOString() : null,
      evidence: result.evidence.map((e) => ({
        label: e.label,
        start: cp(e.start),
        end: cp(e.end),
        rule: e.rule,
        text: e.text,
        ...(e.note ? { note: e.note } : {}),
      })),
      actions: actions.map((a) => ({
        id: a.id,
        title: a.title,
        required: a.required,
        clause: a.clause,
        ...(a.route ? { route: a.route } : {}),
        ...(a.template ? { template: a.template } : {}),
      })),
      route_reasons: result.routeReasons,
      due_basis: clock.basis,
      out_of_hours: clock.outOfHours,
      ...(clock.foi
        ? { foi_due_at: clock.foi.endOfDay.toISOString(), foi_due_date: clock.foi.date }
        : {}),
      ...(foi ? { foi_validity: { missing: foi.missing, note: foi.note } } : {}),
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

export async function triageCommand(opts: TriageCommandOptions): Promise<void> {
  const profile = profileOrExit(opts.profile);
  if (!profile) return;
  const now = opts.now ? new Date(opts.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(
      `commsdesk: Unexpected --now "${opts.now}", expected an ISO-8601 date and time\n`,
    );
    process.exitCode = 2;
    return;
  }
  const engine = createTriage(profile);
  const calendar = profileCalendar(profile);
  const colour = process.stdout.isTTY === true;

  const each = (line: string, lineNo: number): LineResult => {
    const parsed = parseLine(line, lineNo, triageLineSchema);
    if (!parsed.ok) return parsed;
    const { output, result } = triageOutput(parsed.value, profile, engine, calendar, now);
    if (opts.format === 'text')
      process.stdout.write(
        formatTriageText(
          String(output['id'] ?? '(no id)'),
          parsed.value.text,
          output,
          result,
          colour,
        ) + '\n',
      );
    return { ok: true, output };
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

/** A triage result as text: labels, urgency, routes, the text with evidence marked, actions. */
export function formatTriageText(
  id: string,
  text: string,
  output: Record<string, unknown>,
  result: TriageResult,
  colour: boolean,
): string {
  const c = (code: string) => (s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const red = c('31');
  const bold = c('1');
  const dim = c('2');
  const lines = [
    `${bold(id)}  ${result.urgent ? red('URGENT ') : ''}${result.labels.join(', ') || '(no label)'}  ${dim(`sentiment ${result.sentiment}`)}`,
    `  routes: ${result.routes.join(', ') || '—'}   due: ${String(output['due_at'] ?? '—')} ${dim(`(${String(output['due_basis'])})`)}`,
  ];
  if (output['foi_due_date'])
    lines.push(`  FOI statutory deadline: ${String(output['foi_due_date'])} (20 working days)`);
  const validity = output['foi_validity'] as { note: string } | undefined;
  if (validity) lines.push(`  FOI request: ${validity.note}`);
  lines.push(
    ...markSpans(
      text,
      result.evidence.map((e) => ({ start: e.start, end: e.end, mark: '^' })),
    ),
  );
  for (const e of result.evidence)
    lines.push(`  • ${bold(e.label)} ← ${e.rule}: "${e.text}"${e.note ? dim(` — ${e.note}`) : ''}`);
  const actions = output['actions'] as { title: string; required: boolean; clause: string }[];
  if (actions.length) {
    lines.push('  actions:');
    for (const a of actions)
      lines.push(
        `    [ ] ${a.title}${a.required ? '' : dim(' (judgement)')} ${dim(`— ${a.clause}`)}`,
      );
  }
  return lines.join('\n') + '\n';
}

const DEMO_ITEMS = [
  'My nan is on Ward 9 and nobody has given her a drink since this morning, she can’t reach the jug and the buzzer goes unanswered.',
  'Could you tell me how much the trust spent on agency staff last year, by month? Thanks',
  'Massive thanks to the midwives last night, calm and kind from start to finish 💙',
  'Hi, I’m a producer at a regional radio station. We’re going live at 6 tonight about ambulance queues, can someone give us a comment?',
];

/** The triage part of `commsdesk demo`. */
export function demoTriage(profile: Profile, colour: boolean): void {
  const engine = createTriage(profile);
  const calendar = profileCalendar(profile);
  const now = new Date();
  process.stdout.write(
    'Triage: every inbound item gets labels, urgency, routes, a due time and a checklist — with evidence.\n\n',
  );
  DEMO_ITEMS.forEach((text, i) => {
    const { output, result } = triageOutput(
      { id: `demo-${i + 1}`, text },
      profile,
      engine,
      calendar,
      now,
    );
    process.stdout.write(formatTriageText(`demo-${i + 1}`, text, output, result, colour) + '\n');
  });
}
