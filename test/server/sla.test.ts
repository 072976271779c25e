/**
 * SLA sweeps through the API with the clock moved past deadlines and the worker drained: breach
 * alerts and escalation to managers (INB-2, INB-12), overdue consultations (INB-9), FOI deadline
 * reminders (INB-7), and concerns escalated to managers, teams and partners (INB-12). Email
 * arrives at a real SMTP server. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONDAY_10AM, startTestDesk, wireItem, type TestDesk } from '../helpers/desk.js';
import {
  sessions,
  startSmtp,
  startWebhooks,
  useNotifyServers,
  type FakeSmtp,
  type FakeWebhooks,
} from './notify-fakes.js';

const QUESTION = 'Can I ask what time the pharmacy opens on Saturday?';
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

describe.each(['sqlite', 'postgres'] as const)('SLA sweeps (%s)', (dialect) => {
  let t: TestDesk;
  let as: ReturnType<typeof sessions>;
  let base: string;
  let n = 0;
  const link = (itemId: number) => `/orgs/${t.org.slug}/items/${itemId}\n`;
  const mailsAbout = (email: string, itemId: number) =>
    smtp.mails.filter((m) => m.to.includes(email.toLowerCase()) && m.text.includes(link(itemId)));
  const ingest = async (text: string, extra: Record<string, unknown> = {}) => {
    n += 1;
    const res = await (
      await as('comms_officer')
    ).post(`${base}/items`, {
      items: [
        wireItem(`${dialect}-sla-${n}`, text, {
          received_at: t.clock.now().toISOString(),
          ...extra,
        }),
      ],
    });
    expect(res.statusCode).toBe(200);
    return res.json().results[0].id as number;
  };
  const escalationsOf = async (itemId: number) =>
    (await (await as('comms_manager')).get(`${base}/items/${itemId}/escalations`)).json()
      .escalations as {
      id: number;
      kind: string;
      target: string;
      recipient: string;
      person_id: number | null;
    }[];

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    useNotifyServers(t.desk, smtp, hooks);
    as = sessions(t);
    base = `/api/orgs/${t.org.slug}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[INB-2] [INB-12] raises a breach when an item is still unanswered at its due time: the assignee is told, the managers escalated to', async () => {
    t.clock.set(MONDAY_10AM);
    const itemId = await ingest(QUESTION);
    const officer = await as('comms_officer');
    const item = (await officer.get(`${base}/items/${itemId}`)).json().item;
    expect(item.due_at).toBe('2026-03-02T12:00:00.000Z'); // two working hours
    expect(
      (await officer.patch(`${base}/items/${itemId}`, { assignee: t.people.comms_officer.id }))
        .statusCode,
    ).toBe(200);
    // Not yet due: nothing happens.
    t.clock.set(new Date('2026-03-02T11:59:00.000Z'));
    await t.worker.drain();
    expect(await escalationsOf(itemId)).toEqual([]);
    t.clock.set(new Date('2026-03-02T12:01:00.000Z'));
    await t.worker.drain();
    const steps = await escalationsOf(itemId);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: 'breach', target: 'managers' });
    const toAssignee = mailsAbout(t.people.comms_officer.email, itemId);
    expect(toAssignee.map((m) => m.subject)).toEqual([
      expect.stringContaining('Response target missed'),
    ]);
    expect(toAssignee[0]!.text).toContain('Was due: 2026-03-02T12:00:00.000Z');
    expect(toAssignee[0]!.text).not.toContain('pharmacy');
    const toManager = mailsAbout(t.people.comms_manager.email, itemId);
    expect(toManager.map((m) => m.subject)).toEqual([expect.stringContaining('escalated to you')]);
    // A second run of the worker (a retried job) raises nothing new.
    t.clock.advance(30 * MINUTE);
    await t.worker.drain();
    expect(await escalationsOf(itemId)).toHaveLength(1);
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(itemId));
    expect(audit.filter((r) => r.action === 'sla.breach')).toHaveLength(1);
  });

  it('[INB-2] raises no breach for an item answered in time, and tells the comms team when nobody is assigned', async () => {
    t.clock.set(new Date('2026-03-03T10:00:00.000Z'));
    const answered = await ingest(QUESTION);
    const waiting = await ingest(QUESTION);
    t.clock.set(new Date('2026-03-03T11:00:00.000Z'));
    const officer = await as('comms_officer');
    expect(
      (await officer.patch(`${base}/items/${answered}`, { status: 'replied' })).statusCode,
    ).toBe(200);
    t.clock.set(new Date('2026-03-03T12:30:00.000Z'));
    await t.worker.drain();
    expect(await escalationsOf(answered)).toEqual([]);
    expect(await escalationsOf(waiting)).toHaveLength(1);
    expect(mailsAbout('communications@example.nhs.uk', waiting)).toHaveLength(1);
  });

  it('[INB-2] counts the clock in working hours: an item from Friday evening breaches on Monday, not at the weekend', async () => {
    t.clock.set(new Date('2026-03-06T18:00:00.000Z')); // Friday 18:00
    const itemId = await ingest(QUESTION);
    t.clock.set(new Date('2026-03-08T12:00:00.000Z')); // Sunday
    await t.worker.drain();
    expect(await escalationsOf(itemId)).toEqual([]);
    t.clock.set(new Date('2026-03-09T11:01:00.000Z')); // Monday 09:00 + 2 h
    await t.worker.drain();
    expect((await escalationsOf(itemId)).map((e) => e.kind)).toEqual(['breach']);
  });

  it('[INB-9] alerts whoever asked when a consulted colleague has not answered by the due time', async () => {
    t.clock.set(new Date('2026-03-10T10:00:00.000Z'));
    const itemId = await ingest(QUESTION);
    const officer = await as('comms_officer');
    const asked = await officer.post(`${base}/items/${itemId}/consultations`, {
      colleague: 'Pharmacy manager',
      question: 'What are the Saturday hours?',
      due_working_minutes: 60,
    });
    expect(asked.statusCode).toBe(201);
    const answeredItem = await ingest(QUESTION);
    const other = await officer.post(`${base}/items/${answeredItem}/consultations`, {
      colleague: 'Estates',
      due_working_minutes: 60,
    });
    const cid = other.json().consultation.id as number;
    t.clock.set(new Date('2026-03-10T10:40:00.000Z'));
    expect(
      (
        await (
          await as('comms_officer')
        ).post(`${base}/items/${answeredItem}/consultations/${cid}/answer`, {
          answer: 'Nine to five.',
        })
      ).statusCode,
    ).toBe(200);
    t.clock.set(new Date('2026-03-10T10:59:00.000Z'));
    await t.worker.drain();
    expect((await escalationsOf(itemId)).filter((e) => e.kind === 'consultation')).toEqual([]);
    t.clock.set(new Date('2026-03-10T11:20:00.000Z'));
    await t.worker.drain();
    const steps = (await escalationsOf(itemId)).filter((e) => e.kind === 'consultation');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ target: 'person', person_id: t.people.comms_officer.id });
    const mails = mailsAbout(t.people.comms_officer.email, itemId).filter((m) =>
      m.subject.includes('not answered in time'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).not.toContain('Saturday hours');
    expect((await escalationsOf(answeredItem)).filter((e) => e.kind === 'consultation')).toEqual(
      [],
    );
    // The next sweeps do not alert again.
    t.clock.advance(60 * MINUTE);
    await t.worker.drain();
    expect((await escalationsOf(itemId)).filter((e) => e.kind === 'consultation')).toHaveLength(1);
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(itemId));
    expect(audit.map((r) => r.action)).toContain('consultation.overdue');
  });

  it('[INB-7] reminds the FOI team a few working days before an FOI hand-off’s statutory deadline', async () => {
    t.clock.set(MONDAY_10AM);
    const itemId = await ingest(
      'Under the Freedom of Information Act please send me your spend on agency staff.',
    );
    const officer = await as('comms_officer');
    const h = await officer.post(`${base}/items/${itemId}/handoffs`, { route: 'foi' });
    expect(h.statusCode).toBe(201);
    // 20 working days, St Patrick's Day (a UK bank holiday under FOIA) excluded; end of day, BST.
    expect(h.json().handoff.dueAt).toBe('2026-03-31T22:59:59.999Z');
    t.clock.set(new Date('2026-03-24T10:00:00.000Z')); // five working days before
    await t.worker.drain();
    expect(mailsAbout('foi@example.nhs.uk', itemId)).toEqual([]);
    t.clock.set(new Date('2026-03-26T10:00:00.000Z')); // three working days before
    await t.worker.drain();
    t.clock.advance(60 * MINUTE);
    await t.worker.drain();
    const reminders = mailsAbout('foi@example.nhs.uk', itemId);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain('FOI request deadline is near');
    const audit = await t.desk.store.audit.history(t.org.id, 'item', String(itemId));
    expect(audit.filter((r) => r.action === 'foi.reminder')).toHaveLength(1);
  });

  it('[INB-12] escalates a concern to the managers, a team of the profile, or a named partner, with a record of each', async () => {
    t.clock.set(new Date('2026-04-01T10:00:00.000Z'));
    const itemId = await ingest(
      'A nurse on the childrens ward hit a patient, I saw it happen. This is abuse.',
    );
    const officer = await as('comms_officer');
    const reason = 'Allegation about a named ward; the author says they saw it';
    const toManagers = await officer.post(`${base}/items/${itemId}/escalations`, {
      to: 'managers',
      reason,
    });
    expect(toManagers.statusCode).toBe(201);
    expect(toManagers.json().escalation).toMatchObject({ kind: 'concern', target: 'managers' });
    const toTeam = await officer.post(`${base}/items/${itemId}/escalations`, {
      to: 'team',
      team: 'safeguarding',
      reason,
    });
    expect(toTeam.json().escalation).toMatchObject({
      target: 'team',
      recipient: 'Safeguarding team',
    });
    const toPartner = await officer.post(`${base}/items/${itemId}/escalations`, {
      to: 'partner',
      partner: 'CQC',
      reason,
    });
    expect(toPartner.json().escalation).toMatchObject({
      target: 'partner',
      recipient: 'Care Quality Commission',
    });
    const unknown = await officer.post(`${base}/items/${itemId}/escalations`, {
      to: 'partner',
      partner: 'Acme Ltd',
      reason,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('partner_unknown');
    const staff = await as('staff');
    expect(
      (await staff.post(`${base}/items/${itemId}/escalations`, { to: 'managers', reason }))
        .statusCode,
    ).toBe(403);

    await t.worker.drain();
    const managerMails = mailsAbout(t.people.comms_manager.email, itemId);
    expect(managerMails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('escalated to you'),
        expect.stringContaining('to be passed to Care Quality Commission'),
      ]),
    );
    expect(mailsAbout('safeguarding@example.nhs.uk', itemId)).toHaveLength(1);
    for (const m of smtp.mails.filter((x) => x.text.includes(link(itemId)))) {
      expect(m.text).not.toContain('nurse');
      expect(m.text).not.toContain(reason);
    }
    const listed = await (await as('comms_manager')).get(`${base}/escalations?kind=concern`);
    expect(
      listed.json().escalations.filter((e: { item_id: number }) => e.item_id === itemId),
    ).toHaveLength(3);
    const notifications = await (
      await as('comms_manager')
    ).get(`${base}/notifications?item=${itemId}`);
    expect(notifications.statusCode).toBe(200);
    expect(
      notifications.json().notifications.every((x: { status: string }) => x.status === 'sent'),
    ).toBe(true);
  });
});
