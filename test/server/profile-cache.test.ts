import { describe, expect, it } from 'vitest';
import { DeskError } from '../../src/server/errors.js';
import { ProfileCache } from '../../src/server/profiles.js';
import type { Organisation } from '../../src/store/index.js';

const org = (over: Partial<Organisation> = {}): Organisation => ({
  id: 1,
  slug: 'trust',
  name: 'Trust',
  profileId: 'nhs-default',
  profileOverride: null,
  crisisMode: false,
  crisisSince: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

describe('profile per organisation', () => {
  it('compiles once and reuses it until the profile changes', () => {
    const cache = new ProfileCache();
    const a = cache.forOrganisation(org());
    expect(cache.forOrganisation(org())).toBe(a);
    const b = cache.forOrganisation(org({ profileId: 'bsw' }));
    expect(b).not.toBe(a);
    expect(b.profile.id).toBe('bsw');
  });

  it('applies the organisation’s own overrides on top of its profile', () => {
    const cache = new ProfileCache();
    const base = cache.forOrganisation(org()).profile.readingAge;
    const over = cache.forOrganisation(
      org({ profileOverride: `readingAge: ${base === 9 ? 10 : 9}\n` }),
    );
    expect(over.profile.readingAge).toBe(base === 9 ? 10 : 9);
  });

  it('an override that breaks the profile is refused with the problem named', () => {
    const cache = new ProfileCache();
    expect(() => cache.forOrganisation(org({ profileOverride: 'readingAge: "old"\n' }))).toThrow(
      DeskError,
    );
    try {
      cache.forOrganisation(org({ profileOverride: 'readingAge: "old"\n' }));
    } catch (e) {
      expect((e as Error).message).toContain('readingAge');
      expect((e as Error).message).toContain('(organisation override)');
    }
  });
});

describe('changing the profile through the API', async () => {
  const { startTestDesk } = await import('../helpers/desk.js');
  it('an administrator changes the override; a broken one is refused and nothing changes; both audited only when saved', async () => {
    const t = await startTestDesk();
    try {
      const admin = await t.as('administrator');
      const url = `/api/orgs/${t.org.slug}/profile`;
      const bad = await admin.put(url, {
        profile_id: 'nhs-default',
        override: 'readingAge: "old"\n',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('profile_invalid');
      const ok = await admin.put(url, { profile_id: 'bsw', override: null });
      expect(ok.statusCode).toBe(200);
      const officer = await t.as('comms_officer');
      expect((await officer.get(`/api/orgs/${t.org.slug}`)).json().organisation.profile).toBe(
        'bsw',
      );
      expect((await officer.put(url, { profile_id: 'mse', override: null })).statusCode).toBe(403);
      const actions = (await t.desk.store.audit.export(t.org.id)).map((r) => r.action);
      expect(actions.filter((a) => a === 'profile.changed')).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
