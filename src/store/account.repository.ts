/** The organisation's social media accounts (the registry basics of ACC-1). */
import type { Selectable } from 'kysely';
import { fromJson, json, jsonOrNull, toDate, toIso, toNumber } from './codec.js';
import type { StoreContext } from './codec.js';
import type { Account, NewAccount, VerificationStatus } from './model.js';
import type { AccountsTable } from './schema.js';

export class AccountRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(organisationId: number, account: NewAccount, at: Date): Promise<Account> {
    const row = await this.ctx.db
      .insertInto('accounts')
      .values({
        organisation_id: organisationId,
        platform: account.platform,
        handle: account.handle,
        owner_team: account.ownerTeam,
        managers: json(account.managers ?? []),
        verification_status: account.verificationStatus ?? 'unverified',
        connector_state: jsonOrNull(account.connectorState),
        created_at: toIso(at),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAccount(row);
  }

  async get(organisationId: number, accountId: number): Promise<Account | null> {
    const row = await this.ctx.db
      .selectFrom('accounts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', accountId)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async byHandle(
    organisationId: number,
    platform: string,
    handle: string,
  ): Promise<Account | null> {
    const row = await this.ctx.db
      .selectFrom('accounts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('platform', '=', platform)
      .where('handle', '=', handle)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async list(organisationId: number): Promise<Account[]> {
    const rows = await this.ctx.db
      .selectFrom('accounts')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('platform')
      .orderBy('handle')
      .execute();
    return rows.map(toAccount);
  }

  async update(
    organisationId: number,
    accountId: number,
    changes: {
      ownerTeam?: string;
      managers?: number[];
      verificationStatus?: VerificationStatus;
      connectorState?: Record<string, unknown> | null;
    },
  ): Promise<Account | null> {
    if (Object.values(changes).every((v) => v === undefined)) {
      return this.get(organisationId, accountId);
    }
    const row = await this.ctx.db
      .updateTable('accounts')
      .set({
        ...(changes.ownerTeam !== undefined ? { owner_team: changes.ownerTeam } : {}),
        ...(changes.managers !== undefined ? { managers: json(changes.managers) } : {}),
        ...(changes.verificationStatus !== undefined
          ? { verification_status: changes.verificationStatus }
          : {}),
        ...(changes.connectorState !== undefined
          ? { connector_state: jsonOrNull(changes.connectorState) }
          : {}),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', accountId)
      .returningAll()
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }
}

function toAccount(row: Selectable<AccountsTable>): Account {
  return {
    id: toNumber(row.id),
    organisationId: toNumber(row.organisation_id),
    platform: row.platform,
    handle: row.handle,
    ownerTeam: row.owner_team,
    managers: fromJson<number[]>(row.managers),
    verificationStatus: row.verification_status as VerificationStatus,
    connectorState: fromJson<Record<string, unknown> | null>(row.connector_state),
    createdAt: toDate(row.created_at),
  };
}
