/**
 * The audit log for auditors and managers (GOV-1): recent entries and a check of the hash chain
 * that names every altered, missing or reordered row.
 */
import type { FastifyInstance } from 'fastify';
import type { Desk } from '../../server/context.js';
import type { Actor } from '../../store/index.js';
import { orgPage } from '../render.js';
import { formatTime } from '../view-models.js';

/** How far back the page lists entries (the export covers any range). */
const RECENT_DAYS = 30;
const SHOWN = 100;

export async function auditPages(web: FastifyInstance, desk: Desk): Promise<void> {
  web.get('/orgs/:org/audit', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(
      desk,
      request,
      (request.params as { org: string }).org,
      'audit.read',
      'audit',
    );
    const { profile } = desk.profiles.forOrganisation(page.org);
    const zone = profile.hours.timeZone;
    const verify = (request.query as { verify?: string } | undefined)?.verify === '1';
    const verdict = verify ? await desk.store.audit.verify(page.org.id) : null;
    const now = desk.clock.now();
    const records = await desk.store.audit.export(page.org.id, {
      from: new Date(now.getTime() - RECENT_DAYS * 86_400_000),
    });
    const names = new Map(
      (await desk.store.users.members(page.org.id)).map((m) => [m.id, m.displayName]),
    );
    const actorName = (a: Actor) =>
      a === 'system' ? 'Commsdesk' : (names.get(a) ?? `person ${a}`);
    const recent = records
      .slice(-SHOWN)
      .reverse()
      .map((r) => ({
        seq: r.seq,
        at: formatTime(r.at, zone),
        actor: actorName(r.actor),
        action: r.action,
        subject: r.subjectType ? `${r.subjectType} ${r.subjectId ?? ''}`.trim() : '',
      }));
    return reply.view('audit.njk', {
      ...page.layout,
      title: 'Audit log',
      verdict: verdict
        ? {
            ok: verdict.ok,
            rows: verdict.rows,
            problems: verdict.ok ? [] : verdict.problems.map((p) => p.message),
          }
        : null,
      recent,
      recentDays: RECENT_DAYS,
      canExport: page.access.can('audit.export'),
      exportHref: `/api/orgs/${encodeURIComponent(page.org.slug)}/audit`,
    });
  });
}
