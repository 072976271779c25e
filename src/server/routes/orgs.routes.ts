/** Organisations, their members and roles, API tokens, and the audit log. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { permissionsOf } from '../../core/access/permissions.js';
import { ROLES, type Role } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import { API_TOKEN_PREFIX, randomToken, sha256 } from '../auth/tokens.js';
import type { Desk } from '../context.js';
import { notFound, unauthenticated } from '../errors.js';
import { SettingsService } from '../services/settings.service.js';
import { OrgParams } from './schemas.js';

const RoleList = Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), {
  minItems: 1,
  maxItems: ROLES.length,
  uniqueItems: true,
});

export async function orgRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const { store, clock } = desk;
  const settings = new SettingsService(desk);

  app.get(
    '/api/orgs',
    { schema: { tags: ['organisations'], summary: 'The organisations I belong to' } },
    async (request) => {
      const p = request.principal;
      if (!p) throw unauthenticated();
      if (p.kind === 'token') {
        const org = await store.organisations.get(p.token.organisationId);
        return {
          organisations: org ? [{ slug: org.slug, name: org.name, roles: p.token.roles }] : [],
        };
      }
      const out = [];
      for (const m of await store.users.memberships(p.user.id)) {
        const org = await store.organisations.get(m.organisationId);
        if (org) out.push({ slug: org.slug, name: org.name, roles: m.roles });
      }
      return { organisations: out };
    },
  );

  app.get(
    '/api/orgs/:org',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation: profile, crisis mode, my roles and permissions',
        params: OrgParams,
      },
    },
    async (request) => {
      const access = await orgAccess(desk, request, (request.params as { org: string }).org);
      const { profile } = desk.profiles.forOrganisation(access.org);
      return {
        organisation: {
          slug: access.org.slug,
          name: access.org.name,
          profile: profile.id,
          crisis_mode: access.org.crisisMode,
          crisis_since: access.org.crisisSince?.toISOString() ?? null,
        },
        roles: access.roles,
        permissions: [...permissionsOf(access.roles)].sort(),
      };
    },
  );

  app.put(
    '/api/orgs/:org/profile',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Change the profile and the organisation’s own overrides (checked before saving)',
        params: OrgParams,
        body: Type.Object(
          {
            profile_id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }),
            override: Type.Union([Type.String({ maxLength: 100_000 }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const body = request.body as { profile_id: string; override: string | null };
      const access = await orgAccess(desk, request, org, 'settings.manage');
      await settings.changeProfile(access, { profileId: body.profile_id, override: body.override });
      return { ok: true, profile: body.profile_id };
    },
  );

  app.get(
    '/api/orgs/:org/members',
    { schema: { tags: ['organisations'], summary: 'Members and their roles', params: OrgParams } },
    async (request) => {
      const access = await orgAccess(
        desk,
        request,
        (request.params as { org: string }).org,
        'members.manage',
      );
      const members = await store.users.members(access.org.id);
      return {
        members: members.map((m) => ({
          id: m.id,
          email: m.email,
          display_name: m.displayName,
          roles: m.roles,
        })),
      };
    },
  );

  app.put(
    '/api/orgs/:org/members/:userId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Give a member their roles (GOV-5)',
        params: Type.Object({ org: Type.String(), userId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ roles: RoleList }, { additionalProperties: false }),
      },
    },
    async (request) => {
      const { org, userId } = request.params as { org: string; userId: number };
      const { roles } = request.body as { roles: Role[] };
      const access = await orgAccess(desk, request, org, 'members.manage');
      const m = await settings.setRoles(access, userId, roles);
      return { member: { id: userId, roles: m.roles } };
    },
  );

  app.delete(
    '/api/orgs/:org/members/:userId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Remove a member (signs them out)',
        params: Type.Object({ org: Type.String(), userId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) => {
      const { org, userId } = request.params as { org: string; userId: number };
      const access = await orgAccess(desk, request, org, 'members.manage');
      await settings.removeMember(access, userId);
      return { ok: true };
    },
  );

  app.post(
    '/api/orgs/:org/tokens',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create an API token (shown once)',
        params: OrgParams,
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }), roles: RoleList },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { org } = request.params as { org: string };
      const { name, roles } = request.body as { name: string; roles: Role[] };
      const access = await orgAccess(desk, request, org, 'settings.manage');
      const secret = API_TOKEN_PREFIX + randomToken();
      const at = clock.now();
      const token = await store.transaction(async (tx) => {
        const t = await tx.sessions.createToken(
          {
            organisationId: access.org.id,
            name,
            tokenHash: sha256(secret),
            roles,
            createdBy: access.user?.id ?? null,
          },
          at,
        );
        await tx.audit.append({
          organisationId: access.org.id,
          actor: access.actor,
          action: 'token.created',
          subjectType: 'api_token',
          subjectId: t.id,
          after: { name, roles },
          at,
        });
        return t;
      });
      return reply.status(201).send({ token: { id: token.id, name, roles, secret } });
    },
  );

  app.delete(
    '/api/orgs/:org/tokens/:tokenId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Revoke an API token',
        params: Type.Object({ org: Type.String(), tokenId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request) => {
      const { org, tokenId } = request.params as { org: string; tokenId: number };
      const access = await orgAccess(desk, request, org, 'settings.manage');
      const at = clock.now();
      const revoked = await store.transaction(async (tx) => {
        const ok = await tx.sessions.revokeToken(access.org.id, tokenId, at);
        if (ok)
          await tx.audit.append({
            organisationId: access.org.id,
            actor: access.actor,
            action: 'token.revoked',
            subjectType: 'api_token',
            subjectId: tokenId,
            at,
          });
        return ok;
      });
      if (!revoked) throw notFound('token');
      return { ok: true };
    },
  );

  app.get(
    '/api/orgs/:org/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the audit log (GOV-1)',
        params: OrgParams,
      },
    },
    async (request) => {
      const access = await orgAccess(
        desk,
        request,
        (request.params as { org: string }).org,
        'audit.read',
      );
      return { verdict: await store.audit.verify(access.org.id) };
    },
  );

  app.get(
    '/api/orgs/:org/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Export the audit log',
        params: OrgParams,
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { from, to } = request.query as { from?: string; to?: string };
      const access = await orgAccess(
        desk,
        request,
        (request.params as { org: string }).org,
        'audit.export',
      );
      const records = await store.audit.export(access.org.id, {
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      });
      return { records: records.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
}
