/**
 * Sign-in sessions and API tokens. The caller hashes the secret (sessions.ts in the server); this
 * repository only ever sees and stores hashes.
 */
import type { Selectable } from 'kysely';
import { dateOrNull, fromJson, isoOrNull, json, toDate, toIso, toNumber } from './codec.js';
import type { StoreContext } from './codec.js';
import { ROLES, type Role } from './model.js';
import type { ApiTokensTable, SessionsTable } from './schema.js';

export interface Session {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** How the person signed in: `password` or `oidc:<issuer>`. */
  method: string;
}

export interface ApiToken {
  id: number;
  organisationId: number;
  name: string;
  tokenHash: string;
  roles: Role[];
  createdBy: number | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export class SessionRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(session: Session): Promise<Session> {
    await this.ctx.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: toIso(session.createdAt),
        last_seen_at: toIso(session.lastSeenAt),
        expires_at: toIso(session.expiresAt),
        method: session.method,
      })
      .execute();
    return session;
  }

  async get(idHash: string): Promise<Session | null> {
    const row = await this.ctx.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row ? toSession(row) : null;
  }

  /** Slide the idle timeout; never past the absolute expiry the caller works out. */
  async touch(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: toIso(lastSeenAt), expires_at: toIso(expiresAt) })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.ctx.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Sign a person out everywhere (password change, account locked, membership removed). */
  async deleteForUser(userId: number): Promise<number> {
    const r = await this.ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    return Number(r[0]?.numDeletedRows ?? 0);
  }

  async deleteExpired(now: Date): Promise<number> {
    const r = await this.ctx.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', toIso(now))
      .execute();
    return Number(r[0]?.numDeletedRows ?? 0);
  }

  async createToken(
    token: Omit<ApiToken, 'id' | 'revokedAt' | 'createdAt'>,
    at: Date,
  ): Promise<ApiToken> {
    const row = await this.ctx.db
      .insertInto('api_tokens')
      .values({
        organisation_id: token.organisationId,
        name: token.name,
        token_hash: token.tokenHash,
        roles: json(token.roles),
        created_by: token.createdBy,
        created_at: toIso(at),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toToken(row);
  }

  async tokenByHash(tokenHash: string): Promise<ApiToken | null> {
    const row = await this.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async tokens(organisationId: number): Promise<ApiToken[]> {
    const rows = await this.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('id')
      .execute();
    return rows.map(toToken);
  }

  async revokeToken(organisationId: number, tokenId: number, at: Date): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('api_tokens')
      .set({ revoked_at: isoOrNull(at) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}

function toSession(row: Selectable<SessionsTable>): Session {
  return {
    idHash: row.id_hash,
    userId: toNumber(row.user_id),
    csrfToken: row.csrf_token,
    createdAt: toDate(row.created_at),
    lastSeenAt: toDate(row.last_seen_at),
    expiresAt: toDate(row.expires_at),
    method: row.method,
  };
}

function toToken(row: Selectable<ApiTokensTable>): ApiToken {
  const roles = fromJson(row.roles) as string[];
  return {
    id: toNumber(row.id),
    organisationId: toNumber(row.organisation_id),
    name: row.name,
    tokenHash: row.token_hash,
    roles: roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    createdBy: row.created_by === null ? null : toNumber(row.created_by),
    createdAt: toDate(row.created_at),
    revokedAt: dateOrNull(row.revoked_at),
  };
}
