/**
 * Sign-in with the organisation's account (OpenID Connect, e.g. Microsoft Entra ID), and adding
 * a person by email so they can sign in that way: signing in never gives anyone access by itself.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ROLES, type Role } from '../../store/index.js';
import { CALLBACK_PATH, START_PATH, oidcFor, safeReturnTo, signInWithOidc } from '../auth/oidc.js';
import { orgAccess } from '../auth/principal.js';
import { startSession } from '../auth/sessions.js';
import type { Desk } from '../context.js';
import { DeskError } from '../errors.js';
import { SettingsService } from '../services/settings.service.js';
import { OrgParams } from './schemas.js';

const notConfigured = () =>
  new DeskError(
    404,
    'oidc_not_configured',
    'Sign-in with your organisation’s account is not set up on this desk; sign in with email and password or ask your administrator.',
  );

const wantsHtml = (request: FastifyRequest) =>
  (request.headers.accept ?? '').split(',').some((t) => t.trim().startsWith('text/html'));

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A browser gets a page in words; an API client gets the usual error body. */
function refuse(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof DeskError) || !wantsHtml(request)) throw error;
  const title =
    error.code === 'oidc_no_account' || error.code === 'oidc_link_conflict'
      ? 'Ask your administrator for access'
      : 'You are not signed in';
  return reply
    .status(error.status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Commsdesk</title></head>` +
        `<body><main id="main-content"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(error.message)}</p>` +
        `<p>Reference: <code>${escapeHtml(error.code)}</code></p>` +
        `<p><a href="${START_PATH}">Try signing in again</a> or <a href="/">go to the sign-in page</a>.</p></main></body></html>`,
    );
}

const RoleList = Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r))), {
  minItems: 1,
  maxItems: ROLES.length,
  uniqueItems: true,
});

export async function oidcRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  // Read the settings now: a wrong setting stops the server at start, with every problem named.
  oidcFor(desk);
  const settings = new SettingsService(desk);

  app.get(
    '/api/auth/oidc',
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Whether sign-in with the organisation’s account is available',
      },
    },
    async () => {
      const oidc = oidcFor(desk);
      return { enabled: oidc !== null, start_url: oidc ? START_PATH : null };
    },
  );

  app.get(
    START_PATH,
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Sign in with the organisation’s account: redirects to the identity provider',
        querystring: Type.Object(
          { return_to: Type.Optional(Type.String({ maxLength: 512 })) },
          { additionalProperties: false },
        ),
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      try {
        const oidc = oidcFor(desk);
        if (!oidc) throw notConfigured();
        const { return_to } = request.query as { return_to?: string };
        const url = await oidc.begin(reply, safeReturnTo(return_to));
        return reply.redirect(url, 302);
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: ['sign-in'],
        summary: 'Where the identity provider sends the browser back; starts a session',
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      try {
        const oidc = oidcFor(desk);
        if (!oidc) throw notConfigured();
        const { identity, returnTo } = await oidc.finish(request, reply);
        const user = await signInWithOidc(desk, identity);
        const { csrfToken } = await startSession(desk, reply, user, `oidc:${identity.issuer}`);
        if (wantsHtml(request)) return reply.redirect(returnTo, 303);
        return {
          user: { id: user.id, email: user.email, displayName: user.displayName },
          csrfToken,
          return_to: returnTo,
        };
      } catch (error) {
        return refuse(request, reply, error);
      }
    },
  );

  app.post(
    '/api/orgs/:org/members',
    {
      schema: {
        tags: ['organisations'],
        summary:
          'Add a person by email with their roles (they sign in with the organisation’s account)',
        params: OrgParams,
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 320 }),
            display_name: Type.String({ minLength: 1, maxLength: 200 }),
            roles: RoleList,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { org } = request.params as { org: string };
      const body = request.body as { email: string; display_name: string; roles: Role[] };
      const access = await orgAccess(desk, request, org, 'members.manage');
      const added = await settings.addMember(access, {
        email: body.email,
        displayName: body.display_name,
        roles: body.roles,
      });
      const member = { id: added.id, roles: added.roles };
      return reply.status(201).send({ member });
    },
  );
}
