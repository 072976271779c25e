/** Sign in, sign out, who am I. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { permissionsOf } from '../../core/access/permissions.js';
import { endSession, startSession } from '../auth/sessions.js';
import type { Desk } from '../context.js';
import { unauthenticated } from '../errors.js';
import { signInWithPassword } from '../services/sign-in.service.js';

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['sign-in'], summary: 'Sign in with email and password', body: LoginBody },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const user = await signInWithPassword(desk, email, password);
      const { csrfToken } = await startSession(desk, reply, user, 'password');
      return { user: { id: user.id, email: user.email, displayName: user.displayName }, csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['sign-in'], summary: 'Sign out' } },
    async (request, reply) => {
      await endSession(desk, request, reply);
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['sign-in'], summary: 'The signed-in person and their organisations' } },
    async (request) => {
      const p = request.principal;
      if (!p || p.kind !== 'user') throw unauthenticated();
      const memberships = await desk.store.users.memberships(p.user.id);
      const orgs = [];
      for (const m of memberships) {
        const org = await desk.store.organisations.get(m.organisationId);
        if (org) {
          orgs.push({
            slug: org.slug,
            name: org.name,
            roles: m.roles,
            permissions: [...permissionsOf(m.roles)].sort(),
          });
        }
      }
      return {
        user: { id: p.user.id, email: p.user.email, displayName: p.user.displayName },
        csrfToken: p.session.csrfToken,
        organisations: orgs,
      };
    },
  );
}
