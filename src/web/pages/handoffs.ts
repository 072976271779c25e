/**
 * "Handed to your team" (INB-8): the queue of a receiving team — PALS, FOI, Quality and the rest
 * — with what was handed over, when it is due (FOI's statutory 20 working days), and whether the
 * team has taken it on or closed it. The comms team sees every team's queue, to chase them.
 * Reads go through ItemsService.teamQueue, which applies the same visibility rule as the item.
 */
import type { FastifyInstance } from 'fastify';
import type { Desk } from '../../server/context.js';
import { ItemsService } from '../../server/services/items.service.js';
import { orgPage } from '../render.js';
import { formatTime, labelTag, routeName, slaOf } from '../view-models.js';

const EXCERPT = 140;

export async function handoffPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const items = new ItemsService(desk);
  web.get('/orgs/:org/handoffs', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(
      desk,
      request,
      (request.params as { org: string }).org,
      undefined,
      'handoffs',
    );
    if (!page.access.can('inbox.read')) page.access.require('handoff.read');
    const closed = (request.query as { show?: string } | undefined)?.show === 'closed';
    const { profile, calendar } = desk.profiles.forOrganisation(page.org);
    const zone = profile.hours.timeZone;
    const now = desk.clock.now();
    const queue = await items.teamQueue(page.access, { closed, limit: 200 });
    const base = `/orgs/${encodeURIComponent(page.org.slug)}`;
    const teams = page.access.can('inbox.read')
      ? 'every team'
      : ItemsService.teamsOf(page.access).map(routeName).join(', ');
    return reply.view('handoffs.njk', {
      ...page.layout,
      title: closed ? 'Closed hand-offs' : 'Handed to your team',
      closed,
      teams,
      openHref: `${base}/handoffs`,
      closedHref: `${base}/handoffs?show=closed`,
      rows: queue.map(({ handoff: h, item }) => ({
        id: h.id,
        href: `${base}/items/${item.id}#handoff-${h.id}`,
        itemId: item.id,
        team: h.team,
        route: routeName(h.route),
        text: item.erasedAt
          ? 'Erased after hand-off'
          : item.text.length > EXCERPT
            ? `${item.text.slice(0, EXCERPT - 1)}…`
            : item.text,
        labels: item.labels.map(labelTag),
        urgent: item.urgent,
        sent: formatTime(h.sentAt, zone),
        due: formatTime(h.dueAt, zone),
        sla: closed ? null : slaOf(h.dueAt, now, calendar),
        state: h.closedAt
          ? { text: 'Closed', classes: 'nhsuk-tag--green' }
          : h.acceptedAt
            ? { text: 'Taken on', classes: 'nhsuk-tag--blue' }
            : { text: 'Waiting for the team', classes: 'nhsuk-tag--yellow' },
        reference: h.reference ?? '',
        closedAt: formatTime(h.closedAt, zone),
      })),
    });
  });
}
