/**
 * Posts and replies (PUB-1, PUB-2, PUB-3): the list by status, the composer, and one post's page
 * with its content check — the text with each finding marked, each finding's rule, message and
 * clause — and the submit / approve / reject / schedule forms. Every change goes through
 * PostsService, which runs the check and keeps the rules (a block is never sent, a warning needs
 * an override reason, approvers in the profile's roles and never the author); a refusal in words
 * re-renders the page with an NHS.UK error summary.
 *
 * Media are described items (file name, image or video, alt text, captions, identifiable people,
 * consent with its reference, text-only graphic): the content check runs on them and its media
 * findings are marked on the item they concern. The approval queue lists what this person may
 * approve (PUB-2); while crisis mode is on every page says scheduled posts are paused (INB-5) and
 * a manager who runs crisis mode may schedule an essential post with an override reason.
 */
import { renderTemplate } from '../../core/triage/templates.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { DraftMedia } from '../../core/check/draft.js';
import type { Finding } from '../../core/finding.js';
import type { Desk } from '../../server/context.js';
import { DeskError, notFound } from '../../server/errors.js';
import { PostsService } from '../../server/services/posts.service.js';
import type { Actor, PostStatus } from '../../store/index.js';
import { orgPage, type OrgPage } from '../render.js';
import { evidenceSegments, formatTime } from '../view-models.js';
import { type Form, one, type FormProblem } from '../forms.js';

const all = (f: Form, name: string): string[] => {
  const v = f[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim()).filter(Boolean);
};

/**
 * A media item as the desk records it: the content check's fields (core's DraftMedia) plus the
 * file name and the consent reference people look consent up by. No file is stored.
 */
export interface PostMedia extends DraftMedia {
  name?: string;
  consent_reference?: string;
  url?: string;
}

/** The add-media fields of a form, as typed (for re-rendering after a refusal). */
interface MediaValues {
  name: string;
  type: string;
  alt: string;
  flags: string[];
  consentRef: string;
}

const MAX_MEDIA = 10;

function mediaValuesOf(body: Form): MediaValues {
  return {
    name: one(body, 'media_name'),
    type: one(body, 'media_type'),
    alt: one(body, 'media_alt'),
    flags: all(body, 'media_flags'),
    consentRef: one(body, 'media_consent_ref'),
  };
}

/** The media item a form describes, or null when its media fields are empty; refusals in words. */
function mediaFrom(v: MediaValues): { media: PostMedia | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (!v.name && !v.type && !v.alt && !v.flags.length && !v.consentRef)
    return { media: null, problems };
  if (!v.name)
    problems.push({ field: 'media-name', text: 'Enter the file name of the image or video' });
  else if (v.name.length > 200)
    problems.push({ field: 'media-name', text: 'The file name must be 200 characters or fewer' });
  if (v.type !== 'image' && v.type !== 'video')
    problems.push({ field: 'media-type', text: 'Choose whether it is an image or a video' });
  if (v.alt.length > 2000)
    problems.push({ field: 'media-alt', text: 'The alt text must be 2,000 characters or fewer' });
  const consent = v.flags.includes('consent');
  if (consent && !v.consentRef)
    problems.push({
      field: 'media-consent-ref',
      text: 'Enter the consent reference, such as the consent form number',
    });
  else if (v.consentRef.length > 200)
    problems.push({
      field: 'media-consent-ref',
      text: 'The consent reference must be 200 characters or fewer',
    });
  if (problems.length) return { media: null, problems };
  const media: PostMedia = {
    type: v.type as 'image' | 'video',
    name: v.name,
    alt: v.alt,
    captions: v.type === 'video' && v.flags.includes('captions'),
    identifiable_people: v.flags.includes('people'),
    consent,
    text_only: v.type === 'image' && v.flags.includes('text_only'),
  };
  if (consent) media.consent_reference = v.consentRef;
  return { media, problems };
}

/**
 * Which media item a finding concerns. Media rules report no text span and name the item as
 * "image 2" or "video 1" (its place among the post's media, counting from 1).
 */
function mediaIndexOf(f: Pick<Finding, 'start' | 'end' | 'message'>): number | null {
  if (f.start !== f.end) return null;
  const m = /^Unexpected (?:image|video) (\d{1,2})\b/.exec(f.message);
  return m ? Number(m[1]) : null;
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
  crisis_override_reason: 'crisis-override',
  media: 'media-name',
};
/** Service error codes → the field they concern when the error names no path. */
const CODE_FIELDS: Record<string, string> = {
  check_blocked: 'findings',
  override_reason_required: 'override-reason',
  own_post: 'approve-note',
  approver_role_not_allowed: 'approve-note',
  already_approved: 'approve-note',
  crisis_mode: 'crisis-override',
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
    const queue = page.access.can('post.approve') ? await posts.approvalQueue(page.access) : [];
    return reply.view('posts.njk', {
      ...page.layout,
      title: 'Posts',
      groups,
      newHref: page.access.can('post.draft') ? `${base}/new` : null,
      approvalsHref: `${base}/approvals`,
      forYou: queue.filter((q) => q.mayDecide).length,
      calendarHref: `${base}/calendar`,
      paused: rows.filter((p) => p.status === 'paused').length,
      canOverride: page.access.can('crisis.manage') && page.access.can('post.publish'),
      done: one((request.query ?? {}) as Form, 'done'),
    });
  });

  // ── The approval queue (PUB-2) ──────────────────────────────────────────────────────────────
  web.get('/orgs/:org/posts/approvals', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.read', 'posts');
    const { profile } = desk.profiles.forOrganisation(page.org);
    const zone = profile.hours.timeZone;
    const rule = posts.approvalRule(page.org);
    const [queue, members, accountList] = await Promise.all([
      posts.approvalQueue(page.access),
      desk.store.users.members(page.org.id),
      desk.store.accounts.list(page.org.id),
    ]);
    const names = new Map(members.map((m) => [m.id, m.displayName]));
    const accounts = new Map(accountList.map((a) => [a.id, a]));
    const base = baseOf(page);
    const WHY: Record<string, string> = {
      own_post: 'You wrote it: someone else approves it.',
      already_approved: 'You approved this version; it needs another approver.',
      role_not_allowed: `Only ${rule.roles.join(', ')} approve posts here (${rule.clause}).`,
    };
    const row = (q: (typeof queue)[number]) => {
      const findings = (q.post.checkFindings ?? []) as Finding[];
      return {
        id: q.post.id,
        href: `${base}/${q.post.id}`,
        decideHref: `${base}/${q.post.id}#approval`,
        kind: q.post.kind === 'reply' ? 'Reply' : 'Post',
        text: q.post.text.length > 120 ? `${q.post.text.slice(0, 117)}…` : q.post.text,
        account: accounts.get(q.post.accountId)?.handle ?? '',
        author:
          q.post.createdBy === 'system'
            ? 'Commsdesk'
            : typeof q.post.createdBy === 'number'
              ? (names.get(q.post.createdBy) ?? `person ${q.post.createdBy}`)
              : '',
        since: formatTime(q.post.updatedAt, zone),
        findings: findings.length,
        verdict: q.post.checkVerdict ? VERDICT_TAGS[q.post.checkVerdict] : null,
        approvals: q.approvers.length,
        media: (q.post.media ?? []).length,
        why: q.why ? WHY[q.why] : '',
      };
    };
    return reply.view('posts-approvals.njk', {
      ...page.layout,
      title: 'Approval queue',
      rule: { required: rule.required, roles: rule.roles.join(', '), clause: rule.clause },
      mine: queue.filter((q) => q.mayDecide).map(row),
      others: queue.filter((q) => !q.mayDecide).map(row),
      canApprove: page.access.can('post.approve'),
      listHref: base,
      canOverride: page.access.can('crisis.manage') && page.access.can('post.publish'),
    });
  });

  // ── The composer ────────────────────────────────────────────────────────────────────────────
  const renderNew = async (
    page: OrgPage,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: FormProblem[] = [],
    mediaValues?: MediaValues,
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
      platformAccountItems: await accountItems(page, values.account_id ?? ''),
      mediaValues: mediaValues ?? mediaValuesOf({}),
    });
  };

  web.get('/orgs/:org/posts/new', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.draft', 'posts');
    const q = (request.query ?? {}) as Form;
    const replyTo = one(q, 'reply_to');
    const values: Record<string, string> = /^\d{1,12}$/.test(replyTo) ? { reply_to: replyTo } : {};
    // Start from a governed reply template (the profile's wording, or the built-in): the text is
    // only a starting point — it is checked like any draft when saved.
    const templateId = one(q, 'template');
    const template = /^[a-z0-9_]{1,64}$/.test(templateId)
      ? renderTemplate(templateId, desk.profiles.forOrganisation(page.org).profile)
      : undefined;
    if (template) {
      values.text = template.text;
      values.template = template.id;
      values.template_purpose = template.purpose;
      values.template_clause = template.clause;
      if (template.missing.length) values.template_missing = template.missing.join(', ');
    }
    return renderNew(page, reply, values);
  });

  web.post('/orgs/:org/posts', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.draft', 'posts');
    const body = (request.body ?? {}) as Form;
    const values = {
      account_id: one(body, 'account_id'),
      text: one(body, 'text'),
      reply_to: one(body, 'reply_to'),
      campaign: one(body, 'campaign'),
    };
    const replyTo = /^\d{1,12}$/.test(values.reply_to) ? Number(values.reply_to) : null;
    const problems: FormProblem[] = [];
    if (!replyTo && !/^\d{1,12}$/.test(values.account_id))
      problems.push({ field: 'account', text: 'Choose the account to post from' });
    if (!values.text) problems.push({ field: 'text', text: 'Enter the text of the post' });
    else if (values.text.length > 10_000)
      problems.push({ field: 'text', text: 'The text must be 10,000 characters or fewer' });
    if (values.campaign.length > 64)
      problems.push({ field: 'campaign', text: 'The campaign must be 64 characters or fewer' });
    const mediaValues = mediaValuesOf(body);
    const described = mediaFrom(mediaValues);
    problems.push(...described.problems);
    if (problems.length) return renderNew(page, reply.status(400), values, problems, mediaValues);
    try {
      const post = await posts.create(page.access, {
        kind: replyTo ? 'reply' : 'post',
        accountId: /^\d{1,12}$/.test(values.account_id) ? Number(values.account_id) : null,
        inReplyToItemId: replyTo,
        text: values.text,
        media: described.media ? [described.media] : null,
        campaign: values.campaign || null,
      });
      return reply.redirect(`${baseOf(page)}/${post.id}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof DeskError) || ![400, 404, 409, 422].includes(error.status))
        throw error;
      return renderNew(
        page,
        reply.status(error.status),
        values,
        [problemOf(error, 'text')],
        mediaValues,
      );
    }
  });

  // ── One post ────────────────────────────────────────────────────────────────────────────────
  const renderPost = async (
    page: OrgPage,
    reply: FastifyReply,
    id: number,
    options: {
      problems?: FormProblem[];
      values?: Record<string, string>;
      mediaValues?: MediaValues;
      done?: string;
    } = {},
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
    const media = (post.media ?? []) as PostMedia[];
    // Media findings carry no text span: each is marked on the media item it names.
    const numbered = findings.map((f, i) => ({ f, n: i + 1, media: mediaIndexOf(f) }));
    const SEVERITY_WORDS: Record<string, string> = { block: 'Blocks', warn: 'Warns' };
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
        campaign: post.campaign ?? '',
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
      media: media.map((m, i) => ({
        n: i + 1,
        typeName: m.type === 'video' ? 'Video' : 'Image',
        type: m.type,
        name: m.name ?? '',
        alt: m.alt ?? '',
        captions: m.captions === true,
        people: m.identifiable_people === true,
        consent: m.consent === true,
        consentRef: m.consent_reference ?? '',
        textOnly: m.text_only === true,
        findings: numbered
          .filter((x) => x.media === i + 1)
          .map((x) => ({
            n: x.n,
            rule: x.f.rule,
            severity: x.f.severity,
            words: SEVERITY_WORDS[x.f.severity] ?? x.f.severity,
            message: x.f.message,
          })),
      })),
      mediaValues: options.mediaValues ?? mediaValuesOf({}),
      canOverride: page.access.can('crisis.manage') && page.access.can('post.publish'),
      crisis: {
        on: page.org.crisisMode,
        since: formatTime(page.org.crisisSince, zone),
        canOverride: page.access.can('crisis.manage') && page.access.can('post.publish'),
      },
      findings: numbered.map(({ f, n, media: onMedia }) => ({
        n,
        onMedia:
          onMedia && media[onMedia - 1]
            ? {
                n: onMedia,
                name: media[onMedia - 1]!.name ?? '',
                typeName: media[onMedia - 1]!.type === 'video' ? 'video' : 'image',
              }
            : null,
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
        media: editable && page.access.can('post.draft'),
        addMedia: editable && page.access.can('post.draft') && media.length < MAX_MEDIA,
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
      const mediaValues = mediaValuesOf(body);
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
        return renderPost(page, reply, id, { problems, values, mediaValues });
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
    const override = one(body, 'crisis_override_reason');
    if (override.length > 2000)
      return [{ field: 'crisis-override', text: 'The reason must be 2,000 characters or fewer' }];
    await posts.schedule(page.access, id, { at, crisisOverrideReason: override || null });
  });

  action('media', 'media-name', async (page, id, body) => {
    page.access.require('post.draft');
    const described = mediaFrom(mediaValuesOf(body));
    if (described.problems.length) return described.problems;
    if (!described.media)
      return [{ field: 'media-name', text: 'Enter the file name of the image or video' }];
    const post = await posts.get(page.org, id);
    const media = (post.media ?? []) as PostMedia[];
    if (media.length >= MAX_MEDIA)
      return [{ field: 'media-name', text: `A post can carry at most ${MAX_MEDIA} media items` }];
    await posts.edit(page.access, id, { media: [...media, described.media] });
  });

  action('media-remove', 'media', async (page, id, body) => {
    page.access.require('post.draft');
    const post = await posts.get(page.org, id);
    const media = (post.media ?? []) as PostMedia[];
    const n = Number(one(body, 'n'));
    if (!Number.isInteger(n) || n < 1 || n > media.length)
      return [
        { field: 'media', text: 'That media item is no longer on the post; reload the page' },
      ];
    await posts.edit(page.access, id, { media: media.filter((_, i) => i !== n - 1) });
  });
}
