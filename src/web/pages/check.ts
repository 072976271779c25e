/**
 * "Pause before you post" (STF-1): any member with `draft.check` pastes a draft for their
 * personal account and gets the content check's findings in plain words — what, why, how to fix,
 * the clause — with each finding's span marked in their text. The check runs in AdviceService
 * and keeps nothing: no row, no audit entry, no log line with the text.
 *
 * From the result they may ask the communications team for advice: only then is the draft
 * stored (with their question). "Your requests" on the same page shows their requests and the
 * team's answers, and lets them withdraw one, which deletes it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CheckResult } from '../../core/check/engine.js';
import { rules } from '../../core/check/rules/index.js';
import type { Finding } from '../../core/finding.js';
import type { Desk } from '../../server/context.js';
import { DeskError, notFound } from '../../server/errors.js';
import {
  AdviceService,
  MAX_DRAFT,
  MAX_HANDLE,
  MAX_QUESTION,
  type AdviceView,
} from '../../server/services/advice.service.js';
import { orgPage, type OrgPage } from '../render.js';
import { evidenceSegments, formatTime } from '../view-models.js';
import { type Form, one, type FormProblem } from '../forms.js';

const DESCRIPTIONS = new Map(rules.map((r) => [r.meta.id, r.meta.description]));

const SEVERITY = {
  block: { text: 'Blocks posting', classes: 'nhsuk-tag--red' },
  warn: { text: 'Warning', classes: 'nhsuk-tag--orange' },
} as const;

/** A verdict in words for the staff member. */
const VERDICT = {
  pass: { text: 'Nothing found', classes: 'nhsuk-tag--green' },
  warn: { text: 'Think again', classes: 'nhsuk-tag--orange' },
  block: { text: 'Do not post this', classes: 'nhsuk-tag--red' },
} as const;

/** One finding as a page shows it: what (the rule in words), why, how to fix, the clause. */
export function findingView(f: Finding, n: number) {
  return {
    n,
    rule: f.rule,
    severity: f.severity,
    severityTag: SEVERITY[f.severity],
    what: DESCRIPTIONS.get(f.rule) ?? f.rule,
    quote: f.actual,
    why: f.message,
    fixes: f.expected,
    note: f.note ?? '',
    clause: f.clause,
  };
}

/** The text cut into marked spans plus the findings in words (advice-check-result.njk). */
export function resultView(text: string, check: CheckResult, idPrefix = 'finding') {
  return {
    verdict: check.verdict,
    verdictTag: VERDICT[check.verdict],
    idPrefix,
    segments: evidenceSegments(
      text,
      check.findings.map((f) => ({ label: f.severity, rule: f.rule, start: f.start, end: f.end })),
    ),
    findings: check.findings.map((f, i) => findingView(f, i + 1)),
  };
}

/** Service error paths → the form field they concern. */
const FIELDS: Record<string, string> = {
  '/body/text': 'text',
  '/body/handle': 'handle',
  '/body/question': 'question',
  '/body/answer': 'answer',
};

export function problemOf(error: DeskError, fallback: string): FormProblem {
  return { field: FIELDS[error.details[0]?.path ?? ''] ?? fallback, text: error.message };
}

export async function checkPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const advice = new AdviceService(desk);
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;
  const baseOf = (page: OrgPage) => `/orgs/${encodeURIComponent(page.org.slug)}/check`;

  const requestsOf = async (page: OrgPage) => {
    const zone = desk.profiles.forOrganisation(page.org).profile.hours.timeZone;
    const members = new Map(
      (await desk.store.users.members(page.org.id)).map((m) => [m.id, m.displayName]),
    );
    return (await advice.mine(page.access)).map((r: AdviceView) => ({
      id: r.id,
      text: r.text,
      handle: r.handle ?? '',
      question: r.question,
      answered: r.status === 'answered',
      answer: r.answer ?? '',
      answeredBy: r.answeredBy ? (members.get(r.answeredBy) ?? 'the communications team') : '',
      answeredAt: formatTime(r.answeredAt, zone),
      asked: formatTime(r.createdAt, zone),
      verdictTag: VERDICT[r.check.verdict],
      withdrawAction: `${baseOf(page)}/requests/${r.id}/withdraw`,
    }));
  };

  const render = async (
    page: OrgPage,
    reply: FastifyReply,
    options: {
      values?: Record<string, string>;
      result?: ReturnType<typeof resultView> | null;
      problems?: FormProblem[];
      done?: string;
    } = {},
  ) => {
    const problems = options.problems ?? [];
    return reply.view('check.njk', {
      ...page.layout,
      title: 'Pause before you post',
      errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
      errorFor: Object.fromEntries(problems.map((p) => [p.field, { text: p.text }])),
      values: options.values ?? {},
      result: options.result ?? null,
      action: baseOf(page),
      askAction: `${baseOf(page)}/ask`,
      requests: await requestsOf(page),
      done: options.done ?? '',
      liveCheckAudience: 'personal',
      liveCheckFor: 'text',
    });
  };

  /** The form's draft, vetted like the service does, or the problems to show. */
  const draftOf = (body: Form) => {
    const values = { text: one(body, 'text'), handle: one(body, 'handle') };
    const problems: FormProblem[] = [];
    if (!values.text) problems.push({ field: 'text', text: 'Enter the text of your draft' });
    else if (values.text.length > MAX_DRAFT)
      problems.push({
        field: 'text',
        text: `The draft must be ${MAX_DRAFT.toLocaleString('en-GB')} characters or fewer`,
      });
    if (values.handle.length > MAX_HANDLE)
      problems.push({
        field: 'handle',
        text: `The account name must be ${MAX_HANDLE} characters or fewer`,
      });
    return { values, problems };
  };

  web.get('/orgs/:org/check', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'draft.check', 'check');
    const done = one((request.query ?? {}) as Form, 'done');
    return render(page, reply, { done });
  });

  // Check a draft: nothing is stored. The answer is the page itself (no redirect: there is
  // nothing saved to come back to, and the text must not travel in a URL).
  web.post('/orgs/:org/check', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'draft.check', 'check');
    const { values, problems } = draftOf((request.body ?? {}) as Form);
    if (problems.length) return render(page, reply.status(400), { values, problems });
    const check = advice.check(page.org, { text: values.text, handle: values.handle || null });
    return render(page, reply, { values, result: resultView(values.text, check) });
  });

  // Ask the team: the only path that stores a draft.
  web.post('/orgs/:org/check/ask', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'draft.check', 'check');
    const body = (request.body ?? {}) as Form;
    const { values, problems } = draftOf(body);
    const question = one(body, 'question');
    const all = { ...values, question };
    const result =
      problems.length === 0
        ? resultView(
            values.text,
            advice.check(page.org, { text: values.text, handle: values.handle || null }),
          )
        : null;
    if (!question)
      problems.push({ field: 'question', text: 'Enter your question for the communications team' });
    else if (question.length > MAX_QUESTION)
      problems.push({
        field: 'question',
        text: `The question must be ${MAX_QUESTION.toLocaleString('en-GB')} characters or fewer`,
      });
    if (problems.length) return render(page, reply.status(400), { values: all, result, problems });
    try {
      await advice.ask(page.access, {
        text: values.text,
        handle: values.handle || null,
        question,
      });
    } catch (error) {
      if (!(error instanceof DeskError) || ![400, 403].includes(error.status)) throw error;
      return render(page, reply.status(error.status), {
        values: all,
        result,
        problems: [problemOf(error, 'question')],
      });
    }
    return reply.redirect(`${baseOf(page)}?done=asked#requests`, 303);
  });

  web.post(
    '/orgs/:org/check/requests/:id/withdraw',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'draft.check', 'check');
      const raw = (request.params as { id: string }).id;
      if (!/^\d{1,12}$/.test(raw)) throw notFound('advice_request');
      await advice.withdraw(page.access, Number(raw));
      return reply.redirect(`${baseOf(page)}?done=withdrawn#requests`, 303);
    },
  );
}
