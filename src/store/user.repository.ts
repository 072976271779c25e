/**
 * Users and their memberships. A user is global (a commissioning support unit's officer may work
 * for several organisations); what they may see is decided per organisation by the membership and
 * its roles (GOV-5). Sign-in lookups are the only methods here without an organisation.
 */
import type { Selectable } from 'kysely';
import { dateOrNull, fromJson, isoOrNull, json, toDate, toIso, toNumber } from './codec.js';
import type { StoreContext } from './codec.js';
import { ROLES, type Membership, type NewUser, type Role, type User } from './model.js';
import type { MembershipsTable, UsersTable } from './schema.js';

export class UserRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(user: NewUser, at: Date): Promise<User> {
    const row = await this.ctx.db
      .insertInto('users')
      .values({
        email: normaliseEmail(user.email),
        display_name: user.displayName,
        password_hash: user.passwordHash ?? null,
        oidc_issuer: user.oidcIssuer ?? null,
        oidc_subject: user.oidcSubject ?? null,
        created_at: toIso(at),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async get(userId: number): Promise<User | null> {
    const row = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async byEmail(email: string): Promise<User | null> {
    const row = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', normaliseEmail(email))
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async byOidcSubject(issuer: string, subject: string): Promise<User | null> {
    const row = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', subject)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async setPasswordHash(userId: number, passwordHash: string | null): Promise<void> {
    await this.ctx.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .execute();
  }

  async linkOidc(userId: number, issuer: string, subject: string): Promise<void> {
    await this.ctx.db
      .updateTable('users')
      .set({ oidc_issuer: issuer, oidc_subject: subject })
      .where('id', '=', userId)
      .execute();
  }

  /**
   * Count a failed sign-in, atomically (two guesses at once both count). The caller decides the
   * lockout policy and passes `lockUntil` when this failure should lock the account.
   */
  async recordFailedLogin(userId: number, lockUntil: Date | null = null): Promise<User | null> {
    const row = await this.ctx.db
      .updateTable('users')
      .set((eb) => ({
        failed_logins: eb('failed_logins', '+', 1),
        ...(lockUntil ? { locked_until: toIso(lockUntil) } : {}),
      }))
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async resetFailedLogins(userId: number): Promise<void> {
    await this.ctx.db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  }

  async lockUntil(userId: number, until: Date | null): Promise<void> {
    await this.ctx.db
      .updateTable('users')
      .set({ locked_until: isoOrNull(until) })
      .where('id', '=', userId)
      .execute();
  }

  /** Add a user to an organisation, or replace their roles there. */
  async setMembership(
    organisationId: number,
    userId: number,
    roles: readonly Role[],
    at: Date,
  ): Promise<Membership> {
    const valid = checkRoles(roles);
    const row = await this.ctx.db
      .insertInto('memberships')
      .values({
        organisation_id: organisationId,
        user_id: userId,
        roles: json(valid),
        created_at: toIso(at),
      })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'user_id']).doUpdateSet({ roles: json(valid) }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMembership(row);
  }

  async membership(organisationId: number, userId: number): Promise<Membership | null> {
    const row = await this.ctx.db
      .selectFrom('memberships')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? toMembership(row) : null;
  }

  async removeMembership(organisationId: number, userId: number): Promise<boolean> {
    const result = await this.ctx.db
      .deleteFrom('memberships')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The organisation's members with their roles, by display name. */
  async members(organisationId: number): Promise<(User & { roles: Role[] })[]> {
    const rows = await this.ctx.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .selectAll('u')
      .select('m.roles')
      .where('m.organisation_id', '=', organisationId)
      .orderBy('u.display_name')
      .orderBy('u.id')
      .execute();
    return rows.map((r) => ({ ...toUser(r), roles: fromJson<Role[]>(r.roles) }));
  }

  /** Organisations the user belongs to (for the organisation switcher after sign-in). */
  async memberships(userId: number): Promise<Membership[]> {
    const rows = await this.ctx.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('organisation_id')
      .execute();
    return rows.map(toMembership);
  }
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function checkRoles(roles: readonly Role[]): Role[] {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw new TypeError(
      `Unexpected role "${unknown[0]}", expected one of ${ROLES.join(', ')} (GOV-5)`,
    );
  }
  return [...new Set(roles)].sort();
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: toNumber(row.id),
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    oidcIssuer: row.oidc_issuer,
    oidcSubject: row.oidc_subject,
    lockedUntil: dateOrNull(row.locked_until),
    failedLogins: toNumber(row.failed_logins),
    createdAt: toDate(row.created_at),
  };
}

function toMembership(row: Selectable<MembershipsTable>): Membership {
  return {
    organisationId: toNumber(row.organisation_id),
    userId: toNumber(row.user_id),
    roles: fromJson<Role[]>(row.roles),
    createdAt: toDate(row.created_at),
  };
}
