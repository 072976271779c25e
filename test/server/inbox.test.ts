/**
 * The inbox through the API: idempotent ingest with triage and evidence, bad input answered with
 * the field named and nothing accepted lost, organisations never visible to one another, and the
 * work on an item — hand-off with its own clock, consultation, erasure with a tombstone — audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../store/databases.js';
import {
  MONDAY_10AM,
  startTestDesk,
  wireItem,
  type Client,
  type TestDesk,
} from '../helpers/desk.js';

describe.each(DIALECTS)('inbox API (%s)', (dialect) => {
  let t: TestDesk;
  let officer: Client;
  let base: string;
  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    officer = await t.as('comms_officer');
    base = `/api/orgs/${t.org.slug}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[INB-1] ingests a batch, triages each item with evidence, and is idempotent', async () => {
    const batch = [
      wireItem(
        1,
        'Please can you tell me how much the trust spent on agency staff in 2024, broken down by month. J Smith, j.smith@example.com',
      ),
      wireItem(2, 'The nurses on ward 4 were wonderful, thank you so much'),
      wireItem(3, 'Hi, what time does the blood test clinic open on Saturday?', {
        platform: 'x',
        kind: 'mention',
      }),
    ];
    const first = await officer.post(`${base}/items`, { items: batch });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 3, repeats: 0 });

    const again = await officer.post(`${base}/items`, {
      items: [...batch, wireItem(4, 'New one')],
    });
    expect(again.json()).toMatchObject({ created: 1, repeats: 3 });
    expect(
      again
        .json()
        .results.slice(0, 3)
        .map((r: { id: number }) => r.id),
    ).toEqual(first.json().results.map((r: { id: number }) => r.id));

    const foiId = first.json().results[0].id as number;
    const detail = (await officer.get(`${base}/items/${foiId}`)).json();
    expect(detail.item.labels).toContain('foi_request');
    expect(detail.item.routes).toContain('foi');
    const ev = detail.item.triage.evidence.find(
      (e: { label: string }) => e.label === 'foi_request',
    );
    expect(ev.rule).toMatch(/^foi_request\./);
    expect(detail.item.text.slice(ev.start, ev.end)).toBe(ev.text);
    // 20 working days from Monday 2 March, skipping St Patrick's Day (a Northern Ireland bank holiday: s.10(6) counts any part of the UK).
    expect(detail.item.triage.foiDueDate).toBe('2026-03-31');
    expect(detail.item.triage.actions.map((a: { id: string }) => a.id).length).toBeGreaterThan(0);
  });

  it('[INB-1] the inbox lists open items, soonest due first, filterable by label', async () => {
    const res = await officer.get(`${base}/inbox?label=praise`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { labels: string[] }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.labels.includes('praise'))).toBe(true);
    const all = (await officer.get(`${base}/inbox?limit=50`)).json().items as {
      due_at: string | null;
    }[];
    const due = all.map((i) => i.due_at ?? '9999');
    expect([...due].sort()).toEqual(due);
  });

  it('[INB-1] the inbox filters by platform, with and without a label', async () => {
    const onX = (await officer.get(`${base}/inbox?platform=x`)).json().items as {
      platform: string;
      labels: string[];
    }[];
    expect(onX.length).toBeGreaterThan(0);
    expect(onX.every((i) => i.platform === 'x')).toBe(true);
    const fb = (await officer.get(`${base}/inbox?platform=facebook&label=praise`)).json().items as {
      platform: string;
      labels: string[];
    }[];
    expect(fb.every((i) => i.platform === 'facebook' && i.labels.includes('praise'))).toBe(true);
    const bad = await officer.get(`${base}/inbox?platform=Face%20Book`);
    expect(bad.statusCode).toBe(400);
  });

  it('full-text search finds items by their words', async () => {
    const res = await officer.get(`${base}/search?q=${encodeURIComponent('blood test')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { external_id: string }) => i.external_id)).toContain('fb-3');
  });

  it('bad input: every wrong field is named, nothing of the batch is stored, earlier batches are kept', async () => {
    const before = await t.desk.store.items.count(t.org.id);
    const res = await officer.post(`${base}/items`, {
      items: [
        wireItem(50, 'fine'),
        { ...wireItem(51, 'bad'), received_at: 'yesterday', kind: 'shout' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('/body/items/1/received_at');
    expect(paths.some((p: string) => p.startsWith('/body/items/1/kind'))).toBe(true);
    expect(await t.desk.store.items.count(t.org.id)).toBe(before);
  });

  it('bad input: unknown fields, empty batches, oversized bodies and non-JSON are refused with 4xx', async () => {
    const extra = await officer.post(`${base}/items`, {
      items: [{ ...wireItem(60, 'x'), colour: 'red' }],
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0]).toEqual({
      path: '/body/items/0/colour',
      reason: 'is not a known field',
    });
    expect((await officer.post(`${base}/items`, { items: [] })).statusCode).toBe(400);
    const huge = await officer.post(`${base}/items`, {
      items: [wireItem(61, 'x'.repeat(6 * 1024 * 1024))],
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('body_too_large');
    const notJson = await t.app.inject({
      method: 'POST',
      url: `${base}/items`,
      headers: {
        cookie: officer.cookie,
        'x-csrf-token': officer.csrf,
        'content-type': 'application/json',
      },
      payload: '{"items": [',
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('another organisation’s items, and the organisation itself, are invisible (404, no data)', async () => {
    const other = await t.otherOrganisation();
    const theirs = await t.as(other.people.comms_officer.email);
    const mine = (await officer.get(`${base}/inbox`)).json().items[0];
    const probe = await theirs.get(`${base}/items/${mine.id}`);
    expect(probe.statusCode).toBe(404);
    expect(probe.body).not.toContain(mine.text.slice(0, 10));
    const unknown = await theirs.get(`/api/orgs/no-such-org/inbox`);
    expect(probe.json()).toEqual(unknown.json());
    // Their own inbox does not contain ours.
    const their = await theirs.get(`/api/orgs/${other.org.slug}/inbox`);
    expect(their.json().items).toEqual([]);
  });

  it('[INB-8] a hand-off to FOI records who, what, when and gets the statutory 20-working-day due time', async () => {
    const id = (
      await officer.post(`${base}/items`, {
        items: [
          wireItem(
            70,
            'Under the Freedom of Information Act please send me the number of complaints about parking in 2025. A Person, a.person@example.com',
          ),
        ],
      })
    ).json().results[0].id;
    const res = await officer.post(`${base}/items/${id}/handoffs`, {
      route: 'foi',
      note: 'Request on Facebook',
    });
    expect(res.statusCode).toBe(201);
    const h = res.json().handoff;
    expect(h).toMatchObject({ route: 'foi', sentTo: 'foi@example.nhs.uk' });
    expect(h.dueAt.slice(0, 10)).toBe('2026-03-31');
    const detail = (await officer.get(`${base}/items/${id}`)).json();
    expect(detail.item.status).toBe('handed_off');
    expect(detail.history.map((e: { action: string }) => e.action)).toContain('item.handoff');
    // FOI sees what was handed to FOI, but not the rest of the inbox.
    const foi = await t.as('foi');
    expect((await foi.get(`${base}/items/${id}`)).statusCode).toBe(200);
    expect((await foi.get(`${base}/inbox`)).statusCode).toBe(403);
  });

  it('[INB-9] consulting a colleague sets a working-hours due time and waits on them', async () => {
    const id = (
      await officer.post(`${base}/items`, {
        items: [
          wireItem(
            80,
            'Is the minor injuries unit at the community hospital open on bank holidays?',
          ),
        ],
      })
    ).json().results[0].id;
    const res = await officer.post(`${base}/items/${id}/consultations`, {
      colleague: 'urgent.care@example.nhs.uk',
      question: 'Bank holiday hours?',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json().consultation;
    expect(new Date(c.dueAt).getTime()).toBeGreaterThan(MONDAY_10AM.getTime());
    expect((await officer.get(`${base}/items/${id}`)).json().item.status).toBe(
      'waiting_on_colleague',
    );
    const ans = await officer.post(`${base}/items/${id}/consultations/${c.id}/answer`, {
      answer: 'Open 8am to 8pm.',
    });
    expect(ans.statusCode).toBe(200);
    expect((await officer.get(`${base}/items/${id}`)).json().item.status).toBe('in_progress');
  });

  it('[INB-11] erasure needs a hand-off first, then leaves a tombstone; a replay is still recognised', async () => {
    const item = wireItem(
      90,
      'Here is a photo of my discharge letter with my address, 1 Example Road',
      { media: [{ type: 'image', url: 'https://example.com/p.jpg' }] },
    );
    const id = (await officer.post(`${base}/items`, { items: [item] })).json().results[0].id;
    const manager = await t.as('comms_manager');
    const early = await manager.post(`${base}/items/${id}/erase`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('not_handed_off');
    await officer.post(`${base}/items/${id}/handoffs`, {
      route: 'pals',
      note: 'Passed on with the photo',
    });
    expect((await officer.post(`${base}/items/${id}/erase`)).statusCode).toBe(403);
    const erased = await manager.post(`${base}/items/${id}/erase`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json().item).toMatchObject({ erased: true, text: '', media: null, triage: null });
    const replay = await officer.post(`${base}/items`, { items: [item] });
    expect(replay.json()).toMatchObject({ created: 0, repeats: 1 });
    expect((await officer.get(`${base}/search?q=discharge`)).json().items).toEqual([]);
    const detail = (await manager.get(`${base}/items/${id}`)).json();
    expect(detail.handoffs[0].note).toBeNull();
    expect(detail.history.map((e: { action: string }) => e.action)).toContain('item.erase');
  });

  it('[GOV-1] every change is in the audit log and the chain verifies', async () => {
    const auditor = await t.as('auditor');
    const verify = await auditor.get(`${base}/audit/verify`);
    expect(verify.statusCode).toBe(200);
    expect(verify.json().verdict.ok).toBe(true);
    const log = (await auditor.get(`${base}/audit`)).json().records as {
      action: string;
      actor: unknown;
    }[];
    const actions = new Set(log.map((r) => r.action));
    for (const a of ['items.ingest', 'item.handoff', 'item.consult', 'item.erase'])
      expect(actions).toContain(a);
    // No comment text in the audit log.
    expect(JSON.stringify(log)).not.toContain('discharge letter');
  });

  it('status changes are guarded against two people acting at once', async () => {
    const id = (
      await officer.post(`${base}/items`, { items: [wireItem(100, 'When is the flu clinic?')] })
    ).json().results[0].id;
    const a = await officer.patch(`${base}/items/${id}`, {
      status: 'in_progress',
      from_status: 'new',
    });
    expect(a.statusCode).toBe(200);
    const b = await officer.patch(`${base}/items/${id}`, { status: 'replied', from_status: 'new' });
    expect(b.statusCode).toBe(409);
    expect(b.json().error.code).toBe('status_changed');
  });
});

describe('the checklist knows the author (INB-13)', () => {
  it('[INB-13] a persistent author’s fourth negative item gets the Appendix A steps; a do-not-engage author gets none to reply', async () => {
    const t = await startTestDesk();
    try {
      const officer = await t.as('comms_officer');
      const base = `/api/orgs/${t.org.slug}`;
      const author = { id: 'persistent-1', name: 'Same Person' };
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) {
        t.clock.advance(60_000);
        const res = await officer.post(`${base}/items`, {
          items: [
            wireItem(
              `p${i}`,
              `Still no answer about my car parking fine, this is hopeless number ${i}`,
              { author, received_at: t.clock.now().toISOString() },
            ),
          ],
        });
        ids.push(res.json().results[0].id);
      }
      const first = (await officer.get(`${base}/items/${ids[0]}`)).json();
      expect(first.actions).toBeUndefined();
      const fourth = (await officer.get(`${base}/items/${ids[3]}`)).json();
      expect(fourth.author_context.priorItems).toBe(3);
      expect(fourth.actions.map((a: { id: string }) => a.id)).toContain('mark_do_not_engage');

      const item = await t.desk.store.items.get(t.org.id, ids[3]!);
      await t.desk.store.authors.setDoNotEngage(t.org.id, item!.authorId!, {
        on: true,
        reason: 'Repeated abuse of staff',
        by: t.people.comms_manager.id,
        at: t.clock.now(),
      });
      const marked = (await officer.get(`${base}/items/${ids[3]}`)).json();
      const dne = marked.actions.find((a: { id: string }) => a.id === 'do_not_engage');
      expect(dne.detail).toContain('Repeated abuse of staff');
    } finally {
      await t.close();
    }
  });
});
