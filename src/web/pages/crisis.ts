/**
 * The crisis mode page (INB-5): whether it is on, since when, by whom and why; what it changes
 * (scheduled posts paused, urgent and on-call targets halved, evenings and weekends monitored —
 * figures from `crisisMonitoring` and the profile); the paused posts; past crisis periods; and,
 * for people with `crisis.manage`, the switch with a required reason. Switching on needs a ticked
 * confirmation because it pauses every scheduled post. The switch goes through CrisisService,
 * which checks the permission again and audits the change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Desk } from '../../server/context.js';
import { DeskError } from '../../server/errors.js';
import { CrisisService, crisisMonitoring } from '../../server/services/crisis.service.js';
import type { Actor } from '../../store/index.js';
import { orgPage, type OrgPage } from '../render.js';
import { formatTime } from '../view-models.js';
import { type Form, one, type FormProblem } from '../forms.js';

export async function crisisPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const crisis = new CrisisService(desk);
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;
  const baseOf = (page: OrgPage) => `/orgs/${encodeURIComponent(page.org.slug)}/crisis`;

  const render = async (
    page: OrgPage,
    reply: FastifyReply,
    options: { problems?: FormProblem[]; values?: Record<string, string>; done?: string } = {},
  ) => {
    const status = await crisis.status(page.org);
    const fresh = (await desk.store.organisations.get(page.org.id)) ?? page.org;
    const { profile } = desk.profiles.forOrganisation(fresh);
    const zone = profile.hours.timeZone;
    // The same function ingest, the SLA clock and on-call escalation read, both ways round.
    const usual = crisisMonitoring({ ...fresh, crisisMode: false }, profile);
    const inCrisis = crisisMonitoring({ ...fresh, crisisMode: true }, profile);
    const canReadPosts = page.access.can('post.read');
    const [members, history, scheduled] = await Promise.all([
      desk.store.users.members(page.org.id),
      canReadPosts ? crisis.history(page.org) : Promise.resolve([]),
      status.on
        ? Promise.resolve([])
        : desk.store.posts.list(page.org.id, { status: ['scheduled'], limit: 500 }),
    ]);
    const names = new Map(members.map((m) => [m.id, m.displayName]));
    const actorName = (a: Actor | null) =>
      a === 'system' ? 'Commsdesk' : a === null ? '' : (names.get(a) ?? `person ${a}`);
    const problems = options.problems ?? [];
    const postsBase = `/orgs/${encodeURIComponent(page.org.slug)}/posts`;
    // The page shows the status in the layout too: take it from the fresh row, not the request's.
    const layout = {
      ...page.layout,
      org: { ...(page.layout.org as Record<string, unknown>), crisisMode: status.on },
    };
    return reply.view('crisis.njk', {
      ...layout,
      title: 'Crisis mode',
      errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
      errorFor: Object.fromEntries(problems.map((p) => [p.field, { text: p.text }])),
      values: options.values ?? {},
      done: options.done ?? '',
      action: baseOf(page),
      status: {
        on: status.on,
        since: formatTime(status.since, zone),
        by: status.period ? actorName(status.period.startedBy) : '',
        reason: status.period?.reason ?? '',
        banner: status.banner ?? '',
      },
      effects: {
        usualUrgent: usual.urgentMinutes,
        crisisUrgent: inCrisis.urgentMinutes,
        usualAck: usual.oncallAckMinutes,
        crisisAck: inCrisis.oncallAckMinutes,
        responseMinutes: profile.targets.responseWorkingMinutes,
        clause: profile.targets.clause,
        hoursClause: profile.hours.clause,
      },
      paused: status.pausedPosts.map((id) => ({
        id,
        href: canReadPosts ? `${postsBase}/${id}` : null,
      })),
      scheduledCount: scheduled.length,
      history: history.map((p) => ({
        started: formatTime(p.startedAt, zone),
        startedBy: actorName(p.startedBy),
        reason: p.reason,
        ended: formatTime(p.endedAt, zone),
        endedBy: actorName(p.endedBy),
        endReason: p.endReason ?? '',
      })),
      canReadHistory: canReadPosts,
      canManage: page.access.can('crisis.manage'),
      zone,
    });
  };

  web.get('/orgs/:org/crisis', { schema: { hide: true } }, async (request, reply) => {
    // Every member sees the status (as the API's GET …/crisis); only some may switch it.
    const page = await orgPage(desk, request, slugOf(request), undefined, 'crisis');
    return render(page, reply, { done: one((request.query ?? {}) as Form, 'done') });
  });

  web.post('/orgs/:org/crisis', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'crisis.manage', 'crisis');
    const body = (request.body ?? {}) as Form;
    const values = {
      on: one(body, 'on'),
      reason: one(body, 'reason'),
      confirm: one(body, 'confirm'),
    };
    const problems: FormProblem[] = [];
    if (values.on !== 'on' && values.on !== 'off')
      problems.push({ field: 'reason', text: 'Choose whether to switch crisis mode on or off' });
    if (values.reason.length < 3)
      problems.push({
        field: 'reason',
        text: `Say why you are switching crisis mode ${values.on === 'off' ? 'off' : 'on'} (at least 3 characters)`,
      });
    else if (values.reason.length > 2000)
      problems.push({ field: 'reason', text: 'The reason must be 2,000 characters or fewer' });
    if (values.on === 'on' && values.confirm !== 'yes')
      problems.push({
        field: 'confirm',
        text: 'Confirm that every scheduled post will be paused',
      });
    if (problems.length) return render(page, reply.status(400), { problems, values });
    try {
      await crisis.set(page.access, { on: values.on === 'on', reason: values.reason });
    } catch (error) {
      if (!(error instanceof DeskError) || error.status !== 409) throw error;
      return render(page, reply.status(409), {
        problems: [{ field: 'reason', text: error.message }],
        values,
      });
    }
    return reply.redirect(`${baseOf(page)}?done=${values.on}`, 303);
  });
}
