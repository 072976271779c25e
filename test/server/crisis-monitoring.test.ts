/**
 * Crisis monitoring through the API (INB-5): while crisis mode is on, evenings and weekends are
 * monitored — an item that arrives then is due by elapsed time, not at the next working
 * morning — the urgent target is halved, and the person on call has half as long to acknowledge
 * an urgent item before it goes to the next person. Switched off, the profile's clocks return.
 * SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, wireItem, type TestDesk } from '../helpers/desk.js';
import { sessions } from './notify-fakes.js';

/** Monday 2 March 2026, 18:00 in London (GMT): after the default working hours. */
const MONDAY_6PM = new Date('2026-03-02T18:00:00.000Z');
/** Tuesday 09:00, when the working day starts again. */
const TUESDAY_9AM = new Date('2026-03-03T09:00:00.000Z');
const ROUTINE = 'What time does the pharmacy at the main hospital open on Saturdays?';
const URGENT =
  'My dad was given the wrong medication on ward 5 last night and now he cannot breathe properly. Nobody is listening.';
const MINUTE = 60_000;

describe.each(['sqlite', 'postgres'] as const)('crisis monitoring (%s)', (dialect) => {
  let t: TestDesk;
  let as: ReturnType<typeof sessions>;
  let base: string;
  let n = 0;
  // nhs-default targets: 120 working minutes to respond, 60 for urgent, 15 to acknowledge on call.
  let targets: { responseWorkingMinutes: number; urgentMinutes: number; oncallAckMinutes: number };

  const ingest = async (text: string) => {
    n += 1;
    const res = await (
      await as('comms_officer')
    ).post(`${base}/items`, {
      items: [
        wireItem(`${dialect}-crisis-${n}`, text, { received_at: t.clock.now().toISOString() }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().results[0].id as number;
    const { item } = (await (await as('comms_officer')).get(`${base}/items/${id}`)).json();
    return {
      id,
      urgent: item.urgent as boolean,
      dueAt: new Date(item.due_at as string),
      basis: (item.triage as { dueBasis: string }).dueBasis,
    };
  };
  const escalationsOf = async (itemId: number) =>
    (await (await as('comms_manager')).get(`${base}/items/${itemId}/escalations`)).json()
      .escalations as { level: number; person_id: number | null; next_at: string | null }[];
  const crisis = async (on: boolean) => {
    const res = await (
      await as('comms_manager')
    ).put(`${base}/crisis`, { on, reason: on ? 'Major incident declared' : 'Stood down' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestDesk({ dialect, now: MONDAY_6PM });
    as = sessions(t);
    base = `/api/orgs/${t.org.slug}`;
    targets = t.desk.profiles.forOrganisation(t.org).profile.targets;
    const shift = await (
      await as('comms_manager')
    ).post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-02T17:00:00.000Z',
      ends_at: '2026-03-03T09:00:00.000Z',
      people: [t.people.oncall_manager.id, t.people.comms_officer.id],
    });
    expect(shift.statusCode, shift.body).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('[INB-5] items that arrive in the evening during a crisis are due by elapsed time, urgent ones in half the time', async () => {
    // Before the crisis: a routine question at 18:00 waits for the working day.
    const before = await ingest(ROUTINE);
    expect(before.urgent).toBe(false);
    expect(before.dueAt.getTime()).toBeGreaterThan(TUESDAY_9AM.getTime());
    const urgentBefore = await ingest(URGENT);
    expect(urgentBefore.urgent).toBe(true);
    expect(urgentBefore.dueAt.getTime() - t.clock.now().getTime()).toBe(
      targets.urgentMinutes * MINUTE,
    );

    const on = await crisis(true);
    expect(on.monitoring).toMatchObject({
      extended_hours: true,
      urgent_minutes: Math.floor(targets.urgentMinutes / 2),
    });
    const during = await ingest(ROUTINE);
    expect(during.dueAt.getTime() - t.clock.now().getTime()).toBe(
      targets.responseWorkingMinutes * MINUTE,
    );
    expect(during.basis).toContain('crisis mode');
    const urgentDuring = await ingest(URGENT);
    expect(urgentDuring.dueAt.getTime() - t.clock.now().getTime()).toBe(
      Math.floor(targets.urgentMinutes / 2) * MINUTE,
    );

    // The SLA clock follows the crisis due time: the breach comes that evening, not Tuesday.
    t.clock.advance(targets.responseWorkingMinutes * MINUTE + MINUTE);
    await t.worker.drain();
    const breaches = (await (await as('comms_manager')).get(`${base}/escalations?kind=breach`))
      .json()
      .escalations.map((e: { item_id: number }) => e.item_id);
    expect(breaches).toContain(during.id);
    expect(breaches).not.toContain(before.id);
    await crisis(false);
  });

  it('[INB-5] during a crisis the person on call has half the acknowledgement time before the next person is called', async () => {
    // Out of crisis: the profile's time.
    const calm = await ingest(URGENT);
    const [first] = await escalationsOf(calm.id);
    expect(first).toMatchObject({ level: 0, person_id: t.people.oncall_manager.id });
    expect(new Date(first!.next_at!).getTime() - t.clock.now().getTime()).toBe(
      targets.oncallAckMinutes * MINUTE,
    );

    const on = await crisis(true);
    const half = on.monitoring.oncall_ack_minutes as number;
    expect(half).toBe(Math.max(5, Math.floor(targets.oncallAckMinutes / 2)));
    const urgent = await ingest(URGENT);
    const [level0] = await escalationsOf(urgent.id);
    expect(level0).toMatchObject({ level: 0, person_id: t.people.oncall_manager.id });
    expect(new Date(level0!.next_at!).getTime() - t.clock.now().getTime()).toBe(half * MINUTE);

    // Nobody acknowledges: after half the time the next person on the rota is called.
    t.clock.advance(half * MINUTE);
    await t.worker.drain();
    const after = await escalationsOf(urgent.id);
    expect(after.find((e) => e.level === 1)).toMatchObject({
      person_id: t.people.comms_officer.id,
    });
    // The calm-time escalation, raised before the crisis, still waits its full time.
    expect((await escalationsOf(calm.id)).some((e) => e.level === 1)).toBe(false);
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(urgent.id));
    expect(
      audit.find(
        (r) => r.action === 'escalation.raised' && (r.after as { level?: number }).level === 0,
      )?.after,
    ).toMatchObject({ crisis: true, ackMinutes: half });
    await crisis(false);
  });
});
