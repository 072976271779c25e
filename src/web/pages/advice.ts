/**
 * Advice requests (STF-1), for the communications team (`advice.answer`): the drafts staff chose
 * to send with a question, open ones first, each with its content check marked in the text, and
 * a form to answer. The staff member reads the answer on their "Pause before you post" page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Desk } from '../../server/context.js';
import { DeskError, notFound } from '../../server/errors.js';
import { AdviceService, MAX_ANSWER } from '../../server/services/advice.service.js';
import { orgPage, type OrgPage } from '../render.js';
import { formatTime } from '../view-models.js';
import type { FormProblem } from '../forms.js';
import { problemOf, resultView } from './check.js';
import { type Form, one } from '../forms.js';

const VERDICT_TAGS = {
  pass: { text: 'Check: nothing found', classes: 'nhsuk-tag--green' },
  warn: { text: 'Check: warnings', classes: 'nhsuk-tag--orange' },
  block: { text: 'Check: blocks', classes: 'nhsuk-tag--red' },
} as const;

export async function advicePages(web: FastifyInstance, desk: Desk): Promise<void> {
  const advice = new AdviceService(desk);
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;
  const idOf = (request: FastifyRequest) => {
    const raw = (request.params as { id: string }).id;
    if (!/^\d{1,12}$/.test(raw)) throw notFound('advice_request');
    return Number(raw);
  };
  const baseOf = (page: OrgPage) => `/orgs/${encodeURIComponent(page.org.slug)}/advice`;
  const namesOf = async (page: OrgPage) =>
    new Map((await desk.store.users.members(page.org.id)).map((m) => [m.id, m.displayName]));

  web.get('/orgs/:org/advice', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'advice.answer', 'advice');
    const zone = desk.profiles.forOrganisation(page.org).profile.hours.timeZone;
    const names = await namesOf(page);
    const rows = await advice.list(page.access, ['open', 'answered']);
    const view = (r: (typeof rows)[number]) => ({
      id: r.id,
      href: `${baseOf(page)}/${r.id}`,
      who: names.get(r.userId) ?? `person ${r.userId}`,
      asked: formatTime(r.createdAt, zone),
      question: r.question.length > 160 ? `${r.question.slice(0, 157)}…` : r.question,
      verdictTag: VERDICT_TAGS[r.check.verdict],
      answeredAt: formatTime(r.answeredAt, zone),
    });
    return reply.view('advice.njk', {
      ...page.layout,
      title: 'Advice requests',
      open: rows.filter((r) => r.status === 'open').map(view),
      answered: rows
        .filter((r) => r.status === 'answered')
        .reverse()
        .slice(0, 50)
        .map(view),
      done: one((request.query ?? {}) as Form, 'done'),
    });
  });

  const renderRequest = async (
    page: OrgPage,
    reply: FastifyReply,
    id: number,
    options: { problems?: FormProblem[]; values?: Record<string, string> } = {},
  ) => {
    const r = await advice.get(page.access, id);
    const zone = desk.profiles.forOrganisation(page.org).profile.hours.timeZone;
    const names = await namesOf(page);
    const problems = options.problems ?? [];
    return reply.view('advice-request.njk', {
      ...page.layout,
      title: `Advice request ${r.id}`,
      errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
      errorFor: Object.fromEntries(problems.map((p) => [p.field, { text: p.text }])),
      values: options.values ?? {},
      listHref: baseOf(page),
      action: `${baseOf(page)}/${r.id}/answer`,
      request: {
        id: r.id,
        who: names.get(r.userId) ?? `person ${r.userId}`,
        handle: r.handle ?? '',
        asked: formatTime(r.createdAt, zone),
        question: r.question,
        answered: r.status === 'answered',
        answer: r.answer ?? '',
        answeredBy: r.answeredBy ? (names.get(r.answeredBy) ?? `person ${r.answeredBy}`) : '',
        answeredAt: formatTime(r.answeredAt, zone),
      },
      result: resultView(r.text, r.check),
    });
  };

  web.get('/orgs/:org/advice/:id', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'advice.answer', 'advice');
    return renderRequest(page, reply, idOf(request));
  });

  web.post('/orgs/:org/advice/:id/answer', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'advice.answer', 'advice');
    const id = idOf(request);
    const answer = one((request.body ?? {}) as Form, 'answer');
    const values = { answer };
    if (!answer)
      return renderRequest(page, reply.status(400), id, {
        values,
        problems: [{ field: 'answer', text: 'Enter your answer' }],
      });
    if (answer.length > MAX_ANSWER)
      return renderRequest(page, reply.status(400), id, {
        values,
        problems: [
          {
            field: 'answer',
            text: `The answer must be ${MAX_ANSWER.toLocaleString('en-GB')} characters or fewer`,
          },
        ],
      });
    try {
      await advice.answer(page.access, id, answer);
    } catch (error) {
      if (!(error instanceof DeskError) || ![400, 403].includes(error.status)) throw error;
      return renderRequest(page, reply.status(error.status), id, {
        values,
        problems: [problemOf(error, 'answer')],
      });
    }
    return reply.redirect(`${baseOf(page)}?done=answered`, 303);
  });
}
