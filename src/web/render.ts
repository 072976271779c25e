/**
 * What every page shares: who is signed in, which organisation the page is about (with the
 * switcher when the person belongs to several), the CSRF token for forms, the navigation, and the
 * HTML error pages. Access is decided by the server's own `orgAccess` — the same 404/403 answers
 * as the API.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../core/access/permissions.js';
import { orgAccess, type OrgAccess } from '../server/auth/principal.js';
import type { Desk } from '../server/context.js';
import { DeskError } from '../server/errors.js';
import type { Organisation, User } from '../store/index.js';

export interface SignedIn {
  user: User;
  csrf: string;
}

/** The signed-in person, or a DeskError 401 (which the error page turns into the sign-in page). */
export function signedIn(request: FastifyRequest): SignedIn {
  const p = request.principal;
  if (!p || p.kind !== 'user') throw new DeskError(401, 'unauthenticated', 'Sign in first.');
  return { user: p.user, csrf: p.session.csrfToken };
}

/** The organisations a person belongs to, by name. */
export async function organisationsOf(desk: Desk, userId: number): Promise<Organisation[]> {
  const out: Organisation[] = [];
  for (const m of await desk.store.users.memberships(userId)) {
    const org = await desk.store.organisations.get(m.organisationId);
    if (org) out.push(org);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export interface OrgPage extends SignedIn {
  access: OrgAccess;
  org: Organisation;
  /** Layout data for the template. */
  layout: Record<string, unknown>;
}

/** Resolve the organisation of a page for the signed-in person and build the layout data. */
export async function orgPage(
  desk: Desk,
  request: FastifyRequest,
  slug: string,
  permission?: Permission,
  current?:
    | 'inbox'
    | 'search'
    | 'audit'
    | 'posts'
    | 'check'
    | 'advice'
    | 'calendar'
    | 'oncall'
    | 'crisis'
    | 'handoffs'
    | 'settings',
): Promise<OrgPage> {
  const who = signedIn(request);
  const access = await orgAccess(desk, request, slug, permission);
  const orgs = await organisationsOf(desk, who.user.id);
  const base = `/orgs/${encodeURIComponent(access.org.slug)}`;
  const nav = [
    access.can('inbox.read')
      ? { href: `${base}/inbox`, text: 'Inbox', current: current === 'inbox' }
      : null,
    access.can('inbox.read')
      ? { href: `${base}/search`, text: 'Search', current: current === 'search' }
      : null,
    access.can('inbox.read') || access.can('handoff.read')
      ? {
          href: `${base}/handoffs`,
          text: access.can('inbox.read') ? 'Hand-offs' : 'Handed to your team',
          current: current === 'handoffs',
        }
      : null,
    access.can('post.read')
      ? { href: `${base}/posts`, text: 'Posts', current: current === 'posts' }
      : null,
    access.can('post.read')
      ? { href: `${base}/posts/calendar`, text: 'Calendar', current: current === 'calendar' }
      : null,
    access.can('inbox.read')
      ? { href: `${base}/oncall`, text: 'On call', current: current === 'oncall' }
      : null,
    // Every member may read crisis mode's status (as the API's GET …/crisis).
    { href: `${base}/crisis`, text: 'Crisis', current: current === 'crisis' },
    access.can('audit.read')
      ? { href: `${base}/audit`, text: 'Audit log', current: current === 'audit' }
      : null,
    access.can('inbox.read') || access.can('settings.manage') || access.can('members.manage')
      ? { href: `${base}/settings`, text: 'Settings', current: current === 'settings' }
      : null,
    access.can('advice.answer')
      ? { href: `${base}/advice`, text: 'Advice requests', current: current === 'advice' }
      : null,
    access.can('draft.check')
      ? { href: `${base}/check`, text: 'Check a post', current: current === 'check' }
      : null,
  ].filter((x) => x !== null);
  return {
    ...who,
    access,
    org: access.org,
    layout: {
      user: { displayName: who.user.displayName },
      accountItems: accountItems(who.user, orgs.length > 1),
      csrf: who.csrf,
      org: {
        slug: access.org.slug,
        name: access.org.name,
        crisisMode: access.org.crisisMode,
        base,
      },
      switchable: orgs.length > 1,
      nav,
      searchAction: access.can('inbox.read') ? `${base}/search` : null,
    },
  };
}

/** The header's account links: who is signed in, the switcher, sign out. */
export function accountItems(user: User, switchable: boolean) {
  return [
    { text: user.displayName, icon: true },
    switchable ? { href: '/orgs', text: 'Switch organisation' } : null,
    { href: '/sign-out', text: 'Sign out' },
  ].filter((x) => x !== null);
}

/** Only local paths: `next=//evil.example` or `next=https://…` fall back to `/`. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

/** HTML errors for the pages: sign-in for 401, a page in words for the rest, never a stack. */
export async function renderError(
  desk: Desk,
  error: FastifyError | DeskError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  let status = 500;
  let message =
    'Something went wrong on the desk; it was logged. Nothing you sent was stored unless the page said so.';
  let code = 'internal';
  if (error instanceof DeskError) {
    status = error.status;
    message = error.message;
    code = error.code;
  } else if ((error as FastifyError).validation) {
    status = 400;
    code = 'validation_failed';
    message = 'The address or form was not valid. Go back and check what you entered.';
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    code = status === 429 ? 'rate_limited' : 'bad_request';
    message =
      status === 429
        ? 'Too many attempts. Wait a minute and try again.'
        : 'The request was not valid.';
  } else {
    desk.log.error(
      {
        err: { message: error.message, stack: error.stack },
        route: request.routeOptions.url,
        method: request.method,
      },
      'unexpected error on a page',
    );
  }
  if (status === 401) {
    if (request.method === 'GET') {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    return reply.redirect('/sign-in', 303);
  }
  const p = request.principal;
  const title =
    status === 404
      ? 'Page not found'
      : status === 403
        ? 'You cannot do this'
        : status >= 500
          ? 'Sorry, there is a problem with the service'
          : 'There is a problem';
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .view('error.njk', {
      title,
      message,
      code,
      user: p?.kind === 'user' ? { displayName: p.user.displayName } : null,
      accountItems: p?.kind === 'user' ? accountItems(p.user, false) : null,
    });
}
