/**
 * Sign in and out, the organisation switcher, and where `/` goes: the sign-in page for a visitor,
 * the inbox of a person's only organisation, or the switcher for a person in several.
 */
import type { FastifyInstance } from 'fastify';
import { can } from '../../core/access/permissions.js';
import { oidcFor, START_PATH } from '../../server/auth/oidc.js';
import { endSession, startSession } from '../../server/auth/sessions.js';
import type { Desk } from '../../server/context.js';
import { DeskError } from '../../server/errors.js';
import { signInWithPassword } from '../../server/services/sign-in.service.js';
import { accountItems, orgPage, organisationsOf, safeNext, signedIn } from '../render.js';

type Form = Record<string, string | string[] | undefined>;
const field = (body: Form, name: string): string => {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

export async function authPages(web: FastifyInstance, desk: Desk): Promise<void> {
  /** Where a signed-in person starts: their organisation's inbox, or the switcher. */
  const homeOf = async (userId: number): Promise<string> => {
    const orgs = await organisationsOf(desk, userId);
    return orgs.length === 1 ? `/orgs/${encodeURIComponent(orgs[0]!.slug)}` : '/orgs';
  };

  /** The "sign in with your organisation's account" link, when OpenID Connect is set up. */
  const oidcHref = (next: string) =>
    oidcFor(desk) ? `${START_PATH}?return_to=${encodeURIComponent(next)}` : null;

  web.get('/', { schema: { hide: true } }, async (request, reply) => {
    const p = request.principal;
    if (!p || p.kind !== 'user') return reply.redirect('/sign-in', 303);
    return reply.redirect(await homeOf(p.user.id), 303);
  });

  web.get('/sign-in', { schema: { hide: true } }, async (request, reply) => {
    const next = safeNext((request.query as { next?: string }).next);
    const p = request.principal;
    if (p?.kind === 'user')
      return reply.redirect(next === '/' ? await homeOf(p.user.id) : next, 303);
    return reply.view('sign-in.njk', {
      title: 'Sign in',
      next,
      values: {},
      oidcHref: oidcHref(next),
    });
  });

  web.post(
    '/sign-in',
    {
      schema: { hide: true },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Form;
      const email = field(body, 'email');
      const password = typeof body.password === 'string' ? body.password : '';
      const next = safeNext(field(body, 'next'));
      const errors: { text: string; href: string }[] = [];
      if (!email) errors.push({ text: 'Enter your email address', href: '#email' });
      if (!password) errors.push({ text: 'Enter your password', href: '#password' });
      if (errors.length === 0) {
        try {
          const user = await signInWithPassword(desk, email, password);
          await startSession(desk, reply, user, 'password');
          return reply.redirect(next === '/' ? await homeOf(user.id) : next, 303);
        } catch (error) {
          if (!(error instanceof DeskError) || error.status >= 500) throw error;
          errors.push({ text: error.message, href: '#email' });
          reply.status(error.status);
        }
      } else {
        reply.status(400);
      }
      return reply.view('sign-in.njk', {
        title: 'Sign in',
        next,
        errors,
        values: { email },
        oidcHref: oidcHref(next),
      });
    },
  );

  web.get('/sign-out', { schema: { hide: true } }, async (request, reply) => {
    const p = request.principal;
    if (!p || p.kind !== 'user') return reply.redirect('/sign-in', 303);
    return reply.view('sign-out.njk', {
      title: 'Sign out',
      csrf: p.session.csrfToken,
      user: { displayName: p.user.displayName },
      accountItems: accountItems(p.user, false),
    });
  });

  web.post('/sign-out', { schema: { hide: true } }, async (request, reply) => {
    await endSession(desk, request, reply);
    return reply.redirect('/sign-in?signed_out=1', 303);
  });

  web.get('/orgs', { schema: { hide: true } }, async (request, reply) => {
    const who = signedIn(request);
    const orgs = [];
    for (const org of await organisationsOf(desk, who.user.id)) {
      const m = await desk.store.users.membership(org.id, who.user.id);
      orgs.push({
        slug: org.slug,
        name: org.name,
        href: `/orgs/${encodeURIComponent(org.slug)}`,
        roles: (m?.roles ?? []).map((r) => r.replace(/_/g, ' ')).join(', '),
      });
    }
    return reply.view('orgs.njk', {
      title: 'Choose an organisation',
      orgs,
      user: { displayName: who.user.displayName },
      accountItems: accountItems(who.user, orgs.length > 1),
    });
  });

  web.get('/orgs/:org', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, (request.params as { org: string }).org);
    const base = `/orgs/${encodeURIComponent(page.org.slug)}`;
    if (page.access.can('inbox.read')) return reply.redirect(`${base}/inbox`, 303);
    // A receiving team (PALS, FOI, Quality) starts at its own queue.
    if (page.access.can('handoff.read')) return reply.redirect(`${base}/handoffs`, 303);
    return reply.view('org-home.njk', {
      ...page.layout,
      title: page.org.name,
      roles: page.access.roles.map((r) => r.replace(/_/g, ' ')).join(', '),
      canAudit: can(page.access.roles, 'audit.read'),
    });
  });
}
