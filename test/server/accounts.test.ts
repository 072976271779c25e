/**
 * The account registry through the API (ACC-1): at least two managers, all on the communications
 * team; every change audited; accounts that stop meeting the rule are flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

describe.each(['sqlite', 'postgres'] as const)('account registry on %s', (dialect) => {
  let t: TestDesk;
  let url: string;
  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    url = `/api/orgs/${t.org.slug}/accounts`;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const account = (handle: string, managers: number[], extra: Record<string, unknown> = {}) => ({
    platform: 'x',
    handle,
    owner_team: 'Communications',
    managers,
    ...extra,
  });

  it('[ACC-1] [ACC-2] registers an account run by two communications team members, and audits it', async () => {
    const manager = await t.as('comms_manager');
    const { comms_officer, oncall_manager } = t.people;
    const res = await manager.post(
      url,
      account('@TrustNews', [comms_officer.id, oncall_manager.id], {
        verification_status: 'verified',
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json().account;
    expect(body).toMatchObject({
      platform: 'x',
      handle: '@TrustNews',
      owner_team: 'Communications',
      verification_status: 'verified',
      meets_acc1: true,
      problems: [],
    });
    expect(body.managers.map((m: { id: number }) => m.id)).toEqual([
      comms_officer.id,
      oncall_manager.id,
    ]);
    expect(body).not.toHaveProperty('connector_state');
    const audit = await t.desk.store.audit.history(t.org.id, 'account', body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'account.registered',
      actor: t.people.comms_manager.id,
      after: { handle: '@TrustNews', managers: [comms_officer.id, oncall_manager.id] },
    });
    const list = await (await t.as('auditor')).get(url);
    expect(list.statusCode).toBe(200);
    expect(list.json().accounts.map((a: { handle: string }) => a.handle)).toContain('@TrustNews');
  });

  it('[ACC-1] refuses fewer than two different managers, saying so', async () => {
    const manager = await t.as('comms_manager');
    const { comms_officer } = t.people;
    for (const managers of [[], [comms_officer.id], [comms_officer.id, comms_officer.id]]) {
      const res = await manager.post(url, account('@OneKeyHolder', managers));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('account_managers_too_few');
      expect(res.json().error.message).toMatch(/at least 2 different managers/);
      expect(res.json().error.details[0].path).toBe('/body/managers');
    }
    const missing = await manager.post(url, {
      platform: 'x',
      handle: '@NoManagers',
      owner_team: 'Communications',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('/body/managers');
    expect((await t.desk.store.accounts.list(t.org.id)).map((a) => a.handle)).not.toContain(
      '@OneKeyHolder',
    );
  });

  it('[ACC-1] refuses managers from outside the communications team, or another organisation', async () => {
    const manager = await t.as('comms_manager');
    const other = await t.otherOrganisation();
    const res = await manager.post(
      url,
      account('@Outsiders', [
        t.people.comms_officer.id,
        t.people.pals.id,
        other.people.comms_officer.id,
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('account_manager_not_comms');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      '/body/managers/1',
      '/body/managers/2',
    ]);
    // The other organisation's person is described exactly like an unknown id.
    expect(res.json().error.details[1].reason).toBe(
      `user ${other.people.comms_officer.id} is not on this organisation's communications team`,
    );
    expect(res.body).not.toContain(other.org.slug);
    const unknown = await manager.post(
      url,
      account('@Ghost', [t.people.comms_officer.id, 999_999]),
    );
    expect(unknown.json().error.code).toBe('account_manager_not_comms');
  });

  it('[ACC-1] changes managers and verification with the rule kept, auditing before and after', async () => {
    const manager = await t.as('comms_manager');
    const { comms_officer, comms_manager, oncall_manager } = t.people;
    const created = await manager.post(
      url,
      account('@TrustJobs', [comms_officer.id, comms_manager.id]),
    );
    const id = created.json().account.id;
    const tooFew = await manager.patch(`${url}/${id}`, { managers: [comms_officer.id] });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().error.code).toBe('account_managers_too_few');
    const res = await manager.patch(`${url}/${id}`, {
      managers: [comms_officer.id, oncall_manager.id],
      verification_status: 'pending',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.verification_status).toBe('pending');
    const history = await t.desk.store.audit.history(t.org.id, 'account', id);
    expect(history.at(-1)).toMatchObject({
      action: 'account.updated',
      before: { managers: [comms_officer.id, comms_manager.id], verification_status: 'unverified' },
      after: { managers: [comms_officer.id, oncall_manager.id], verification_status: 'pending' },
    });
    const one = await manager.get(`${url}/${id}`);
    expect(one.json().account.handle).toBe('@TrustJobs');
  });

  it('[ACC-1] flags an account whose manager has left the communications team', async () => {
    const manager = await t.as('comms_manager');
    const admin = await t.as('administrator');
    const other = await t.desk.store.users.create(
      { email: `leaver.${dialect}@example.nhs.uk`, displayName: 'Leaver' },
      t.clock.now(),
    );
    await t.desk.store.users.setMembership(t.org.id, other.id, ['comms_officer'], t.clock.now());
    const created = await manager.post(
      url,
      account('@TrustEvents', [t.people.comms_officer.id, other.id]),
    );
    expect(created.json().account.meets_acc1).toBe(true);
    const moved = await admin.put(`/api/orgs/${t.org.slug}/members/${other.id}`, {
      roles: ['staff'],
    });
    expect(moved.statusCode).toBe(200);
    const res = await manager.get(`${url}/${created.json().account.id}`);
    expect(res.json().account.meets_acc1).toBe(false);
    expect(res.json().account.problems).toEqual([
      'Has 1 manager on the communications team; ACC-1 needs at least 2.',
      `Manager ${other.id} is no longer on the communications team.`,
    ]);
  });

  it('refuses a second registration of the same handle on the same platform', async () => {
    const manager = await t.as('comms_manager');
    const managers = [t.people.comms_officer.id, t.people.comms_manager.id];
    expect((await manager.post(url, account('@Dup', managers))).statusCode).toBe(201);
    const again = await manager.post(url, account('@Dup', managers));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('account_exists');
    const elsewhere = await manager.post(url, {
      ...account('@Dup', managers),
      platform: 'facebook',
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('[GOV-5] only account managers change the registry; staff do not see it; others get 404', async () => {
    const managers = [t.people.comms_officer.id, t.people.comms_manager.id];
    const officer = await t.as('comms_officer');
    const refused = await officer.post(url, account('@NotMine', managers));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/account\.manage/);
    expect((await (await t.as('staff')).get(url)).statusCode).toBe(403);
    const other = await t.otherOrganisation();
    const stranger = await t.as(other.people.comms_manager.email);
    const hidden = await stranger.get(url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('@TrustNews');
    const first = (await t.desk.store.accounts.list(t.org.id))[0]!;
    const foreign = await stranger.get(`/api/orgs/${other.org.slug}/accounts/${first.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('account_not_found');
  });
});
