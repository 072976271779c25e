/**
 * Authors: one person's history across platforms, the do-not-engage marker with its reason, and
 * linking identities. The item detail shows its author through `GET …/authors/{author_id}`.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Author } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest } from '../errors.js';
import { AuthorsService, type AuthorProfile } from '../services/authors.service.js';
import { itemView } from './items.routes.js';
import { OrgItemParams } from './schemas.js';

function identityView(a: Author) {
  return {
    id: a.id,
    platform: a.platform,
    platform_author_id: a.platformAuthorId,
    display_name: a.displayName,
    first_seen_at: a.firstSeenAt.toISOString(),
    do_not_engage: a.doNotEngage,
  };
}

export function authorProfileView(p: AuthorProfile) {
  return {
    author: { ...identityView(p.author), person_id: p.author.personId },
    do_not_engage: p.marked
      ? {
          marked: true,
          reason: p.marked.doNotEngageReason,
          by: p.marked.doNotEngageBy,
          at: p.marked.doNotEngageAt?.toISOString() ?? null,
          on_author_id: p.marked.id,
        }
      : { marked: false },
    identities: p.identities.map(identityView),
    platforms: [...new Set(p.identities.map((a) => a.platform))].sort(),
    history: p.history.map(itemView),
    history_next_before: p.history.at(-1)?.receivedAt.toISOString() ?? null,
  };
}

export async function authorRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const authors = new AuthorsService(desk);

  app.get(
    '/api/orgs/:org/authors/:id',
    {
      schema: {
        tags: ['authors'],
        summary: 'An author: do-not-engage mark, linked identities and history across platforms',
        params: OrgItemParams,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            before: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const { limit, before } = request.query as { limit?: number; before?: string };
      const access = await orgAccess(desk, request, org, 'inbox.read');
      const beforeDate = before ? new Date(before) : undefined;
      if (beforeDate && Number.isNaN(beforeDate.getTime())) {
        throw badRequest('validation_failed', 'before is not a time.', [
          { path: '/querystring/before', reason: 'is not a valid date-time' },
        ]);
      }
      const profile = await authors.profile(access.org, id, {
        limit: limit ?? 50,
        ...(beforeDate ? { before: beforeDate } : {}),
      });
      return authorProfileView(profile);
    },
  );

  app.put(
    '/api/orgs/:org/authors/:id/do-not-engage',
    {
      schema: {
        tags: ['authors'],
        summary: 'Mark the author do-not-engage, or lift the mark, with a reason',
        params: OrgItemParams,
        body: Type.Object(
          {
            do_not_engage: Type.Boolean(),
            reason: Type.String({ minLength: 3, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as { do_not_engage: boolean; reason: string };
      const access = await orgAccess(desk, request, org, 'author.mark');
      const profile = await authors.mark(
        access.org,
        id,
        { doNotEngage: body.do_not_engage, reason: body.reason },
        access.actor,
      );
      return authorProfileView(profile);
    },
  );

  app.post(
    '/api/orgs/:org/authors/:id/links',
    {
      schema: {
        tags: ['authors'],
        summary: 'Link another identity of the same person (history and mark are joined)',
        params: OrgItemParams,
        body: Type.Object(
          { author_id: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const { author_id } = request.body as { author_id: number };
      const access = await orgAccess(desk, request, org, 'author.mark');
      return authorProfileView(await authors.link(access.org, id, author_id, access.actor));
    },
  );
}
