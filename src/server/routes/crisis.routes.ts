/** Crisis mode (INB-5): its status with the banner, the switch, and the history of periods. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { CrisisPeriod } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { CrisisService, type CrisisStatus } from '../services/crisis.service.js';
import { OrgParams } from './schemas.js';

const SwitchBody = Type.Object(
  { on: Type.Boolean(), reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

function periodView(p: CrisisPeriod) {
  return {
    id: p.id,
    started_at: p.startedAt.toISOString(),
    started_by: p.startedBy,
    reason: p.reason,
    ended_at: p.endedAt?.toISOString() ?? null,
    ended_by: p.endedBy,
    end_reason: p.endReason,
  };
}

function statusView(s: CrisisStatus) {
  return {
    on: s.on,
    since: s.since?.toISOString() ?? null,
    period: s.period ? periodView(s.period) : null,
    banner: s.banner,
    monitoring: {
      extended_hours: s.monitoring.extendedHours,
      urgent_minutes: s.monitoring.urgentMinutes,
      oncall_ack_minutes: s.monitoring.oncallAckMinutes,
    },
    paused_posts: s.pausedPosts,
  };
}

export async function crisisRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const crisis = new CrisisService(desk);
  const tags = ['crisis'];

  app.get(
    '/api/orgs/:org/crisis',
    {
      schema: {
        tags,
        summary: 'Crisis mode: on or off, the banner, monitoring targets',
        params: OrgParams,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org);
      // Everyone in the organisation sees the banner; only some may switch it.
      return statusView(await crisis.status(access.org));
    },
  );

  app.put(
    '/api/orgs/:org/crisis',
    {
      schema: {
        tags,
        summary: 'Switch crisis mode on (pauses every scheduled post) or off, with a reason',
        params: OrgParams,
        body: SwitchBody,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const b = request.body as Static<typeof SwitchBody>;
      const access = await orgAccess(desk, request, org, 'crisis.manage');
      return statusView(await crisis.set(access, { on: b.on, reason: b.reason }));
    },
  );

  app.get(
    '/api/orgs/:org/crisis/history',
    { schema: { tags, summary: 'Past and present crisis periods', params: OrgParams } },
    async (request) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org, 'post.read');
      return { periods: (await crisis.history(access.org)).map(periodView) };
    },
  );
}
