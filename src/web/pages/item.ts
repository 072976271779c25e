/**
 * One item: its text with each label's evidence marked and explained (signal, rule, clause), the
 * labels with a correction form, the action checklist with each step recorded when done,
 * hand-off / consult / status / assignment forms, the author, erasure after hand-off, and the
 * item's audit trail. Every change goes through ItemsService; a refused change re-renders the page
 * with an error summary that links to the field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LABELS } from '../../core/triage/labels.js';
import { templateFor } from '../../core/triage/templates.js';
import type { Desk } from '../../server/context.js';
import { DeskError, notFound } from '../../server/errors.js';
import { AuthorsService } from '../../server/services/authors.service.js';
import { EscalationService } from '../../server/services/escalation.service.js';
import { ItemsService } from '../../server/services/items.service.js';
import { ITEM_STATUSES, type Actor, type ItemStatus } from '../../store/index.js';
import { orgPage, type OrgPage } from '../render.js';
import {
  evidenceSegments,
  explainSignal,
  formatTime,
  labelName,
  labelTag,
  routeName,
  slaOf,
  statusName,
  type StoredEvidence,
} from '../view-models.js';
import { type Form, one, many, type FormProblem } from '../forms.js';

/** Escalation kinds in words. */
const ESCALATION_KINDS: Record<string, string> = {
  oncall: 'Urgent item to the on-call manager',
  breach: 'Response target missed',
  consultation: 'Consultation not answered in time',
  concern: 'Concern',
};

/** The teams an item can be handed to from this page (escalation has its own page). */
const HANDOFF_ROUTES = ['pals', 'foi', 'quality', 'press', 'governance', 'safeguarding'];

interface StoredAction {
  id: string;
  title: string;
  detail: string;
  required: boolean;
  clause: string;
  requirement: string;
  kind: string;
  route?: string;
  template?: string;
}

interface StoredTriage {
  evidence?: StoredEvidence[];
  urgentBecause?: StoredEvidence[];
  routeReasons?: { route: string; labels?: string[]; signals?: string[] }[];
  actions?: StoredAction[];
  foiDueAt?: string;
  foiValidity?: { missing: string[]; note: string };
  outOfHours?: boolean;
}

interface RenderOptions {
  problems?: FormProblem[];
  values?: Record<string, string | string[]>;
  done?: string;
}

/** Who may open an item: the one rule in ItemsService.view (the API uses it too). */
function loadVisibleItem(desk: Desk, page: OrgPage, id: number) {
  return new ItemsService(desk).view(page.access, id);
}

async function renderItem(
  desk: Desk,
  page: OrgPage,
  reply: FastifyReply,
  id: number,
  options: RenderOptions = {},
) {
  const { item, handoffs } = await loadVisibleItem(desk, page, id);
  const org = page.org;
  const { profile, calendar } = desk.profiles.forOrganisation(org);
  const zone = profile.hours.timeZone;
  const now = desk.clock.now();
  const [consultations, steps, corrections, history, members, escalations] = await Promise.all([
    desk.store.itemWork.consultations(org.id, id),
    desk.store.itemWork.stepsDone(org.id, id),
    desk.store.items.labelCorrections(org.id, id),
    desk.store.audit.history(org.id, 'item', id),
    desk.store.users.members(org.id),
    page.access.can('inbox.read')
      ? desk.store.oncall.escalationsForItem(org.id, id)
      : Promise.resolve([]),
  ]);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const actorName = (a: Actor | null | undefined) =>
    a === 'system' ? 'Commsdesk' : a == null ? '' : (names.get(a) ?? `person ${a}`);
  const triage = (item.triage ?? {}) as StoredTriage;
  const evidence = (triage.evidence ?? []).map((e, i) => {
    const why = explainSignal(profile, e.rule);
    return {
      n: i + 1,
      label: labelTag(e.label),
      labelName: labelName(e.label),
      rule: e.rule,
      quote: e.text ?? item.text.slice(e.start, e.end),
      note: e.note ?? '',
      description: why.description,
      clause: why.clause,
      urgent: e.urgent === true,
    };
  });
  const author = item.authorId ? await desk.store.authors.get(org.id, item.authorId) : null;
  const authorHistory =
    author && page.access.can('inbox.read')
      ? (await desk.store.authors.history(org.id, author.id, { limit: 6 }))
          .filter((x) => x.id !== item.id)
          .slice(0, 5)
          .map((x) => ({
            href: `/orgs/${encodeURIComponent(org.slug)}/items/${x.id}`,
            text: x.text.length > 90 ? `${x.text.slice(0, 87)}…` : x.text,
            when: formatTime(x.receivedAt, zone),
            platform: x.platform,
          }))
      : [];
  const account = item.accountId ? await desk.store.accounts.get(org.id, item.accountId) : null;
  const doneSteps = new Map(steps.map((s) => [s.actionId, s]));
  const problems = options.problems ?? [];
  const errorFor = Object.fromEntries(problems.map((p) => [p.field, { text: p.text }]));
  const values = options.values ?? {};
  const handoffRoutes = HANDOFF_ROUTES.filter(
    (r) => profile.teams[r as keyof typeof profile.teams],
  );
  const suggested = item.routes.find((r) => handoffRoutes.includes(r)) ?? '';
  const chosenRoute = (values.route as string | undefined) ?? suggested;
  const base = `/orgs/${encodeURIComponent(org.slug)}/items/${id}`;
  const currentLabels = new Set(
    (values.labels as string[] | undefined) ?? (values.reason !== undefined ? [] : item.labels),
  );
  const canWork = page.access.can('item.work');
  const myTeams = ItemsService.teamsOf(page.access);
  const checklist = (triage.actions ?? []).map((a) => {
    const done = doneSteps.get(a.id);
    return {
      id: a.id,
      title: a.title,
      detail: a.detail,
      clause: a.clause,
      required: a.required,
      route: a.route ? routeName(a.route) : null,
      done: done ? { by: actorName(done.doneBy), at: formatTime(done.doneAt, zone) } : null,
    };
  });
  const required = checklist.filter((c) => c.required);
  // The governed reply templates the checklist points to (BSW Appendix B), each opening the reply
  // composer with the profile's wording filled in.
  const replyTemplates = [
    ...new Set((triage.actions ?? []).map((a) => a.template).filter((t): t is string => !!t)),
  ]
    .map((tid) => templateFor(tid, profile))
    .filter((t) => t !== undefined)
    .map((t) => ({
      id: t.id,
      purpose: t.purpose,
      clause: t.clause,
      href: `/orgs/${encodeURIComponent(org.slug)}/posts/new?reply_to=${id}&template=${encodeURIComponent(t.id)}`,
    }));
  return reply.view('item.njk', {
    ...page.layout,
    title: `Item ${id}`,
    errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
    errorFor,
    values,
    done: options.done ?? '',
    base,
    inboxHref: `/orgs/${encodeURIComponent(org.slug)}/inbox`,
    item: {
      id,
      platform: item.platform,
      kind: item.kind,
      erased: item.erasedAt !== null,
      erasedAt: formatTime(item.erasedAt, zone),
      urgent: item.urgent,
      status: item.status,
      statusName: statusName(item.status),
      received: formatTime(item.receivedAt, zone),
      due: formatTime(item.dueAt, zone),
      sla: slaOf(item.dueAt, now, calendar),
      labels: item.labels.map(labelTag),
      routes: item.routes.map(routeName),
      assignee: item.assigneeId ? (names.get(item.assigneeId) ?? 'someone') : null,
      account: account ? `${account.handle} (${account.platform})` : null,
      permalink: (item.triage as { permalink?: string } | null)?.permalink ?? null,
      outOfHours: triage.outOfHours === true,
      foiDue: triage.foiDueAt ? formatTime(triage.foiDueAt, zone) : null,
      foiMissing: triage.foiValidity?.missing ?? [],
      foiNote: triage.foiValidity?.note ?? '',
    },
    segments: item.erasedAt ? [] : evidenceSegments(item.text, triage.evidence ?? []),
    evidence,
    urgentBecause: (triage.urgentBecause ?? []).map((e) => ({
      label: labelName(e.label),
      quote: e.text ?? '',
      note: e.note ?? '',
    })),
    routeReasons: (triage.routeReasons ?? []).map((r) => ({
      route: routeName(r.route),
      labels: (r.labels ?? []).map(labelName).join(', '),
    })),
    author: author
      ? {
          name: author.displayName ?? 'Unknown',
          doNotEngage: author.doNotEngage,
          reason: author.doNotEngageReason ?? '',
        }
      : null,
    authorHistory,
    checklist,
    replyTemplates,
    checklistProgress: {
      required: required.length,
      done: required.filter((c) => c.done).length,
      complete: required.length > 0 && required.every((c) => c.done),
    },
    handoffs: handoffs.map((h) => ({
      id: h.id,
      // The receiving team records what happened; the comms team may record it for them.
      canAnswer:
        !item.erasedAt &&
        (page.access.can('item.handoff') ||
          (page.access.can('handoff.respond') && myTeams.includes(h.route))),
      accepted: h.acceptedAt
        ? { by: actorName(h.acceptedBy), at: formatTime(h.acceptedAt, zone) }
        : null,
      reference: h.reference ?? '',
      closed: h.closedAt ? { by: actorName(h.closedBy), at: formatTime(h.closedAt, zone) } : null,
      outcome: h.outcome ?? '',
      route: routeName(h.route),
      team: h.team,
      sentTo: h.sentTo,
      sentAt: formatTime(h.sentAt, zone),
      due: formatTime(h.dueAt, zone),
      by: actorName(h.by),
      note: h.note ?? '',
    })),
    escalations: escalations.map((e) => ({
      id: e.id,
      kind: ESCALATION_KINDS[e.kind] ?? e.kind.replace(/_/g, ' '),
      recipient: e.recipient,
      at: formatTime(e.notifiedAt, zone),
      reason: e.reason,
      acknowledged: e.acknowledgedAt
        ? { by: actorName(e.acknowledgedBy), at: formatTime(e.acknowledgedAt, zone) }
        : null,
    })),
    escalateTo: {
      target: (values['escalate-to'] as string | undefined) ?? 'managers',
      teams: Object.entries(profile.teams)
        .filter(([, t]) => t)
        .map(([k, t]) => ({
          value: k,
          text: t!.name,
          selected: k === values['escalate-team'],
        })),
      partners: profile.partners.map((p) => ({
        value: p.name,
        text: p.name,
        selected: p.name === values['escalate-partner'],
      })),
    },
    consultations: consultations.map((c) => ({
      id: c.id,
      colleague: c.colleague,
      question: c.question ?? '',
      askedAt: formatTime(c.askedAt, zone),
      due: formatTime(c.dueAt, zone),
      answer: c.answer,
      answeredAt: formatTime(c.answeredAt, zone),
    })),
    corrections: corrections.map((c) => ({
      label: labelName(c.label),
      change: c.change,
      by: actorName(c.by),
      at: formatTime(c.at, zone),
      reason: c.reason,
    })),
    history: history.map((h) => ({
      at: formatTime(h.at, zone),
      actor: actorName(h.actor),
      action: h.action.replace(/^items?\./, '').replace(/_/g, ' '),
    })),
    can: {
      work: canWork,
      handoff: page.access.can('item.handoff'),
      erase: page.access.can('item.erase'),
      respond: canWork || page.access.can('handoff.respond'),
      markAuthor: page.access.can('author.mark'),
      reply: page.access.can('post.draft'),
    },
    statusItems: ITEM_STATUSES.map((s) => ({
      value: s,
      text: statusName(s),
      checked: s === ((values.status as string | undefined) ?? item.status),
    })),
    assigneeItems: [
      { value: 'none', text: 'No one', selected: item.assigneeId === null },
      ...members
        .filter((m) => m.roles.some((r) => r.startsWith('comms_') || r === 'oncall_manager'))
        .map((m) => ({
          value: String(m.id),
          text: m.displayName,
          selected: m.id === item.assigneeId,
        })),
    ],
    routeItems: handoffRoutes.map((r) => {
      const team = profile.teams[r as keyof typeof profile.teams]!;
      return {
        value: r,
        text: `${routeName(r)}: ${team.name}`,
        hint: { text: team.email ? `Sent to ${team.email}` : 'Recorded as handed to the team' },
        checked: r === chosenRoute,
      };
    }),
    labelItems: LABELS.map((l) => ({
      value: l,
      text: labelName(l),
      checked: currentLabels.has(l),
    })),
    isMe: item.assigneeId === page.user.id,
    myId: page.user.id,
  });
}

export async function itemPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const items = new ItemsService(desk);
  const escalationService = new EscalationService(desk);
  const authors = new AuthorsService(desk);
  const idOf = (request: FastifyRequest) => {
    const raw = (request.params as { id: string }).id;
    if (!/^\d{1,12}$/.test(raw)) throw notFound('item');
    return Number(raw);
  };
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;

  web.get('/orgs/:org/items/:id', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), undefined, 'inbox');
    const done = one((request.query ?? {}) as Form, 'done');
    return renderItem(desk, page, reply, idOf(request), { done });
  });

  /**
   * One form post: check the fields, call the service, then redirect back (post/redirect/get);
   * a refusal in words (400/409) re-renders the page with the error summary.
   */
  const action = (
    path: string,
    run: (
      page: OrgPage,
      id: number,
      body: Form,
      request: FastifyRequest,
    ) => Promise<{ problems?: FormProblem[]; done?: string; redirect?: string }>,
  ) =>
    web.post(`/orgs/:org/items/:id/${path}`, { schema: { hide: true } }, async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), undefined, 'inbox');
      const id = idOf(request);
      const body = (request.body ?? {}) as Form;
      const values: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(body))
        if (k !== '_csrf' && v !== undefined) values[k] = v;
      let outcome: { problems?: FormProblem[]; done?: string; redirect?: string };
      try {
        await loadVisibleItem(desk, page, id);
        outcome = await run(page, id, body, request);
      } catch (error) {
        if (!(error instanceof DeskError) || ![400, 409].includes(error.status)) throw error;
        const field = error.details[0]?.path.replace(/^\//, '') ?? '';
        outcome = { problems: [{ field: fieldIds[field] ?? `${path}-form`, text: error.message }] };
        reply.status(error.status);
      }
      if (outcome.problems?.length) {
        if (reply.statusCode < 400) reply.status(400);
        return renderItem(desk, page, reply, id, { problems: outcome.problems, values });
      }
      const to =
        outcome.redirect ??
        `/orgs/${encodeURIComponent(page.org.slug)}/items/${id}?done=${outcome.done ?? path}`;
      return reply.redirect(to, 303);
    });
  /** Service error paths → the form field they concern. */
  const fieldIds: Record<string, string> = {
    route: 'route',
    assignee: 'assignee',
    actionId: 'checklist',
    'body/team': 'escalate-team',
    'body/partner': 'escalate-partner',
    'body/reason': 'author-reason',
  };

  action('status', async (page, id, body) => {
    page.access.require('item.work');
    const status = one(body, 'status');
    if (!(ITEM_STATUSES as readonly string[]).includes(status))
      return { problems: [{ field: 'status', text: 'Choose a status' }] };
    const from = one(body, 'from_status');
    await items.setStatus(
      page.org,
      id,
      status as ItemStatus,
      page.access.actor,
      (ITEM_STATUSES as readonly string[]).includes(from) ? (from as ItemStatus) : undefined,
    );
    return { done: 'status' };
  });

  action('assign', async (page, id, body) => {
    page.access.require('item.work');
    const who = one(body, 'assignee');
    const assignee =
      who === 'me' ? page.user.id : who === 'none' || who === '' ? null : Number(who);
    if (assignee !== null && !Number.isInteger(assignee))
      return { problems: [{ field: 'assignee', text: 'Choose who to assign the item to' }] };
    await items.assign(page.org, id, assignee, page.access.actor);
    return { done: 'assign' };
  });

  web.post(
    '/orgs/:org/items/:id/steps/:action',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'item.work');
      const id = idOf(request);
      const actionId = (request.params as { action: string }).action;
      try {
        await items.markStep(page.org, id, actionId, page.access.actor);
      } catch (error) {
        if (!(error instanceof DeskError) || error.status !== 400) throw error;
        reply.status(400);
        return renderItem(desk, page, reply, id, {
          problems: [{ field: 'checklist', text: error.message }],
        });
      }
      return reply.redirect(
        `/orgs/${encodeURIComponent(page.org.slug)}/items/${id}?done=step#step-${actionId}`,
        303,
      );
    },
  );

  action('handoff', async (page, id, body) => {
    page.access.require('item.handoff');
    const route = one(body, 'route');
    if (!route)
      return { problems: [{ field: 'route', text: 'Choose the team to hand the item to' }] };
    const note = one(body, 'note');
    if (note.length > 4000)
      return { problems: [{ field: 'note', text: 'The note must be 4,000 characters or fewer' }] };
    await items.handoff(page.org, id, { route, note: note || null }, page.access.actor);
    return { done: 'handoff' };
  });

  /** The receiving team's answer to a hand-off (INB-8): take it on, then close it. */
  const handoffAnswer = (
    kind: 'accept' | 'close',
    run: (page: OrgPage, id: number, hid: number, body: Form) => Promise<unknown>,
  ) =>
    web.post(
      `/orgs/:org/items/:id/handoffs/:hid/${kind}`,
      { schema: { hide: true } },
      async (request, reply) => {
        const page = await orgPage(desk, request, slugOf(request));
        if (!page.access.can('item.handoff')) page.access.require('handoff.respond');
        const id = idOf(request);
        const raw = (request.params as { hid: string }).hid;
        if (!/^\d{1,12}$/.test(raw)) throw notFound('handoff');
        const hid = Number(raw);
        const body = (request.body ?? {}) as Form;
        try {
          await run(page, id, hid, body);
        } catch (error) {
          if (!(error instanceof DeskError) || ![400, 409].includes(error.status)) throw error;
          reply.status(error.status);
          const values: Record<string, string> = {};
          for (const k of ['reference', 'outcome']) values[`${k}-${hid}`] = one(body, k);
          return renderItem(desk, page, reply, id, {
            problems: [
              {
                field: `${kind === 'accept' ? 'reference' : 'outcome'}-${hid}`,
                text: error.message,
              },
            ],
            values,
          });
        }
        return reply.redirect(
          `/orgs/${encodeURIComponent(page.org.slug)}/items/${id}?done=handoff_${kind}#handoff-${hid}`,
          303,
        );
      },
    );
  handoffAnswer('accept', (page, id, hid, body) => {
    const reference = one(body, 'reference');
    if (reference.length > 200)
      throw new DeskError(
        400,
        'reference_too_long',
        'The reference must be 200 characters or fewer',
      );
    return items.acceptHandoff(page.access, id, hid, { reference });
  });
  handoffAnswer('close', (page, id, hid, body) => {
    const outcome = one(body, 'outcome');
    if (outcome.length > 4000)
      throw new DeskError(400, 'outcome_too_long', 'The outcome must be 4,000 characters or fewer');
    return items.closeHandoff(page.access, id, hid, outcome);
  });

  // Escalate a concern about safety, care or behaviour (INB-12) to the managers, a team or a
  // partner the profile names. The reason stays in the desk; notifications carry only a link.
  action('escalate', async (page, id, body) => {
    page.access.require('item.handoff');
    const to = one(body, 'escalate-to');
    const reason = one(body, 'escalate-reason');
    const team = one(body, 'escalate-team');
    const partner = one(body, 'escalate-partner');
    const problems: FormProblem[] = [];
    if (!['managers', 'team', 'partner'].includes(to))
      problems.push({ field: 'escalate-to', text: 'Choose who to escalate the concern to' });
    if (to === 'team' && !team) problems.push({ field: 'escalate-team', text: 'Choose the team' });
    if (to === 'partner' && !partner)
      problems.push({ field: 'escalate-partner', text: 'Choose the partner organisation' });
    if (!reason) problems.push({ field: 'escalate-reason', text: 'Say why you are escalating' });
    else if (reason.length > 2000)
      problems.push({
        field: 'escalate-reason',
        text: 'The reason must be 2,000 characters or fewer',
      });
    if (problems.length) return { problems };
    await escalationService.raiseConcern(
      page.org,
      id,
      {
        to: to as 'managers' | 'team' | 'partner',
        reason,
        ...(to === 'team' ? { team } : {}),
        ...(to === 'partner' ? { partner } : {}),
      },
      page.access.actor,
    );
    return { done: 'escalate' };
  });

  // Do not engage (BSW Appendix A): mark the author with a reason, or lift the mark. Audited.
  action('author', async (page, id, body) => {
    page.access.require('author.mark');
    const item = await items.get(page.org, id);
    if (!item.authorId) throw new DeskError(409, 'no_author', 'This item has no author to mark.');
    const reason = one(body, 'author-reason');
    if (!reason)
      return { problems: [{ field: 'author-reason', text: 'Say why (kept in the audit log)' }] };
    if (reason.length > 2000)
      return {
        problems: [
          { field: 'author-reason', text: 'The reason must be 2,000 characters or fewer' },
        ],
      };
    await authors.mark(
      page.org,
      item.authorId,
      { doNotEngage: one(body, 'do_not_engage') === 'yes', reason },
      page.access.actor,
    );
    return { done: one(body, 'do_not_engage') === 'yes' ? 'author_marked' : 'author_lifted' };
  });

  action('consult', async (page, id, body) => {
    page.access.require('item.work');
    const colleague = one(body, 'colleague');
    const question = one(body, 'question');
    const problems: FormProblem[] = [];
    if (!colleague) problems.push({ field: 'colleague', text: 'Enter who you are asking' });
    else if (colleague.length > 320)
      problems.push({ field: 'colleague', text: 'The colleague must be 320 characters or fewer' });
    if (question.length > 4000)
      problems.push({ field: 'question', text: 'The question must be 4,000 characters or fewer' });
    if (problems.length) return { problems };
    await items.consult(page.org, id, { colleague, question: question || null }, page.access.actor);
    return { done: 'consult' };
  });

  web.post(
    '/orgs/:org/items/:id/consultations/:cid/answer',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request));
      if (!page.access.can('item.work') && !page.access.can('handoff.respond'))
        page.access.require('item.work');
      const id = idOf(request);
      await loadVisibleItem(desk, page, id);
      const cid = Number((request.params as { cid: string }).cid);
      const answer = one((request.body ?? {}) as Form, 'answer');
      if (!answer || answer.length > 8000) {
        reply.status(400);
        return renderItem(desk, page, reply, id, {
          problems: [
            {
              field: `answer-${cid}`,
              text: answer ? 'The answer must be 8,000 characters or fewer' : 'Enter the answer',
            },
          ],
        });
      }
      try {
        await items.answerConsultation(page.org, id, cid, answer, page.access.actor);
      } catch (error) {
        if (!(error instanceof DeskError) || error.status !== 409) throw error;
        reply.status(409);
        return renderItem(desk, page, reply, id, {
          problems: [{ field: `answer-${cid}`, text: error.message }],
        });
      }
      return reply.redirect(
        `/orgs/${encodeURIComponent(page.org.slug)}/items/${id}?done=answer`,
        303,
      );
    },
  );

  action('labels', async (page, id, body) => {
    page.access.require('item.work');
    if (!page.user) throw new DeskError(400, 'person_required', 'Sign in as a person.');
    const wanted = new Set(
      many(body, 'labels').filter((l) => (LABELS as readonly string[]).includes(l)),
    );
    const reason = one(body, 'reason');
    const item = await items.get(page.org, id);
    const add = [...wanted].filter((l) => !item.labels.includes(l));
    const remove = item.labels.filter((l) => !wanted.has(l));
    const problems: FormProblem[] = [];
    if (add.length === 0 && remove.length === 0)
      problems.push({
        field: 'labels',
        text: 'Change at least one label, or leave them as they are',
      });
    if (reason.length < 3)
      problems.push({
        field: 'reason',
        text: 'Say why the labels are wrong (at least 3 characters)',
      });
    else if (reason.length > 2000)
      problems.push({ field: 'reason', text: 'The reason must be 2,000 characters or fewer' });
    if (problems.length) return { problems };
    await items.correctLabels(page.org, id, { add, remove, reason }, page.user.id);
    return { done: 'labels' };
  });

  action('erase', async (page, id, body) => {
    page.access.require('item.erase');
    if (one(body, 'confirm') !== 'yes')
      return {
        problems: [{ field: 'confirm', text: 'Confirm that the receiving team has what it needs' }],
      };
    await items.erase(page.org, id, page.access.actor);
    return { done: 'erase' };
  });
}
