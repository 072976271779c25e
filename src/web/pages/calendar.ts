/**
 * The content calendar (PUB-5, INB-5): scheduled, paused and published posts of a month or a week,
 * day by day in the organisation's time zone, with the profile's restricted periods on the days
 * they cover (block, or a named approver, with their clause) and each post's campaign. It is a
 * list per day — a seven-column grid on wide screens, one column on narrow ones — so it reads the
 * same to a screen reader and at 320 px. It reads the store and the profile; the rules that stop
 * a post in a restricted period stay in PostsService.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { Desk } from '../../server/context.js';
import type { Post } from '../../store/index.js';
import { orgPage } from '../render.js';
import { statusTag } from './posts.js';

type Query = Record<string, string | string[] | undefined>;
const first = (q: Query, name: string): string => {
  const v = q[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

/** How a restricted period shows on its days: what it does to a post, in words and a colour. */
function periodAction(action: string, approver: string | null | undefined) {
  return action === 'block'
    ? { text: 'Blocked', classes: 'nhsuk-tag--red', effect: 'nothing may be published' }
    : {
        text: 'Named approver',
        classes: 'nhsuk-tag--orange',
        effect: `publishing needs approval from ${approver ?? 'the named approver'}`,
      };
}

export async function calendarPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;

  web.get('/orgs/:org/posts/calendar', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'post.read', 'calendar');
    const { profile } = desk.profiles.forOrganisation(page.org);
    const zone = profile.hours.timeZone;
    const q = (request.query ?? {}) as Query;
    const view = first(q, 'view') === 'week' ? 'week' : 'month';
    const today = DateTime.fromJSDate(desk.clock.now()).setZone(zone).startOf('day');
    const rawDate = first(q, 'date');
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(rawDate) ? DateTime.fromISO(rawDate, { zone }) : null;
    const errors =
      rawDate && !parsed?.isValid
        ? [{ field: 'date', text: 'Enter the date as year-month-day, like 2026-03-02' }]
        : [];
    const date = parsed?.isValid ? parsed.startOf('day') : today;
    const start = view === 'week' ? date.startOf('week') : date.startOf('month');
    const end = view === 'week' ? start.plus({ weeks: 1 }) : start.plus({ months: 1 });
    const step = view === 'week' ? { weeks: 1 } : { months: 1 };
    const base = `/orgs/${encodeURIComponent(page.org.slug)}`;
    const href = (d: DateTime, v: string = view) =>
      `${base}/posts/calendar?view=${v}&date=${d.toISODate()}`;

    const posts = await desk.store.posts.calendar(page.org.id, {
      from: start.toJSDate(),
      to: end.toJSDate(),
    });
    const accounts = new Map((await desk.store.accounts.list(page.org.id)).map((a) => [a.id, a]));
    const whenOf = (p: Post) =>
      DateTime.fromJSDate((p.publishedAt ?? p.scheduledFor)!).setZone(zone);
    const firstIso = start.toISODate()!;
    const lastIso = end.minus({ days: 1 }).toISODate()!;
    const periods = profile.restrictedPeriods.filter(
      (p) => p.start <= lastIso && p.end >= firstIso,
    );

    const days = [];
    for (let d = start; d < end; d = d.plus({ days: 1 })) {
      const iso = d.toISODate()!;
      const dayPosts = posts
        .filter((p) => (p.publishedAt ?? p.scheduledFor) && whenOf(p).toISODate() === iso)
        .map((p) => ({
          id: p.id,
          href: `${base}/posts/${p.id}`,
          kind: p.kind === 'reply' ? 'Reply' : 'Post',
          time: whenOf(p).toFormat('HH:mm'),
          tag: statusTag(p.status),
          status: p.status,
          text: p.text.length > 80 ? `${p.text.slice(0, 77)}…` : p.text,
          account: accounts.get(p.accountId)?.handle ?? '',
          campaign: p.campaign ?? '',
          category: p.category ?? '',
        }));
      const dayPeriods = periods
        .filter((p) => p.start <= iso && iso <= p.end)
        .map((p) => ({
          name: p.name,
          kind: p.kind,
          clause: p.clause,
          ...periodAction(p.action, p.approver),
        }));
      days.push({
        iso,
        weekday: d.weekday,
        label: d.toFormat('ccc d LLL'),
        long: d.toFormat('cccc d LLLL yyyy'),
        today: iso === today.toISODate(),
        posts: dayPosts,
        periods: dayPeriods,
        empty: dayPosts.length === 0 && dayPeriods.length === 0,
      });
    }

    const campaigns = new Map<string, number>();
    for (const p of posts)
      if (p.campaign) campaigns.set(p.campaign, (campaigns.get(p.campaign) ?? 0) + 1);
    const heading =
      view === 'week' ? `Week of ${start.toFormat('d LLLL yyyy')}` : start.toFormat('LLLL yyyy');
    const prev = start.minus(step);
    const next = start.plus(step);
    const paused = posts.filter((p) => p.status === 'paused').length;

    return reply.status(errors.length ? 400 : 200).view('calendar.njk', {
      ...page.layout,
      title: `Calendar: ${heading}`,
      errors: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
      errorFor: Object.fromEntries(errors.map((e) => [e.field, { text: e.text }])),
      heading,
      view,
      zone,
      date: rawDate && errors.length ? rawDate : date.toISODate(),
      days,
      count: posts.length,
      paused,
      campaigns: [...campaigns].map(([name, n]) => ({ name, n })),
      periods: periods.map((p) => ({
        name: p.name,
        kind: p.kind,
        start: DateTime.fromISO(p.start).toFormat('d LLL yyyy'),
        end: DateTime.fromISO(p.end).toFormat('d LLL yyyy'),
        clause: p.clause,
        ...periodAction(p.action, p.approver),
      })),
      previous: {
        href: href(prev),
        labelText:
          view === 'week' ? `Week of ${prev.toFormat('d LLL yyyy')}` : prev.toFormat('LLLL yyyy'),
      },
      next: {
        href: href(next),
        labelText:
          view === 'week' ? `Week of ${next.toFormat('d LLL yyyy')}` : next.toFormat('LLLL yyyy'),
      },
      monthHref: href(date, 'month'),
      weekHref: href(date, 'week'),
      todayHref: href(today),
      action: `${base}/posts/calendar`,
      postsHref: `${base}/posts`,
      canOverride: page.access.can('crisis.manage') && page.access.can('post.publish'),
    });
  });
}
