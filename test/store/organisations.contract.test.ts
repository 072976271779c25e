import { expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/store/model.js';
import { at, describeEachDatabase } from './databases.js';

describeEachDatabase('organisations, users and accounts', (get) => {
  it('creates organisations with unique slugs and switches crisis mode', async () => {
    const { store, organisation } = get();
    const org = await organisation('bsw');
    expect(org).toMatchObject({
      profileId: 'nhs-default',
      profileOverride: null,
      crisisMode: false,
      crisisSince: null,
    });
    expect(await store.organisations.bySlug(org.slug)).toEqual(org);
    await expect(
      store.organisations.create({ slug: org.slug, name: 'Again', profileId: 'bsw' }, at(0)),
    ).rejects.toThrow(/unique/i);

    const on = await store.organisations.setCrisisMode(org.id, true, at(5));
    expect(on).toMatchObject({ crisisMode: true, crisisSince: at(5) });
    // Switching on again keeps the original start.
    expect(await store.organisations.setCrisisMode(org.id, true, at(9))).toMatchObject({
      crisisSince: at(5),
    });
    expect(await store.organisations.setCrisisMode(org.id, false, at(10))).toMatchObject({
      crisisMode: false,
      crisisSince: null,
    });
    expect(
      await store.organisations.setProfile(org.id, 'bsw', 'hours:\n  clause: BSW 1\n'),
    ).toMatchObject({
      profileId: 'bsw',
      profileOverride: 'hours:\n  clause: BSW 1\n',
    });
    expect((await store.organisations.list()).some((o) => o.id === org.id)).toBe(true);
  });

  it('keeps users unique by e-mail (any case) and finds them by OpenID Connect subject', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const user = await store.users.create(
      {
        email: `Alex.Officer+${org.slug}@Example.NHS.uk`,
        displayName: 'Alex Officer',
        oidcIssuer: 'https://login.microsoftonline.com/tenant/v2.0',
        oidcSubject: `sub-${org.slug}`,
      },
      at(0),
    );
    expect(user.email).toBe(`alex.officer+${org.slug}@example.nhs.uk`);
    expect(user).toMatchObject({ passwordHash: null, failedLogins: 0, lockedUntil: null });
    expect(await store.users.byEmail(`ALEX.OFFICER+${org.slug}@example.nhs.uk`)).toEqual(user);
    expect(
      await store.users.byOidcSubject(
        'https://login.microsoftonline.com/tenant/v2.0',
        `sub-${org.slug}`,
      ),
    ).toEqual(user);
    await expect(
      store.users.create({ email: user.email.toUpperCase(), displayName: 'Copy' }, at(0)),
    ).rejects.toThrow(/unique/i);
  });

  it('counts failed sign-ins atomically and locks until a time the caller sets', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const user = await store.users.create(
      { email: `lock-${org.slug}@example.nhs.uk`, displayName: 'Lock' },
      at(0),
    );
    await Promise.all(Array.from({ length: 4 }, () => store.users.recordFailedLogin(user.id)));
    const locked = await store.users.recordFailedLogin(user.id, at(15));
    expect(locked).toMatchObject({ failedLogins: 5, lockedUntil: at(15) });
    await store.users.resetFailedLogins(user.id);
    expect(await store.users.get(user.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    await store.users.setPasswordHash(user.id, '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA');
    expect((await store.users.get(user.id))?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('[GOV-5] stores roles per organisation: one person, different roles in two organisations', async () => {
    const { store, organisation } = get();
    const csu = await organisation('csu');
    const trust = await organisation('trust');
    const user = await store.users.create(
      { email: `roles-${csu.slug}@example.nhs.uk`, displayName: 'Robin' },
      at(0),
    );
    const someoneElse = await store.users.create(
      { email: `else-${csu.slug}@example.nhs.uk`, displayName: 'Ash' },
      at(0),
    );

    await store.users.setMembership(
      csu.id,
      user.id,
      ['comms_manager', 'oncall_manager', 'comms_manager'],
      at(0),
    );
    await store.users.setMembership(trust.id, user.id, ['auditor'], at(0));
    await store.users.setMembership(trust.id, someoneElse.id, ['administrator'], at(0));

    expect((await store.users.membership(csu.id, user.id))?.roles).toEqual([
      'comms_manager',
      'oncall_manager',
    ]);
    expect((await store.users.membership(trust.id, user.id))?.roles).toEqual(['auditor']);
    expect((await store.users.members(csu.id)).map((m) => [m.displayName, m.roles])).toEqual([
      ['Robin', ['comms_manager', 'oncall_manager']],
    ]);
    expect((await store.users.memberships(user.id)).map((m) => m.organisationId)).toEqual([
      csu.id,
      trust.id,
    ]);

    // Every role of GOV-5 can be stored; anything else is refused.
    await store.users.setMembership(csu.id, user.id, [...ROLES], at(1));
    expect((await store.users.membership(csu.id, user.id))?.roles).toHaveLength(12);
    await expect(
      store.users.setMembership(csu.id, user.id, ['superuser' as Role], at(1)),
    ).rejects.toThrow(/Unexpected role "superuser"/);

    expect(await store.users.removeMembership(trust.id, user.id)).toBe(true);
    expect(await store.users.membership(trust.id, user.id)).toBeNull();
  });

  it('registers accounts per organisation, unique by platform and handle', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const other = await organisation('other');
    const account = await store.accounts.create(
      org.id,
      { platform: 'x', handle: '@SheffieldHosp', ownerTeam: 'Communications', managers: [1, 2] },
      at(0),
    );
    expect(account).toMatchObject({
      verificationStatus: 'unverified',
      managers: [1, 2],
      connectorState: null,
    });
    await expect(
      store.accounts.create(
        org.id,
        { platform: 'x', handle: '@SheffieldHosp', ownerTeam: 'Other' },
        at(0),
      ),
    ).rejects.toThrow(/unique/i);
    // Another organisation may register the same handle in its own registry.
    await store.accounts.create(
      other.id,
      { platform: 'x', handle: '@SheffieldHosp', ownerTeam: 'x' },
      at(0),
    );

    const updated = await store.accounts.update(org.id, account.id, {
      verificationStatus: 'verified',
      connectorState: { sinceId: '1790000000000000000' },
    });
    expect(updated).toMatchObject({
      verificationStatus: 'verified',
      connectorState: { sinceId: '1790000000000000000' },
    });
    expect(await store.accounts.update(other.id, account.id, { ownerTeam: 'stolen' })).toBeNull();
    expect(await store.accounts.get(other.id, account.id)).toBeNull();
    expect((await store.accounts.list(org.id)).map((a) => a.id)).toEqual([account.id]);
    expect(await store.accounts.byHandle(org.id, 'x', '@SheffieldHosp')).toMatchObject({
      id: account.id,
    });
  });
});
