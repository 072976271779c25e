/**
 * The settings service through the API and directly: section edits of the profile (checked field
 * by field, saved as the organisation's override through the same compile-first path as
 * `PUT /api/orgs/:org/profile`, audited), and the guard that keeps an organisation's last
 * administrator (GOV-5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../src/core/sla/calendar.js';
import { orgAccess } from '../../src/server/auth/principal.js';
import { DeskError } from '../../src/server/errors.js';
import { SettingsService, type HoursInput } from '../../src/server/services/settings.service.js';
import type { FastifyRequest } from 'fastify';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

/** The DeskError a refused call throws (fails the test if it was not refused). */
const refused = (p: Promise<unknown>): Promise<DeskError> =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as DeskError,
  );

describe('settings service', { timeout: 120_000 }, () => {
  let t: TestDesk;
  let settings: SettingsService;

  /** Access as the person holding `role`, as a route would resolve it. */
  const accessAs = async (role: 'administrator' | 'comms_officer') => {
    const user = (await t.desk.store.users.get(t.people[role].id))!;
    const request = {
      principal: { kind: 'user', user, session: { csrfToken: 'x' } },
    } as unknown as FastifyRequest;
    return orgAccess(t.desk, request, t.org.slug);
  };
  const weekOf = (monday: { opens: string; closes: string }): HoursInput['week'] =>
    Object.fromEntries(
      WEEKDAYS.map((d) => [
        d,
        d === 'monday'
          ? { closed: false, ...monday }
          : d === 'saturday' || d === 'sunday'
            ? { closed: true, opens: '', closes: '' }
            : { closed: false, opens: '09:00', closes: '17:00' },
      ]),
    ) as HoursInput['week'];

  beforeAll(async () => {
    t = await startTestDesk();
    settings = new SettingsService(t.desk);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('saves Monday’s hours as an override; the resolved profile changes and it is audited', async () => {
    await settings.setHours(await accessAs('administrator'), {
      week: weekOf({ opens: '08:00', closes: '18:30' }),
      bankHolidays: 'closed',
      closures: ['2026-12-29', ''],
    });
    const org = (await t.desk.store.organisations.get(t.org.id))!;
    const view = settings.profileSettings(org);
    expect(view.profile.hours.week.monday).toEqual([['08:00', '18:30']]);
    expect(view.profile.hours.closures).toEqual(['2026-12-29']);
    // The clause is inherited from the base profile: objects merge key by key.
    expect(view.profile.hours.clause).toBe('INB-2');
    expect(view.overridden.has('hours')).toBe(true);
    expect(view.overridden.has('targets')).toBe(false);
    const last = (await t.desk.store.audit.export(t.org.id)).at(-1)!;
    expect(last.action).toBe('profile.changed');
    expect(last.after).toMatchObject({ section: 'hours', profileId: 'nhs-default' });
  });

  it('refuses closing before opening, naming the field, and saves nothing', async () => {
    const before = (await t.desk.store.organisations.get(t.org.id))!.profileOverride;
    const rows = (await t.desk.store.audit.export(t.org.id)).length;
    const error = await refused(
      settings.setHours(await accessAs('administrator'), {
        week: weekOf({ opens: '17:00', closes: '09:00' }),
        bankHolidays: 'closed',
        closures: ['2026-02-30'],
      }),
    );
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).status).toBe(400);
    expect((error as DeskError).details.map((d) => d.path)).toEqual([
      '/hours/monday/closes',
      '/hours/closures',
    ]);
    expect((await t.desk.store.organisations.get(t.org.id))!.profileOverride).toBe(before);
    expect((await t.desk.store.audit.export(t.org.id)).length).toBe(rows);
  });

  it('targets and rule severities: checked, saved, and the rule keeps its clause', async () => {
    const admin = await accessAs('administrator');
    const bad = await refused(
      settings.setTargets(admin, {
        responseWorkingMinutes: '90',
        urgentMinutes: 'soon',
        foiWorkingDays: '25',
        consultWorkingMinutes: '480',
        oncallAckMinutes: '15',
      }),
    );
    expect(bad.details.map((d) => d.path)).toEqual([
      '/targets/urgentMinutes',
      '/targets/foiWorkingDays',
    ]);
    const access = await accessAs('administrator');
    await settings.setTargets(access, {
      responseWorkingMinutes: '90',
      urgentMinutes: '30',
      foiWorkingDays: '20',
      consultWorkingMinutes: '480',
      oncallAckMinutes: '15',
    });
    const changed = await settings.setRuleSeverities(await accessAs('administrator'), {
      'pii.phone': 'warn',
      'pii.email': 'block',
    });
    expect(changed).toBe(1);
    const org = (await t.desk.store.organisations.get(t.org.id))!;
    const view = settings.profileSettings(org);
    expect(view.profile.targets.responseWorkingMinutes).toBe(90);
    expect(view.profile.hours.week.monday).toEqual([['08:00', '18:30']]);
    expect(view.profile.rules['pii.phone']).toEqual({
      severity: 'warn',
      clause: 'Commsdesk default (PUB-3)',
    });
    expect([...view.overriddenRules]).toEqual(['pii.phone']);
    const unknown = await refused(
      settings.setRuleSeverities(await accessAs('administrator'), { 'pii.fax': 'warn' }),
    );
    expect(unknown.status).toBe(400);
  });

  it('refuses section edits to someone without settings.manage', async () => {
    const error = await refused(
      settings.setTargets(await accessAs('comms_officer'), {
        responseWorkingMinutes: '1',
        urgentMinutes: '1',
        foiWorkingDays: '1',
        consultWorkingMinutes: '1',
        oncallAckMinutes: '1',
      }),
    );
    expect(error.status).toBe(403);
  });

  it('the API still replaces the whole override, checked before saving', async () => {
    const admin = await t.as('administrator');
    const url = `/api/orgs/${t.org.slug}/profile`;
    const bad = await admin.put(url, { profile_id: 'nhs-default', override: 'readingAge: 3\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('profile_invalid');
    const ok = await admin.put(url, { profile_id: 'nhs-default', override: null });
    expect(ok.statusCode).toBe(200);
    expect((await t.desk.store.organisations.get(t.org.id))!.profileOverride).toBeNull();
  });

  it('[GOV-5] never removes the last administrator, by a role change or by removal', async () => {
    const admin = await t.as('administrator');
    const base = `/api/orgs/${t.org.slug}/members`;
    const adminId = t.people.administrator.id;
    // The only administrator cannot drop the role…
    const demote = await admin.put(`${base}/${adminId}`, { roles: ['comms_manager'] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_administrator');
    // …until there is another one; then the second can be removed only while the first stays.
    const second = await admin.post(base, {
      email: 'second.admin@example.nhs.uk',
      display_name: 'Second administrator',
      roles: ['administrator'],
    });
    expect(second.statusCode).toBe(201);
    const secondId = (second.json() as { member: { id: number } }).member.id;
    // With two administrators, one may lose the role, and then be removed.
    expect((await admin.put(`${base}/${secondId}`, { roles: ['comms_manager'] })).statusCode).toBe(
      200,
    );
    expect((await admin.delete(`${base}/${secondId}`)).statusCode).toBe(200);
    const members = await t.desk.store.users.members(t.org.id);
    expect(members.filter((m) => m.roles.includes('administrator')).map((m) => m.id)).toEqual([
      adminId,
    ]);
    const actions = (await t.desk.store.audit.export(t.org.id)).map((r) => r.action);
    expect(actions).toContain('member.removed');
  });

  it('[GOV-5] refuses removing the last administrator when another person tries it', async () => {
    // The API refuses self-removal first, so the guard is reached by another caller: here an
    // access with members.manage that is not the administrator (an API token's shape).
    const { org, people } = await t.otherOrganisation();
    const access = {
      org,
      roles: ['administrator'],
      actor: 'system',
      user: null,
      can: () => true,
      require: () => undefined,
    } as unknown as Awaited<ReturnType<typeof orgAccess>>;
    const error = await refused(settings.removeMember(access, people.administrator.id));
    expect(error.status).toBe(409);
    expect(error.code).toBe('last_administrator');
    expect(await t.desk.store.users.membership(org.id, people.administrator.id)).not.toBeNull();
  });
});
