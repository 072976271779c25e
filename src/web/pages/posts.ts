/**
 * Posts and replies (PUB-1, PUB-2, PUB-3): the list by status, the composer, and one post's page
 * with its content check — the text with each finding marked, each finding's rule, message and
 * clause — and the submit / approve / reject / schedule forms. Every change goes through
 * PostsService, which runs the check and keeps the rules (a block is never sent, a warning needs
 * an override reason, approvers in the profile's roles and never the author); a refusal in words
 * re-renders the page with an NHS.UK error summary.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { Finding } from '../../core/finding.js';
import type { Desk } from '../../server/context.js';
import { DeskError, notFound } from '../../server/errors.js';
import { PostsService } from '../../server/services/posts.service.js';
import type { Actor, PostStatus } from '../../store/index.js';
import { orgPage, type OrgPage } from '../render.js';
import { evidenceSegments, formatTime } from '../view-models.js';

type Form = Record<string, string | string[] | undefined>;
const one = (f: Form, name: string): string => {
  const v = f[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

interface FormProblem {
  field: string;
  text: string;
}

/** The statuses the list shows, in workflow order, with their NHS.UK tag colours. */
const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'nhsuk-tag--grey' },
  awaiting_approval: { text: 'Awaiting approval', classes: 'nhsuk-tag--yellow' },
  approved: { text: 'Approved', classes: 'nhsuk-tag--green' },
  scheduled: { text: 'Scheduled', classes: 'nhsuk-tag--blue' },
  published: { text: 'Published', classes: 'nhsuk-tag--white' },
  paused: { text: 'Paused', classes: 'nhsuk-tag--orange' },
  failed: { text: 'Failed', classes: 'nhsuk-tag--red' },
  withdrawn: { text: 'Withdrawn', classes: 'nhsuk-tag--grey' },
};
const LISTED: PostStatus[] = [
  'draft',
  'awaiting_approval',
  'approved',
  'scheduled',
  'published',
  'paused',
  'failed',
];

const VERDICT_TAGS: Record<string, { text: string; classes: string }> = {
  pass: { text: 'Check passed', classes: 'nhsuk-tag--green' },
  warn: { text: 'Check warns', classes: 'nhsuk-tag--orange' },
  block: { text: 'Check blocks', classes: 'nhsuk-tag--red' },
};

export const statusTag = (s: string) => STATUS_TAGS[s] ?? { text: s, classes: 'nhsuk-tag--grey' };

/** Service error paths → the form field they concern. */
const FIELD_IDS: Record<string, string> = {
  account_id: 'account',
  in_reply_to: 'account',
  override_reason: 'override-reason',
  reason: 'text',
  at: 'at',
  restricted_period: 'approve-note',
};
/** Service error codes → the field they concern when the error names no path. */
const CODE_FIELDS: Record<string, string> = {
  check_blocked: 'findings',
  override_reason_required: 'override-reason',
  own_post: 'approve-note',
  approver_role_not_allowed: 'approve-note',
  already_approved: 'approve-note',
};

function problemOf(error: DeskError, fallback: string): FormProblem {
  const path = error.details[0]?.path.replace(/^\/(body\/)?/, '') ?? '';
  return { field: FIELD_IDS[path] ?? CODE_FIELDS[error.code] ?? fallback, text: error.message };
}

export async function postPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const posts = new PostsService(desk);
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;
  const idOf = (request: FastifyRequest) => {
    const raw = (request.params as { id: string }).id;
    if (!/^\d{1,12}$/.test(raw)) throw notFound('post');
    return Number(raw);
  };
  const baseOf = (page: OrgPage) => `/orgs/${encodeURIComponent(page.org.slug)}/posts`;

  const accountItems = async (page: OrgPage, chosen: string) => [
    { value: '', text: 'Choose an account' },
    ...(await desk.store.accounts.list(page.org.id)).map((a) => ({
      value: String(a.id),
      text: `${a.handle} (${a.platform})`,
      selected: String(a.id) === chosen,
    })),
  ];

  // ── The list ────────────────────────────────────────────────────────────────────────────────
  web.get('/orgs/:org/posts', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.read', 'posts');
    const zone = desk.profiles.forOrganisation(page.org).profile.hours.timeZone;
    const rows = await desk.store.posts.list(page.org.id, { status: LISTED, limit: 200 });
    const accounts = new Map((await desk.store.accounts.list(page.org.id)).map((a) => [a.id, a]));
    const base = baseOf(page);
    const groups = LISTED.map((status) => ({
      status,
      tag: statusTag(status),
      posts: rows
        .filter((p) => p.status === status)
        .map((p) => ({
          href: `${base}/${p.id}`,
          id: p.id,
          kind: p.kind === 'reply' ? 'Reply' : 'Post',
          text: p.text.length > 120 ? `${p.text.slice(0, 117)}…` : p.text,
          account: accounts.get(p.accountId)?.handle ?? '',
          verdict: p.checkVerdict ? VERDICT_TAGS[p.checkVerdict] : null,
          when: formatTime(p.publishedAt ?? p.scheduledFor ?? p.updatedAt, zone),
        })),
    })).filter((g) => g.posts.length > 0);
    return reply.view('posts.njk', {
      ...page.layout,
      title: 'Posts',
      groups,
      newHref: page.access.can('post.draft') ? `${base}/new` : null,
      done: one((request.query ?? {}) as Form, 'done'),
    });
  });

  // ── The composer ────────────────────────────────────────────────────────────────────────────
  const renderNew = async (
    page: OrgPage,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: FormProblem[] = [],
  ) => {
    const replyTo = values.reply_to ? Number(values.reply_to) : null;
    const item =
      replyTo && Number.isInteger(replyTo)
        ? await desk.store.items.get(page.org.id, replyTo)
        : null;
    return reply.view('post-new.njk', {
      ...page.layout,
      title: item ? 'Reply to an item' : 'New post',
      errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
      errorFor: Object.fromEntries(problems.map((p) => [p.field, { text: p.text }])),
      values,
      action: baseOf(page),
      backHref: item ? `/orgs/${encodeURIComponent(page.org.slug)}/items/${item.id}` : baseOf(page),
      replyTo: item && !item.erasedAt ? { id: item.id, text: item.text } : null,
      accountItems: await accountItems(page, values.account_id ?? ''),
    });
  };

  web.get('/orgs/:org/posts/new', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.draft', 'posts');
    const q = (request.query ?? {}) as Form;
    const replyTo = one(q, 'reply_to');
    return renderNew(page, reply, /^\d{1,12}$/.test(replyTo) ? { reply_to: replyTo } : {});
  });

  web.post('/orgs/:org/posts', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.draft', 'posts');
    const body = (request.body ?? {}) as Form;
    const values = {
      account_id: one(body, 'account_id'),
      text: one(body, 'text'),
      reply_to: one(body, 'reply_to'),
    };
    const replyTo = /^\d{1,12}$/.test(values.reply_to) ? Number(values.reply_to) : null;
    const problems: FormProblem[] = [];
    if (!replyTo && !/^\d{1,12}$/.test(values.account_id))
      problems.push({ field: 'account', text: 'Choose the account to post from' });
    if (!values.text) problems.push({ field: 'text', text: 'Enter the text of the post' });
    else if (values.text.length > 10_000)
      problems.push({ field: 'text', text: 'The text must be 10,000 characters or fewer' });
    if (problems.length) return renderNew(page, reply.status(400), values, problems);
    try {
      const post = await posts.create(page.access, {
        kind: replyTo ? 'reply' : 'post',
        accountId: /^\d{1,12}$/.test(values.account_id) ? Number(values.account_id) : null,
        inReplyToItemId: replyTo,
        text: values.text,
      });
      return reply.redirect(`${baseOf(page)}/${post.id}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof DeskError) || ![400, 404, 409, 422].includes(error.status))
        throw error;
      return renderNew(page, reply.status(error.status), values, [problemOf(error, 'text')]);
    }
  });

  // ── One post ────────────────────────────────────────────────────────────────────────────────
  const renderPost = async (
    page: OrgPage,
    reply: FastifyReply,
    id: number,
    options: { problems?: FormProblem[]; values?: Record<string, string>; done?: string } = {},
  ) => {
    const post = await posts.get(page.org, id);
    const { profile } = desk.profiles.forOrganisation(page.org);
    const zone = profile.hours.timeZone;
    const [account, approvals, members] = await Promise.all([
      desk.store.accounts.get(page.org.id, post.accountId),
      desk.store.posts.approvals(page.org.id, post.id),
      desk.store.users.members(page.org.id),
    ]);
    const names = new Map(members.map((m) => [m.id, m.displayName]));
    const actorName = (a: Actor | null | undefined) =>
      a === 'system' ? 'Commsdesk' : a == null ? '' : (names.get(a) ?? `person ${a}`);
    const findings = (post.checkFindings ?? []) as Finding[];
    const rule = posts.approvalRule(page.org);
    const problems = options.problems ?? [];
    const values = options.values ?? {};
    const base = `${baseOf(page)}/${post.id}`;
    const editable = post.status !== 'published' && post.status !== 'withdrawn';
    return reply.view('post.njk', {
      ...page.layout,
      title: `${post.kind === 'reply' ? 'Reply' : 'Post'} ${post.id}`,
      errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
      errorFor: Object.fromEntries(problems.map((p) => [p.field, { text: p.text }])),
      values,
      done: options.done ?? '',
      base,
      listHref: baseOf(page),
      post: {
        id: post.id,
        kind: post.kind === 'reply' ? 'Reply' : 'Post',
        text: post.text,
        status: post.status,
        statusTag: statusTag(post.status),
        version: post.version,
        verdict: post.checkVerdict,
        verdictTag: post.checkVerdict ? VERDICT_TAGS[post.checkVerdict] : null,
        overrideReason: post.overrideReason ?? '',
        account: account ? `${account.handle} (${account.platform})` : '',
        author: actorName(post.createdBy),
        replyTo: post.inReplyToItemId
          ? {
              id: post.inReplyToItemId,
              href: `/orgs/${encodeURIComponent(page.org.slug)}/items/${post.inReplyToItemId}`,
            }
          : null,
        scheduledFor: formatTime(post.scheduledFor, zone),
        publishedAt: formatTime(post.publishedAt, zone),
        updated: formatTime(post.updatedAt, zone),
      },
      segments: evidenceSegments(
        post.text,
        findings.map((f) => ({ label: f.severity, rule: f.rule, start: f.start, end: f.end })),
      ),
      findings: findings.map((f, i) => ({
        n: i + 1,
        rule: f.rule,
        severity: f.severity,
        severityTag: VERDICT_TAGS[f.severity] ?? null,
        quote: f.actual,
        message: f.message,
        expected: f.expected ?? [],
        note: f.note ?? '',
        clause: f.clause,
      })),
      approval: {
        required: rule.required,
        roles: rule.roles.join(', '),
        clause: rule.clause,
        approvedBy: posts.approversOf(post, approvals).map((u) => actorName(u)),
      },
      decisions: approvals.map((a) => ({
        who: actorName(a.userId),
        decision: a.decision === 'approved' ? 'Approved' : 'Rejected',
        version: a.version,
        note: a.note ?? '',
        at: formatTime(a.at, zone),
      })),
      can: {
        edit: editable && page.access.can('post.draft'),
        submit: post.status === 'draft' && page.access.can('post.draft'),
        approve: post.status === 'awaiting_approval' && page.access.can('post.approve'),
        reject:
          (post.status === 'awaiting_approval' || post.status === 'approved') &&
          page.access.can('post.approve'),
        schedule:
          ['approved', 'scheduled', 'paused', 'failed'].includes(post.status) &&
          page.access.can('post.publish'),
      },
      zone,
    });
  };

  web.get('/orgs/:org/posts/:id', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.read', 'posts');
    const done = one((request.query ?? {}) as Form, 'done');
    return renderPost(page, reply, idOf(request), { done });
  });

  /** One form post on a post: call the service, then redirect back or show the refusal. */
  const action = (
    path: string,
    fallbackField: string,
    run: (page: OrgPage, id: number, body: Form) => Promise<FormProblem[] | void>,
  ) =>
    web.post(`/orgs/:org/posts/:id/${path}`, { schema: { hide: true } }, async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'post.read', 'posts');
      const id = idOf(request);
      const body = (request.body ?? {}) as Form;
      const values: Record<string, string> = {};
      for (const k of Object.keys(body)) if (k !== '_csrf') values[k] = one(body, k);
      let problems: FormProblem[] = [];
      try {
        problems = (await run(page, id, body)) ?? [];
      } catch (error) {
        if (!(error instanceof DeskError) || ![400, 403, 409, 422].includes(error.status))
          throw error;
        problems = [problemOf(error, fallbackField)];
        reply.status(error.status);
      }
      if (problems.length) {
        if (reply.statusCode < 400) reply.status(400);
        return renderPost(page, reply, id, { problems, values });
      }
      return reply.redirect(`${baseOf(page)}/${id}?done=${path}`, 303);
    });

  action('edit', 'text', async (page, id, body) => {
    const text = one(body, 'text');
    if (!text) return [{ field: 'text', text: 'Enter the text of the post' }];
    if (text.length > 10_000)
      return [{ field: 'text', text: 'The text must be 10,000 characters or fewer' }];
    const override = one(body, 'override_reason');
    await posts.edit(page.access, id, { text, overrideReason: override || null });
  });

  action('submit', 'submit-form', async (page, id, body) => {
    page.access.require('post.draft');
    const override = one(body, 'override_reason');
    if (override.length > 2000)
      return [{ field: 'override-reason', text: 'The reason must be 2,000 characters or fewer' }];
    await posts.submit(page.access, id, { overrideReason: override || null });
  });

  action('approve', 'approve-note', async (page, id, body) => {
    page.access.require('post.approve');
    const note = one(body, 'note');
    if (note.length > 2000)
      return [{ field: 'approve-note', text: 'The note must be 2,000 characters or fewer' }];
    await posts.approve(page.access, id, { note: note || null });
  });

  action('reject', 'reject-note', async (page, id, body) => {
    page.access.require('post.approve');
    const note = one(body, 'reject_note');
    if (note.length < 3)
      return [{ field: 'reject-note', text: 'Say what needs to change (at least 3 characters)' }];
    if (note.length > 2000)
      return [{ field: 'reject-note', text: 'The note must be 2,000 characters or fewer' }];
    await posts.reject(page.access, id, note);
  });

  action('schedule', 'at', async (page, id, body) => {
    page.access.require('post.publish');
    const raw = one(body, 'at');
    let at: Date | null = null;
    if (raw) {
      // A `datetime-local` value is the organisation's local time.
      const zone = desk.profiles.forOrganisation(page.org).profile.hours.timeZone;
      const local = DateTime.fromISO(raw, { zone });
      if (!local.isValid)
        return [{ field: 'at', text: 'Enter the time as a date and time, like 2026-03-02 14:30' }];
      at = local.toJSDate();
    }
    await posts.schedule(page.access, id, { at });
  });
}
