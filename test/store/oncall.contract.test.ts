/**
 * The on-call and notification repositories on SQLite and PostgreSQL: the rota, keyed
 * escalations and their acknowledgement, once-per-conversation DM acknowledgements under
 * concurrency, the notification outbox and sealed channels.
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { at, describeEachDatabase } from './databases.js';

async function anItem(store: Store, orgId: number, externalId: string) {
  const [r] = await store.items.ingest(
    orgId,
    [
      {
        platform: 'facebook',
        externalId,
        kind: 'dm',
        text: 'hello',
        receivedAt: at(0),
        dueAt: at(120),
      },
    ],
    at(0),
  );
  return r!.id;
}

describeEachDatabase('on-call and notifications', (get) => {
  it('finds the shift on call at an instant; a later-starting overlapping shift wins', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const week = await store.oncall.createShift(
      org.id,
      { startsAt: at(0), endsAt: at(7 * 24 * 60), people: [1, 2] },
      'system',
      at(0),
    );
    expect(week.people).toEqual([1, 2]);
    const cover = await store.oncall.createShift(
      org.id,
      { startsAt: at(60), endsAt: at(120), people: [2], note: 'cover' },
      'system',
      at(0),
    );
    expect((await store.oncall.shiftAt(org.id, at(30)))?.id).toBe(week.id);
    expect((await store.oncall.shiftAt(org.id, at(90)))?.id).toBe(cover.id);
    expect((await store.oncall.shiftAt(org.id, at(120)))?.id).toBe(week.id); // ends are exclusive
    expect(await store.oncall.shiftAt(org.id, at(8 * 24 * 60))).toBeNull();
    expect(
      (await store.oncall.shifts(org.id, { from: at(100), to: at(110) })).map((s) => s.id),
    ).toEqual([week.id, cover.id]);
    const other = await organisation('other');
    expect(await store.oncall.shiftAt(other.id, at(30))).toBeNull();
    expect(await store.oncall.deleteShift(other.id, week.id)).toBe(false);
    expect(await store.oncall.deleteShift(org.id, cover.id)).toBe(true);
  });

  it('records an escalation step once per key, and acknowledges the whole chain', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const itemId = await anItem(store, org.id, 'esc-1');
    const step = (level: number) => ({
      itemId,
      kind: 'oncall' as const,
      level,
      key: `oncall:${itemId}:${level}`,
      target: 'person' as const,
      personId: null,
      recipient: 'user 1',
      reason: 'urgent item out of hours',
      nextAt: at(15 * (level + 1)),
      createdBy: 'system' as const,
    });
    const first = await store.oncall.addEscalation(org.id, step(0), at(0));
    expect(first.created).toBe(true);
    const again = await store.oncall.addEscalation(org.id, step(0), at(5));
    expect(again).toEqual({ escalation: first.escalation, created: false });
    await store.oncall.addEscalation(org.id, step(1), at(15));
    expect(await store.oncall.isAcknowledged(org.id, itemId, 'oncall')).toBe(false);
    const acked = await store.oncall.acknowledge(org.id, itemId, 'oncall', 'system', at(20));
    expect(acked.map((e) => [e.level, e.nextAt])).toEqual([
      [0, null],
      [1, null],
    ]);
    expect(await store.oncall.isAcknowledged(org.id, itemId, 'oncall')).toBe(true);
    expect(await store.oncall.acknowledge(org.id, itemId, 'oncall', 'system', at(21))).toEqual([]);
    expect(await store.oncall.escalations(org.id, { open: true })).toEqual([]);
  });

  it('refuses an escalation that points at another organisation’s item', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const other = await organisation('other');
    const itemId = await anItem(store, other.id, 'foreign-1');
    await expect(
      store.oncall.addEscalation(
        org.id,
        {
          itemId,
          kind: 'concern',
          level: 0,
          key: 'concern:x',
          target: 'managers',
          recipient: 'communications managers',
          reason: 'x',
          createdBy: 'system',
        },
        at(0),
      ),
    ).rejects.toThrow();
  });

  it('records one DM acknowledgement per conversation, even when two connections race', async () => {
    const { store, organisation, openAnother } = get();
    const org = await organisation();
    const a = await anItem(store, org.id, 'dm-1');
    const b = await anItem(store, org.id, 'dm-2');
    const second = await openAnother();
    const ack = (s: Store, itemId: number) =>
      s.oncall.recordDmAcknowledgement(
        org.id,
        {
          platform: 'facebook',
          conversation: 'conv-1',
          itemId,
          templateId: 't',
          text: 'Thanks',
          status: 'recorded',
        },
        at(1),
      );
    const results = await Promise.all([ack(store, a), ack(second, b), ack(store, b)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.acknowledgement.id)).size).toBe(1);
    expect(await store.oncall.dmAcknowledgements(org.id)).toHaveLength(1);
  });

  it('keeps the outbox idempotent by key and records attempts', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const n = {
      key: 'escalation:1:email:a@example.nhs.uk',
      channel: 'email' as const,
      to: 'a@example.nhs.uk',
      subject: 'Subject',
      body: 'Link only',
    };
    const first = await store.notifications.add(org.id, n, at(0));
    expect(first.created).toBe(true);
    expect((await store.notifications.add(org.id, n, at(1))).created).toBe(false);
    const retry = await store.notifications.recordAttempt(org.id, first.notification.id, {
      error: '451 try later',
      final: false,
    });
    expect(retry).toMatchObject({ status: 'queued', attempts: 1, lastError: '451 try later' });
    const sent = await store.notifications.recordAttempt(org.id, first.notification.id, {
      sentAt: at(2),
    });
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, sentAt: at(2), lastError: null });
    // A late attempt never turns a sent notification back into a failure.
    expect(
      await store.notifications.recordAttempt(org.id, first.notification.id, {
        error: 'late',
        final: true,
      }),
    ).toBeNull();
    expect((await store.notifications.list(org.id, { status: 'sent' })).map((x) => x.id)).toEqual([
      first.notification.id,
    ]);
  });

  it('keeps one channel setting per organisation and channel', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    await store.notifications.setChannel(org.id, 'teams', 'v1:sealed-a', 'system', at(0));
    await store.notifications.setChannel(org.id, 'teams', 'v1:sealed-b', 'system', at(1));
    const channels = await store.notifications.channels(org.id);
    expect(channels).toEqual([
      { channel: 'teams', urlSealed: 'v1:sealed-b', updatedBy: 'system', updatedAt: at(1) },
    ]);
    expect(await store.notifications.removeChannel(org.id, 'teams')).toBe(true);
    expect(await store.notifications.channels(org.id)).toEqual([]);
  });

  it('lists open FOI hand-offs due in a window', async () => {
    const { store, organisation } = get();
    const org = await organisation();
    const itemId = await anItem(store, org.id, 'foi-1');
    const h = await store.itemWork.addHandoff(org.id, itemId, {
      route: 'foi',
      team: 'FOI team',
      sentTo: 'foi@example.nhs.uk',
      sentAt: at(0),
      dueAt: at(1000),
      by: 'system',
    });
    expect(await store.oncall.handoffsDueBetween(org.id, 'foi', at(0), at(500))).toEqual([]);
    expect(await store.oncall.handoffsDueBetween(org.id, 'foi', at(0), at(1001))).toEqual([
      { id: h.id, itemId, route: 'foi', dueAt: at(1000) },
    ]);
    await store.items.setStatus(org.id, itemId, 'closed', { at: at(2) });
    expect(await store.oncall.handoffsDueBetween(org.id, 'foi', at(0), at(1001))).toEqual([]);
  });
});
