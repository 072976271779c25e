/**
 * On-call through the API (INB-4): the rota, an urgent item out of hours escalated at once to the
 * person on call by email and webhook, re-escalated to the next person and then to the managers
 * when nobody acknowledges, and stopped by an acknowledgement. Email arrives at a real SMTP
 * server; the Teams webhook is a local HTTP server. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, wireItem, type Client, type TestDesk } from '../helpers/desk.js';
import {
  startSmtp,
  startWebhooks,
  useNotifyServers,
  type FakeSmtp,
  type FakeWebhooks,
} from './notify-fakes.js';

/** Saturday 7 March 2026, 02:00 in London: out of hours. */
const SATURDAY_2AM = new Date('2026-03-07T02:00:00.000Z');
const URGENT =
  'My dad was given the wrong medication on ward 5 last night and now he cannot breathe properly. Nobody is listening.';
const MINUTE = 60_000;

let smtp: FakeSmtp;
let hooks: FakeWebhooks;
beforeAll(async () => {
  smtp = await startSmtp();
  hooks = await startWebhooks();
});
afterAll(async () => {
  await smtp.close();
  await hooks.close();
});

describe.each(['sqlite', 'postgres'] as const)('on-call (%s)', (dialect) => {
  let t: TestDesk;
  let manager: Client;
  let base: string;
  let n = 0;
  // Signed-in clients, signed in again only when the moved clock ended their session.
  const clients = new Map<string, Client>();
  const as = async (who: string): Promise<Client> => {
    let c = clients.get(who);
    if (!c || (await c.get('/api/auth/me')).statusCode === 401) {
      c = await t.as(who as Parameters<TestDesk['as']>[0]);
      clients.set(who, c);
    }
    return c;
  };
  const link = (itemId: number) => `/orgs/${t.org.slug}/items/${itemId}\n`;
  const ingest = async (text: string, extra: Record<string, unknown> = {}) => {
    n += 1;
    const officer = await as('comms_officer');
    const res = await officer.post(`${base}/items`, {
      items: [
        wireItem(`${dialect}-${n}`, text, { received_at: t.clock.now().toISOString(), ...extra }),
      ],
    });
    expect(res.statusCode).toBe(200);
    return res.json().results[0].id as number;
  };
  const escalationsOf = async (itemId: number) =>
    (await (await as('comms_manager')).get(`${base}/items/${itemId}/escalations`)).json()
      .escalations as {
      id: number;
      level: number;
      target: string;
      person_id: number | null;
      acknowledged_at: string | null;
      next_at: string | null;
    }[];
  const mailsFor = (email: string) => smtp.mails.filter((m) => m.to.includes(email.toLowerCase()));

  beforeAll(async () => {
    t = await startTestDesk({ dialect, now: SATURDAY_2AM });
    useNotifyServers(t.desk, smtp, hooks);
    base = `/api/orgs/${t.org.slug}`;
    manager = await as('comms_manager');
    const admin = await t.as('administrator');
    const set = await admin.put(`${base}/notifications/channels/teams`, {
      url: `${hooks.base}/teams-${dialect}`,
    });
    expect(set.statusCode).toBe(200);
    // Friday 17:00 to Monday 09:00: the duty manager first, then the comms officer.
    const shift = await manager.post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-06T17:00:00.000Z',
      ends_at: '2026-03-09T09:00:00.000Z',
      people: [t.people.oncall_manager.id, t.people.comms_officer.id],
    });
    expect(shift.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[INB-4] keeps a rota: who is on call now, in order', async () => {
    const officer = await as('comms_officer');
    const now = await officer.get(`${base}/oncall/now`);
    expect(now.statusCode).toBe(200);
    expect(now.json().shift.people).toEqual([
      t.people.oncall_manager.id,
      t.people.comms_officer.id,
    ]);
    const list = await officer.get(`${base}/oncall/shifts?from=2026-03-01T00:00:00.000Z`);
    expect(list.json().shifts).toHaveLength(1);
  });

  it('[INB-4] only oncall.manage edits the rota, and shifts are checked', async () => {
    const staff = await as('comms_officer');
    const denied = await staff.post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-13T17:00:00.000Z',
      ends_at: '2026-03-16T09:00:00.000Z',
      people: [t.people.comms_officer.id],
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toContain('oncall.manage');
    const backwards = await manager.post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-16T09:00:00.000Z',
      ends_at: '2026-03-13T17:00:00.000Z',
      people: [t.people.comms_officer.id],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('shift_invalid');
    const other = await t.otherOrganisation();
    const stranger = await manager.post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-13T17:00:00.000Z',
      ends_at: '2026-03-16T09:00:00.000Z',
      people: [other.people.comms_officer.id],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error).toMatchObject({ code: 'person_not_member' });
    expect(stranger.json().error.details[0].path).toBe('/body/people/0');
    // Change and remove, both audited.
    const created = await manager.post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-13T17:00:00.000Z',
      ends_at: '2026-03-16T09:00:00.000Z',
      people: [t.people.comms_officer.id],
    });
    const id = created.json().shift.id as number;
    const changed = await manager.put(`${base}/oncall/shifts/${id}`, {
      starts_at: '2026-03-13T18:00:00.000Z',
      ends_at: '2026-03-16T09:00:00.000Z',
      people: [t.people.oncall_manager.id],
    });
    expect(changed.json().shift.people).toEqual([t.people.oncall_manager.id]);
    expect((await manager.delete(`${base}/oncall/shifts/${id}`)).statusCode).toBe(204);
    expect((await manager.delete(`${base}/oncall/shifts/${id}`)).statusCode).toBe(404);
    const actions = (await t.desk.store.audit.export(t.org.id)).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'oncall.shift_created',
        'oncall.shift_updated',
        'oncall.shift_deleted',
      ]),
    );
  });

  it('[INB-4] sends an urgent item out of hours to the person on call at once, by email and webhook', async () => {
    const before = hooks.posts.length;
    const itemId = await ingest(URGENT);
    const [first] = await escalationsOf(itemId);
    expect(first).toMatchObject({
      level: 0,
      target: 'person',
      person_id: t.people.oncall_manager.id,
    });
    expect(first!.next_at).toBe(new Date(t.clock.now().getTime() + 15 * MINUTE).toISOString());
    await t.worker.drain();
    const mails = mailsFor(t.people.oncall_manager.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('you are on call');
    expect(mails[0]!.text).toContain(link(itemId));
    expect(mails[0]!.text).toContain('patient_safety');
    // No personal content leaves the desk: not the text, not the author's name.
    expect(mails[0]!.text).not.toContain('medication');
    expect(mails[0]!.text).not.toContain('Author');
    const posted = hooks.posts.slice(before).filter((p) => p.path === `/teams-${dialect}`);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body.text).toContain(link(itemId));
    expect(posted[0]!.body.text).not.toContain('medication');
  });

  it('[INB-4] re-escalates to the next person, then to the managers, when nobody acknowledges', async () => {
    const itemId = await ingest(URGENT);
    await t.worker.drain();
    t.clock.advance(15 * MINUTE);
    await t.worker.drain();
    let steps = await escalationsOf(itemId);
    expect(steps.map((s) => [s.level, s.target, s.person_id])).toEqual([
      [0, 'person', t.people.oncall_manager.id],
      [1, 'person', t.people.comms_officer.id],
    ]);
    expect(steps[0]!.next_at).toBeNull();
    expect(mailsFor(t.people.comms_officer.email).some((m) => m.text.includes(link(itemId)))).toBe(
      true,
    );
    t.clock.advance(15 * MINUTE);
    await t.worker.drain();
    steps = await escalationsOf(itemId);
    expect(steps.map((s) => [s.level, s.target])).toEqual([
      [0, 'person'],
      [1, 'person'],
      [2, 'managers'],
    ]);
    expect(steps[2]!.next_at).toBeNull();
    const toManager = mailsFor(t.people.comms_manager.email).filter((m) =>
      m.text.includes(link(itemId)),
    );
    expect(toManager.some((m) => m.subject.includes('nobody on call has acknowledged'))).toBe(true);
    // Running the jobs again changes nothing: every step is keyed.
    t.clock.advance(60 * MINUTE);
    await t.worker.drain();
    expect(
      (await escalationsOf(itemId)).filter((s) => s.target !== 'managers' || s.level === 2),
    ).toHaveLength(3);
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(itemId));
    expect(audit.filter((r) => r.action === 'escalation.raised')).toHaveLength(3);
  });

  it('[INB-4] an acknowledgement stops the chain, and is audited', async () => {
    const itemId = await ingest(URGENT);
    await t.worker.drain();
    const [first] = await escalationsOf(itemId);
    const staff = await as('staff');
    expect((await staff.post(`${base}/escalations/${first!.id}/acknowledge`)).statusCode).toBe(403);
    const duty = await as('oncall_manager');
    t.clock.advance(4 * MINUTE);
    const ack = await duty.post(`${base}/escalations/${first!.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledged[0].acknowledged_by).toBe(t.people.oncall_manager.id);
    const again = await duty.post(`${base}/escalations/${first!.id}/acknowledge`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_acknowledged');
    t.clock.advance(45 * MINUTE);
    await t.worker.drain();
    const oncall = (await escalationsOf(itemId)).filter(
      (s) => s.target === 'person' || s.level > 0,
    );
    expect(oncall).toHaveLength(1);
    expect(oncall[0]!.next_at).toBeNull();
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(itemId));
    const acked = audit.find((r) => r.action === 'escalation.acknowledged');
    expect(acked?.actor).toBe(t.people.oncall_manager.id);
    expect(acked?.after).toMatchObject({ acknowledged: true, minutesAfterFirst: 4 });
  });

  it('[INB-4] with nobody on the rota, goes straight to the managers', async () => {
    manager = await as('comms_manager');
    const shifts = (await manager.get(`${base}/oncall/shifts`)).json().shifts as { id: number }[];
    for (const s of shifts) await manager.delete(`${base}/oncall/shifts/${s.id}`);
    const itemId = await ingest(URGENT);
    const steps = await escalationsOf(itemId);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ level: 0, target: 'managers' });
    await t.worker.drain();
    expect(mailsFor(t.people.comms_manager.email).some((m) => m.text.includes(link(itemId)))).toBe(
      true,
    );
  });

  it('[INB-4] an urgent item in working hours goes to the comms team, with no on-call escalation', async () => {
    t.clock.set(new Date('2026-03-09T10:00:00.000Z')); // Monday 10:00
    const itemId = await ingest(URGENT);
    expect(await escalationsOf(itemId)).toEqual([]);
    await t.worker.drain();
    const team = mailsFor('communications@example.nhs.uk').filter((m) =>
      m.text.includes(link(itemId)),
    );
    expect(team).toHaveLength(1);
    expect(team[0]!.subject).toContain('Urgent item in the inbox');
  });

  it('[INB-4] hides escalations from other organisations', async () => {
    const other = await t.otherOrganisation();
    const outsider = await t.as(other.people.comms_manager.email);
    const res = await outsider.get(`${base}/escalations`);
    expect(res.statusCode).toBe(404);
  });
});
