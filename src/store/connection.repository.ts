/**
 * Connections between accounts and their platforms. Secrets arrive already sealed by the server
 * and leave sealed; this repository never sees a token in clear.
 */
import { sql, type Selectable } from 'kysely';
import { dateOrNull, isoOrNull, toDate, toIso, toNumber, type StoreContext } from './codec.js';
import type { ConnectionsTable } from './schema.js';

export type HealthState = 'ok' | 'degraded' | 'reconnect_needed';

export interface Connection {
  id: number;
  organisationId: number;
  accountId: number;
  platform: string;
  baseUrl: string;
  credentialsSealed: string;
  webhookSecretSealed: string | null;
  cursor: string | null;
  pollMinutes: number;
  health: { state: HealthState; reason: string | null; checkedAt: Date | null };
  webhookRejections: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewConnection {
  accountId: number;
  platform: string;
  baseUrl: string;
  credentialsSealed: string;
  webhookSecretSealed?: string | null;
  pollMinutes?: number;
}

export class ConnectionRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Connect an account, or replace its connection (a reconnect keeps the cursor). */
  async upsert(organisationId: number, c: NewConnection, at: Date): Promise<Connection> {
    const row = await this.ctx.db
      .insertInto('connections')
      .values({
        organisation_id: organisationId,
        account_id: c.accountId,
        platform: c.platform,
        base_url: c.baseUrl,
        credentials_sealed: c.credentialsSealed,
        webhook_secret_sealed: c.webhookSecretSealed ?? null,
        poll_minutes: c.pollMinutes ?? 5,
        health_state: 'ok',
        created_at: toIso(at),
        updated_at: toIso(at),
      })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'account_id']).doUpdateSet({
          platform: c.platform,
          base_url: c.baseUrl,
          credentials_sealed: c.credentialsSealed,
          webhook_secret_sealed: c.webhookSecretSealed ?? null,
          poll_minutes: c.pollMinutes ?? 5,
          health_state: 'ok',
          health_reason: null,
          updated_at: toIso(at),
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toConnection(row);
  }

  /** By id alone: webhook deliveries name the connection, not the organisation. */
  async byId(connectionId: number): Promise<Connection | null> {
    const row = await this.ctx.db
      .selectFrom('connections')
      .selectAll()
      .where('id', '=', connectionId)
      .executeTakeFirst();
    return row ? toConnection(row) : null;
  }

  async forAccount(organisationId: number, accountId: number): Promise<Connection | null> {
    const row = await this.ctx.db
      .selectFrom('connections')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row ? toConnection(row) : null;
  }

  async list(organisationId: number): Promise<Connection[]> {
    const rows = await this.ctx.db
      .selectFrom('connections')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('id')
      .execute();
    return rows.map(toConnection);
  }

  async setCursor(connectionId: number, cursor: string | null, at: Date): Promise<void> {
    await this.ctx.db
      .updateTable('connections')
      .set({ cursor, updated_at: toIso(at) })
      .where('id', '=', connectionId)
      .execute();
  }

  async setHealth(
    connectionId: number,
    health: { state: HealthState; reason?: string | null },
    at: Date,
  ): Promise<void> {
    await this.ctx.db
      .updateTable('connections')
      .set({
        health_state: health.state,
        health_reason: health.reason ?? null,
        health_checked_at: isoOrNull(at),
        updated_at: toIso(at),
      })
      .where('id', '=', connectionId)
      .execute();
  }

  async countRejection(connectionId: number): Promise<void> {
    await this.ctx.db
      .updateTable('connections')
      .set({ webhook_rejections: sql`webhook_rejections + 1` })
      .where('id', '=', connectionId)
      .execute();
  }
}

function toConnection(row: Selectable<ConnectionsTable>): Connection {
  return {
    id: toNumber(row.id),
    organisationId: toNumber(row.organisation_id),
    accountId: toNumber(row.account_id),
    platform: row.platform,
    baseUrl: row.base_url,
    credentialsSealed: row.credentials_sealed,
    webhookSecretSealed: row.webhook_secret_sealed,
    cursor: row.cursor,
    pollMinutes: row.poll_minutes,
    health: {
      state: row.health_state as HealthState,
      reason: row.health_reason,
      checkedAt: dateOrNull(row.health_checked_at),
    },
    webhookRejections: row.webhook_rejections,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
