/**
 * The account registry (ACC-1, the basics of ACC-2): the organisation's social media accounts
 * with platform, handle, owner team, managers and verification status.
 *
 * ACC-1: corporate accounts are run only by the communications team. So every account has at
 * least two named managers (nobody is the single key-holder of an account), and each manager is
 * a member of this organisation on the communications team — a role that may post and reply
 * (`post.draft` in the GOV-5 matrix). People change roles after an account is registered, so
 * the registry also reports, at read time, accounts that no longer meet the rule.
 */
import { can } from '../../core/access/permissions.js';
import type { Account, Actor, Organisation, Store, VerificationStatus } from '../../store/index.js';
import type { Desk } from '../context.js';
import { DeskError, conflict, notFound, type ErrorDetail } from '../errors.js';

export const MIN_MANAGERS = 2;

export interface AccountInput {
  platform: string;
  handle: string;
  ownerTeam: string;
  managers: number[];
  verificationStatus?: VerificationStatus;
}

export interface AccountChanges {
  ownerTeam?: string;
  managers?: number[];
  verificationStatus?: VerificationStatus;
}

export interface AccountManager {
  id: number;
  displayName: string | null;
  onCommsTeam: boolean;
}

/** An account as the registry shows it, with whatever keeps it from meeting ACC-1. */
export interface RegistryEntry {
  account: Account;
  managers: AccountManager[];
  /** In words; empty when the account meets ACC-1. */
  problems: string[];
}

/** On the communications team: a role that may post and reply on the organisation's accounts. */
export const onCommsTeam = (roles: readonly string[]) => can(roles, 'post.draft');

export class AccountsService {
  constructor(private readonly desk: Desk) {}

  async list(org: Organisation): Promise<RegistryEntry[]> {
    const accounts = await this.desk.store.accounts.list(org.id);
    const team = await this.#team(this.desk.store, org.id);
    return accounts.map((a) => entry(a, team));
  }

  async get(org: Organisation, accountId: number): Promise<RegistryEntry> {
    const account = await this.desk.store.accounts.get(org.id, accountId);
    if (!account) throw notFound('account');
    return entry(account, await this.#team(this.desk.store, org.id));
  }

  async register(org: Organisation, input: AccountInput, actor: Actor): Promise<RegistryEntry> {
    const at = this.desk.clock.now();
    const handle = input.handle.trim();
    return this.desk.store.transaction(async (tx) => {
      const team = await this.#team(tx, org.id);
      const managers = checkManagers(input.managers, team);
      if (await tx.accounts.byHandle(org.id, input.platform, handle)) {
        throw accountExists(input.platform, handle);
      }
      const account = await tx.accounts
        .create(
          org.id,
          {
            platform: input.platform,
            handle,
            ownerTeam: input.ownerTeam.trim(),
            managers,
            verificationStatus: input.verificationStatus ?? 'unverified',
          },
          at,
        )
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? accountExists(input.platform, handle) : error;
        });
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'account.registered',
        subjectType: 'account',
        subjectId: account.id,
        before: null,
        after: registryRecord(account),
        at,
      });
      return entry(account, team);
    });
  }

  async update(
    org: Organisation,
    accountId: number,
    changes: AccountChanges,
    actor: Actor,
  ): Promise<RegistryEntry> {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const before = await tx.accounts.get(org.id, accountId);
      if (!before) throw notFound('account');
      const team = await this.#team(tx, org.id);
      const managers =
        changes.managers !== undefined ? checkManagers(changes.managers, team) : undefined;
      const after = await tx.accounts.update(org.id, accountId, {
        ...(changes.ownerTeam !== undefined ? { ownerTeam: changes.ownerTeam.trim() } : {}),
        ...(managers !== undefined ? { managers } : {}),
        ...(changes.verificationStatus !== undefined
          ? { verificationStatus: changes.verificationStatus }
          : {}),
      });
      if (!after) throw notFound('account');
      const was = registryRecord(before);
      const now = registryRecord(after);
      const changed = (Object.keys(now) as (keyof typeof now)[]).filter(
        (k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]),
      );
      if (changed.length > 0) {
        await tx.audit.append({
          organisationId: org.id,
          actor,
          action: 'account.updated',
          subjectType: 'account',
          subjectId: accountId,
          before: Object.fromEntries(changed.map((k) => [k, was[k]])),
          after: Object.fromEntries(changed.map((k) => [k, now[k]])),
          at,
        });
      }
      return entry(after, team);
    });
  }

  /** The organisation's members by id, with whether each is on the communications team. */
  async #team(store: Store, organisationId: number): Promise<Map<number, AccountManager>> {
    const members = await store.users.members(organisationId);
    return new Map(
      members.map((m) => [
        m.id,
        { id: m.id, displayName: m.displayName, onCommsTeam: onCommsTeam(m.roles) },
      ]),
    );
  }
}

/** ACC-1 at registration and change: two or more distinct managers, all on the comms team. */
function checkManagers(ids: readonly number[], team: Map<number, AccountManager>): number[] {
  const distinct = [...new Set(ids)];
  if (distinct.length < MIN_MANAGERS) {
    throw new DeskError(
      400,
      'account_managers_too_few',
      `An account needs at least ${MIN_MANAGERS} different managers from the communications team (ACC-1); ${distinct.length === 0 ? 'none was' : distinct.length === 1 ? 'only one was' : `${distinct.length} were`} given.`,
      [{ path: '/body/managers', reason: `needs at least ${MIN_MANAGERS} different user ids` }],
    );
  }
  const details: ErrorDetail[] = [];
  ids.forEach((id, index) => {
    // A user of another organisation is answered like an unknown id: nothing leaks.
    if (!team.get(id)?.onCommsTeam) {
      details.push({
        path: `/body/managers/${index}`,
        reason: `user ${id} is not on this organisation's communications team`,
      });
    }
  });
  if (details.length > 0) {
    throw new DeskError(
      400,
      'account_manager_not_comms',
      `Accounts are run only by the communications team (ACC-1): ${details.map((d) => d.reason).join('; ')}.`,
      details,
    );
  }
  return distinct;
}

function entry(account: Account, team: Map<number, AccountManager>): RegistryEntry {
  const managers = account.managers.map(
    (id) => team.get(id) ?? { id, displayName: null, onCommsTeam: false },
  );
  const problems: string[] = [];
  const active = managers.filter((m) => m.onCommsTeam);
  if (active.length < MIN_MANAGERS) {
    problems.push(
      `Has ${active.length} manager${active.length === 1 ? '' : 's'} on the communications team; ACC-1 needs at least ${MIN_MANAGERS}.`,
    );
  }
  for (const m of managers) {
    if (!m.onCommsTeam) {
      problems.push(
        team.has(m.id)
          ? `Manager ${m.id} is no longer on the communications team.`
          : `Manager ${m.id} is no longer a member of this organisation.`,
      );
    }
  }
  return { account, managers, problems };
}

/** What the audit keeps of an account (connector bookkeeping stays out). */
function registryRecord(a: Account) {
  return {
    platform: a.platform,
    handle: a.handle,
    owner_team: a.ownerTeam,
    managers: a.managers,
    verification_status: a.verificationStatus,
  };
}

const accountExists = (platform: string, handle: string) =>
  conflict(
    'account_exists',
    `The registry already has the ${platform} account "${handle}"; change that entry instead.`,
  );

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || /UNIQUE constraint failed/.test(e.message ?? '');
}
