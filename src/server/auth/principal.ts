/**
 * Who is calling and what they may do in an organisation. A person signs in (session cookie);
 * a connector or script uses an organisation's API token. Either way, access to an organisation
 * is checked here, once, by every organisation route.
 */
import type { FastifyRequest } from 'fastify';
import { can, type Permission } from '../../core/access/permissions.js';
import type { Actor, Organisation, Role, User } from '../../store/index.js';
import type { ApiToken, Session } from '../../store/index.js';
import type { Desk } from '../context.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';

export type Principal =
  { kind: 'user'; user: User; session: Session } | { kind: 'token'; token: ApiToken };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface OrgAccess {
  org: Organisation;
  roles: Role[];
  actor: Actor;
  /** The signed-in person, when it is a person. */
  user: User | null;
  can(permission: Permission): boolean;
  /** Throws 403 naming the permission when the roles lack it. */
  require(permission: Permission): void;
}

/**
 * Resolve `slug` for the caller. An organisation the caller does not belong to answers exactly
 * like one that does not exist (404), so nobody learns which organisations a deployment hosts.
 */
export async function orgAccess(
  desk: Desk,
  request: FastifyRequest,
  slug: string,
  permission?: Permission,
): Promise<OrgAccess> {
  const principal = request.principal;
  if (!principal) throw unauthenticated();
  const org = await desk.store.organisations.bySlug(slug);
  if (!org) throw notFound('organisation');
  let roles: Role[];
  let actor: Actor;
  let user: User | null = null;
  if (principal.kind === 'token') {
    if (principal.token.organisationId !== org.id) throw notFound('organisation');
    roles = principal.token.roles;
    actor = 'system';
  } else {
    const membership = await desk.store.users.membership(org.id, principal.user.id);
    if (!membership) throw notFound('organisation');
    roles = membership.roles;
    actor = principal.user.id;
    user = principal.user;
  }
  const access: OrgAccess = {
    org,
    roles,
    actor,
    user,
    can: (p) => can(roles, p),
    require: (p) => {
      if (!can(roles, p)) throw forbidden(p);
    },
  };
  if (permission) access.require(permission);
  return access;
}
