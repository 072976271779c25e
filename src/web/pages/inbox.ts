/**
 * The inbox (every open item across accounts and platforms, most urgent and soonest due first,
 * with filters, the SLA countdown and bulk actions) and full-text search. Reads go through the
 * store's read methods; changes through ItemsService.
 */
import type { FastifyInstance } from 'fastify';
import { LABELS, PLATFORMS } from '../../core/triage/labels.js';
import type { Desk } from '../../server/context.js';
import { DeskError } from '../../server/errors.js';
import { ItemsService } from '../../server/services/items.service.js';
import { ITEM_STATUSES, type InboxQuery, type Item, type ItemStatus } from '../../store/index.js';
import { orgPage, type OrgPage } from '../render.js';
import {
  DUE_SOON_MINUTES,
  formatTime,
  labelName,
  labelTag,
  slaOf,
  statusName,
} from '../view-models.js';

type Query = Record<string, string | string[] | undefined>;
const one = (q: Query, name: string): string => {
  const v = q[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};
const many = (q: Query, name: string): string[] => {
  const v = q[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
};

/** The rows of an item table, with everything resolved to words. */
export async function itemRows(desk: Desk, page: OrgPage, items: readonly Item[]) {
  const { profile, calendar } = desk.profiles.forOrganisation(page.org);
  const zone = profile.hours.timeZone;
  const now = desk.clock.now();
  const members = new Map(
    (await desk.store.users.members(page.org.id)).map((m) => [m.id, m.displayName]),
  );
  const accounts = new Map((await desk.store.accounts.list(page.org.id)).map((a) => [a.id, a]));
  const rows = [];
  for (const item of items) {
    const author = item.authorId ? await desk.store.authors.get(page.org.id, item.authorId) : null;
    const account = item.accountId ? accounts.get(item.accountId) : undefined;
    const sla = slaOf(item.dueAt, now, calendar);
    rows.push({
      id: item.id,
      href: `/orgs/${encodeURIComponent(page.org.slug)}/items/${item.id}`,
      platform: item.platform,
      kind: item.kind,
      account: account ? account.handle : null,
      author: author?.displayName ?? null,
      doNotEngage: author?.doNotEngage ?? false,
      excerpt: item.erasedAt
        ? null
        : item.text.length > 160
          ? `${item.text.slice(0, 157)}…`
          : item.text,
      erased: item.erasedAt !== null,
      labels: item.labels.map(labelTag),
      urgent: item.urgent,
      status: statusName(item.status),
      due: formatTime(item.dueAt, zone),
      sla,
      received: formatTime(item.receivedAt, zone),
      assignee: item.assigneeId ? (members.get(item.assigneeId) ?? 'someone') : null,
    });
  }
  return rows;
}

/** Platform names as people write them. */
const PLATFORM_NAMES: Record<string, string> = {
  x: 'X (Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  rss: 'RSS / news',
  other: 'Other (imports, webhooks, internal network)',
};

export async function inboxPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const items = new ItemsService(desk);

  web.get('/orgs/:org/inbox', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(
      desk,
      request,
      (request.params as { org: string }).org,
      'inbox.read',
      'inbox',
    );
    const q = (request.query ?? {}) as Query;
    const now = desk.clock.now();
    const filters = {
      label: one(q, 'label'),
      status: one(q, 'status'),
      urgent: one(q, 'urgent') === '1',
      assignee: one(q, 'assignee'),
      account: one(q, 'account'),
      platform: one(q, 'platform'),
      sla: one(q, 'sla'),
    };
    const query: InboxQuery = { limit: 50 };
    if ((LABELS as readonly string[]).includes(filters.label)) query.labels = [filters.label];
    if ((ITEM_STATUSES as readonly string[]).includes(filters.status))
      query.status = [filters.status as ItemStatus];
    if (filters.urgent) query.urgent = true;
    if (filters.assignee === 'me') query.assignee = page.user.id;
    else if (filters.assignee === 'none') query.assignee = null;
    if (/^\d+$/.test(filters.account)) query.accountId = Number(filters.account);
    if ((PLATFORMS as readonly string[]).includes(filters.platform))
      query.platform = filters.platform;
    if (filters.sla === 'overdue') query.dueBefore = now;
    else if (filters.sla === 'due_soon')
      query.dueBefore = new Date(now.getTime() + DUE_SOON_MINUTES * 60_000);
    const cursor = one(q, 'cursor');
    if (cursor) query.cursor = cursor;
    const result = await desk.store.items.inbox(page.org.id, query);
    const rows = await itemRows(desk, page, result.rows);
    const accounts = await desk.store.accounts.list(page.org.id);
    const base = `/orgs/${encodeURIComponent(page.org.slug)}`;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) {
      if (v === true) params.set(k, '1');
      else if (typeof v === 'string' && v) params.set(k, v);
    }
    const filtered = params.toString() !== '';
    if (result.nextCursor) params.set('cursor', result.nextCursor);
    const opt = (value: string, text: string, current: string) => ({
      value,
      text,
      selected: value === current,
    });
    return reply.view('inbox.njk', {
      ...page.layout,
      title: 'Inbox',
      rows,
      urgentCount: rows.filter((r) => r.urgent).length,
      filters,
      filtered,
      nextHref: result.nextCursor ? `${base}/inbox?${params.toString()}` : null,
      firstPage: !cursor,
      done: one(q, 'done'),
      liveApi: `/api/orgs/${encodeURIComponent(page.org.slug)}/inbox?limit=200`,
      seenIds: rows.map((r) => r.id).join(','),
      canWork: page.access.can('item.work'),
      labelItems: [
        opt('', 'Any label', filters.label),
        ...LABELS.map((l) => opt(l, labelName(l), filters.label)),
      ],
      statusItems: [
        opt('', 'Any open status', filters.status),
        ...ITEM_STATUSES.map((s) => opt(s, statusName(s), filters.status)),
      ],
      assigneeItems: [
        opt('', 'Anyone or no one', filters.assignee),
        opt('me', 'Assigned to me', filters.assignee),
        opt('none', 'Not assigned', filters.assignee),
      ],
      platformAccountItems: [
        opt('', 'Any account', filters.account),
        ...accounts.map((a) => opt(String(a.id), `${a.handle} (${a.platform})`, filters.account)),
      ],
      platformItems: [
        opt('', 'Any platform', filters.platform),
        ...PLATFORMS.map((p) => opt(p, PLATFORM_NAMES[p] ?? p, filters.platform)),
      ],
      slaItems: [
        opt('', 'Any due time', filters.sla),
        opt('overdue', 'Overdue', filters.sla),
        opt('due_soon', 'Due within the hour, or overdue', filters.sla),
      ],
    });
  });

  web.post('/orgs/:org/inbox/bulk', { schema: { hide: true } }, async (request, reply) => {
    const slug = (request.params as { org: string }).org;
    const page = await orgPage(desk, request, slug, 'item.work');
    const body = (request.body ?? {}) as Query;
    const ids = many(body, 'item')
      .filter((s) => /^\d+$/.test(s))
      .map(Number)
      .slice(0, 200);
    const action = one(body, 'action');
    const base = `/orgs/${encodeURIComponent(page.org.slug)}/inbox`;
    if (ids.length === 0) return reply.redirect(`${base}?done=bulk_none`, 303);
    for (const id of ids) {
      if (action === 'assign_me') await items.assign(page.org, id, page.user.id, page.access.actor);
      else if (action === 'close') await items.setStatus(page.org, id, 'closed', page.access.actor);
      else if (action === 'in_progress')
        await items.setStatus(page.org, id, 'in_progress', page.access.actor);
      else throw new DeskError(400, 'bulk_action_unknown', 'Choose what to do with the items.');
    }
    return reply.redirect(`${base}?done=bulk_${action}`, 303);
  });

  web.get('/orgs/:org/search', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(
      desk,
      request,
      (request.params as { org: string }).org,
      'inbox.read',
      'search',
    );
    const q = one((request.query ?? {}) as Query, 'q').slice(0, 200);
    const found = q ? await desk.store.items.search(page.org.id, q, 50) : [];
    return reply.view('search.njk', {
      ...page.layout,
      title: q ? `Search: ${q}` : 'Search',
      q,
      rows: await itemRows(desk, page, found),
    });
  });
}
