import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Item, NewItem } from '../../src/store/model.js';
import { at, describeEachDatabase } from './databases.js';

function item(externalId: string, over: Partial<NewItem> = {}): NewItem {
  return {
    platform: 'x',
    externalId,
    kind: 'mention',
    text: `Item ${externalId}`,
    receivedAt: at(0),
    ...over,
  };
}

const ids = (rows: readonly Item[]) => rows.map((r) => r.externalId);

describeEachDatabase('items', (get, dialect) => {
  describe('ingest', () => {
    it('stores a batch and returns one result per item, in order', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const results = await store.items.ingest(
        org.id,
        [
          item('a', {
            labels: ['complaint', 'patient_safety'],
            urgent: true,
            routes: ['quality', 'pals'],
            sentiment: 'negative',
            triage: { evidence: [{ label: 'complaint', start: 0, end: 4 }] },
            dueAt: at(60),
            media: [{ type: 'image', url: 'https://example.org/a.jpg' }],
            author: { platformAuthorId: 'u1', displayName: 'Sam' },
            conversationId: 'c1',
          }),
          item('b'),
        ],
        at(1),
      );
      expect(results).toHaveLength(2);
      expect(results.every((r) => r.created)).toBe(true);
      const a = await store.items.get(org.id, results[0].id);
      expect(a).toMatchObject({
        organisationId: org.id,
        platform: 'x',
        externalId: 'a',
        kind: 'mention',
        text: 'Item a',
        labels: ['complaint', 'patient_safety'],
        urgent: true,
        routes: ['quality', 'pals'],
        sentiment: 'negative',
        triage: { evidence: [{ label: 'complaint', start: 0, end: 4 }] },
        dueAt: at(60),
        receivedAt: at(0),
        ingestedAt: at(1),
        status: 'new',
        media: [{ type: 'image', url: 'https://example.org/a.jpg' }],
        conversationId: 'c1',
        erasedAt: null,
      });
      expect(typeof a?.id).toBe('number');
      expect(a?.authorId).toEqual(expect.any(Number));
      const b = await store.items.get(org.id, results[1].id);
      expect(b).toMatchObject({ dueAt: null, labels: [], urgent: false, authorId: null });
    });

    it('is idempotent: the same batch twice stores nothing new and returns the same ids', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const batch = [item('1'), item('2'), item('3', { platform: 'facebook' })];
      const first = await store.items.ingest(org.id, batch, at(1));
      const second = await store.items.ingest(org.id, batch, at(2));
      expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
      expect(second.every((r) => !r.created)).toBe(true);
      expect(await store.items.count(org.id)).toBe(3);
      // The first delivery wins: a replay does not overwrite what is stored.
      const replayed = await store.items.ingest(org.id, [item('1', { text: 'changed' })], at(3));
      expect(replayed[0]).toEqual({ id: first[0].id, created: false });
      expect((await store.items.get(org.id, first[0].id))?.text).toBe('Item 1');
    });

    it('stores a key repeated within one batch once; the repeat gets the same id, not created', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const results = await store.items.ingest(
        org.id,
        [item('dup'), item('other'), item('dup', { text: 'again' })],
        at(1),
      );
      expect(results[0].created).toBe(true);
      expect(results[2]).toEqual({ id: results[0].id, created: false });
      expect(await store.items.count(org.id)).toBe(2);
    });

    it('treats the same external id on two platforms as two items', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const results = await store.items.ingest(
        org.id,
        [item('42', { platform: 'x' }), item('42', { platform: 'facebook' })],
        at(1),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(2);
    });

    it('never duplicates under concurrent batches with overlapping ids', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      // Eight batches of 150 over 600 ids, each overlapping its neighbours, all at once (on
      // PostgreSQL each on its own connection), listed in different orders.
      const batches = Array.from({ length: 8 }, (_, b) => {
        const batch = Array.from({ length: 150 }, (_, i) =>
          item(`c${(b * 60 + i) % 600}`, { author: { platformAuthorId: `a${i % 7}` } }),
        );
        return b % 2 === 0 ? batch : batch.reverse();
      });
      const results = await Promise.all(
        batches.map((batch) => store.items.ingest(org.id, batch, at(1))),
      );

      const idByKey = new Map<string, number>();
      let created = 0;
      results.forEach((rs, b) =>
        rs.forEach((r, i) => {
          const key = batches[b][i].externalId;
          if (idByKey.has(key)) expect(r.id).toBe(idByKey.get(key));
          idByKey.set(key, r.id);
          if (r.created) created += 1;
        }),
      );
      const stored = await store.items.count(org.id);
      expect(stored).toBe(idByKey.size);
      expect(created).toBe(idByKey.size);
      const authors = await sql<{ n: number | string }>`
        select count(*) as n from authors where organisation_id = ${org.id}`.execute(
        get().handle.db,
      );
      expect(Number(authors.rows[0].n)).toBe(7);
    });

    it('rolls the whole batch back when one item is invalid', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      await expect(
        store.items.ingest(org.id, [item('ok'), item('bad', { accountId: 999_999 })], at(1)),
      ).rejects.toThrow();
      expect(await store.items.count(org.id)).toBe(0);
    });
  });

  describe('multi-organisation isolation', () => {
    it('keeps organisations apart: the same external ids, no reading, searching or changing across', async () => {
      const { store, organisation } = get();
      const a = await organisation('a');
      const b = await organisation('b');
      const [inA] = await store.items.ingest(
        a.id,
        [item('same', { text: 'parking at the hospital' })],
        at(1),
      );
      const [inB] = await store.items.ingest(
        b.id,
        [item('same', { text: 'parking at the clinic' })],
        at(1),
      );
      expect(inA.created && inB.created).toBe(true);
      expect(inA.id).not.toBe(inB.id);

      expect(await store.items.get(a.id, inB.id)).toBeNull();
      expect(await store.items.byExternalId(a.id, 'x', 'same')).toMatchObject({ id: inA.id });
      expect(ids((await store.items.inbox(a.id, { limit: 50 })).rows)).toEqual(['same']);
      expect((await store.items.search(a.id, 'parking', 10)).map((i) => i.id)).toEqual([inA.id]);
      expect(await store.items.search(a.id, 'clinic', 10)).toEqual([]);

      expect(await store.items.erase(a.id, inB.id, 'system', at(2))).toBeNull();
      expect(await store.items.setStatus(a.id, inB.id, 'closed', { at: at(2) })).toBeNull();
      expect(await store.items.assign(a.id, inB.id, null, at(2))).toBeNull();
      expect(
        await store.items.correctLabels(a.id, inB.id, {
          add: ['spam'],
          by: 1,
          reason: 'x',
          at: at(2),
        }),
      ).toBeNull();
      const untouched = await store.items.get(b.id, inB.id);
      expect(untouched).toMatchObject({
        text: 'parking at the clinic',
        status: 'new',
        erasedAt: null,
      });
    });
  });

  describe('inbox', () => {
    it('[INB-1] is one inbox across platforms and accounts, by due time then id, undated last', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const xAccount = await store.accounts.create(
        org.id,
        { platform: 'x', handle: '@trust', ownerTeam: 'comms' },
        at(0),
      );
      const fbAccount = await store.accounts.create(
        org.id,
        { platform: 'facebook', handle: 'Trust', ownerTeam: 'comms' },
        at(0),
      );
      const stored = await store.items.ingest(
        org.id,
        [
          item('late', { platform: 'x', accountId: xAccount.id, dueAt: at(300) }),
          item('none', { platform: 'instagram' }),
          item('soon', { platform: 'facebook', accountId: fbAccount.id, dueAt: at(30) }),
          item('tie-1', { platform: 'x', accountId: xAccount.id, dueAt: at(120) }),
          item('tie-2', { platform: 'facebook', accountId: fbAccount.id, dueAt: at(120) }),
        ],
        at(1),
      );
      const page = await store.items.inbox(org.id, { limit: 10 });
      // Equal due times: the lower id first.
      const ties = stored[3].id < stored[4].id ? ['tie-1', 'tie-2'] : ['tie-2', 'tie-1'];
      expect(ids(page.rows)).toEqual(['soon', ...ties, 'late', 'none']);
      expect(new Set(page.rows.map((r) => r.platform))).toEqual(
        new Set(['x', 'facebook', 'instagram']),
      );
      expect(page.nextCursor).toBeNull();
      expect(
        ids((await store.items.inbox(org.id, { accountId: xAccount.id, limit: 10 })).rows),
      ).toEqual(['tie-1', 'late']);
    });

    it('filters by label (any of), status, urgency, assignee and due time', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const user = await store.users.create(
        { email: `officer-${org.slug}@example.nhs.uk`, displayName: 'Officer' },
        at(0),
      );
      const results = await store.items.ingest(
        org.id,
        [
          item('complaint', { labels: ['complaint'], dueAt: at(10) }),
          item('both', { labels: ['complaint', 'patient_safety'], urgent: true, dueAt: at(20) }),
          item('safety', { labels: ['patient_safety'], urgent: true, dueAt: at(30) }),
          item('praise', { labels: ['praise'], dueAt: at(40) }),
          item('closed-complaint', { labels: ['complaint'], status: 'closed', dueAt: at(5) }),
        ],
        at(1),
      );
      await store.items.assign(org.id, results[3].id, user.id, at(2));
      const inbox = async (q: Parameters<typeof store.items.inbox>[1]) =>
        ids((await store.items.inbox(org.id, q)).rows);

      expect(await inbox({ labels: ['complaint'], limit: 10 })).toEqual(['complaint', 'both']);
      expect(await inbox({ labels: ['complaint', 'patient_safety'], limit: 10 })).toEqual([
        'complaint',
        'both',
        'safety',
      ]);
      expect(await inbox({ labels: ['complaint'], status: ['closed'], limit: 10 })).toEqual([
        'closed-complaint',
      ]);
      expect(await inbox({ status: ['new', 'closed'], limit: 10 })).toEqual([
        'closed-complaint',
        'complaint',
        'both',
        'safety',
        'praise',
      ]);
      expect(await inbox({ urgent: true, limit: 10 })).toEqual(['both', 'safety']);
      expect(await inbox({ labels: ['patient_safety'], urgent: false, limit: 10 })).toEqual([]);
      expect(await inbox({ assignee: user.id, limit: 10 })).toEqual(['praise']);
      expect(await inbox({ assignee: null, limit: 10 })).toEqual(['complaint', 'both', 'safety']);
      expect(await inbox({ dueBefore: at(25), limit: 10 })).toEqual(['complaint', 'both']);
      expect(await inbox({ labels: ['spam'], limit: 10 })).toEqual([]);
    });

    it('pages with a cursor: every open item exactly once, in order, with or without a label filter', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      // 23 items, several sharing a due time, some without one.
      const batch = Array.from({ length: 23 }, (_, i) =>
        item(`p${i}`, {
          dueAt: i % 5 === 4 ? null : at(Math.floor(i / 3) * 10),
          labels: i % 2 === 0 ? ['complaint'] : ['complaint', 'media_enquiry'],
        }),
      );
      await store.items.ingest(org.id, batch, at(1));
      const all = (await store.items.inbox(org.id, { limit: 100 })).rows;
      expect(all).toHaveLength(23);

      for (const labels of [undefined, ['complaint'], ['complaint', 'media_enquiry']]) {
        const seen: Item[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await store.items.inbox(org.id, { labels, limit: 5, cursor });
          expect(page.rows.length).toBeLessThanOrEqual(5);
          seen.push(...page.rows);
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== null && pages < 20);
        expect(ids(seen)).toEqual(ids(all));
        expect(pages).toBe(5);
      }
    });

    it('rejects a cursor it did not make', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      await expect(store.items.inbox(org.id, { limit: 5, cursor: 'not-a-cursor' })).rejects.toThrow(
        /Unexpected cursor/,
      );
    });

    it('follows status, due time and label corrections, with or without a label filter', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const user = await store.users.create(
        { email: `m-${org.slug}@example.nhs.uk`, displayName: 'Manager' },
        at(0),
      );
      const [first, second] = await store.items.ingest(
        org.id,
        [
          item('first', { labels: ['complaint'], dueAt: at(10) }),
          item('second', { labels: ['complaint'], dueAt: at(20) }),
        ],
        at(1),
      );
      await store.items.setStatus(org.id, first.id, 'replied', { at: at(2) });
      expect(
        ids((await store.items.inbox(org.id, { labels: ['complaint'], limit: 10 })).rows),
      ).toEqual(['second']);
      expect(ids((await store.items.inbox(org.id, { limit: 10 })).rows)).toEqual(['second']);
      await store.items.setStatus(org.id, first.id, 'in_progress', { at: at(3) });
      await store.items.setDueAt(org.id, first.id, at(30), at(3));
      expect(
        ids((await store.items.inbox(org.id, { labels: ['complaint'], limit: 10 })).rows),
      ).toEqual(['second', 'first']);

      const corrected = await store.items.correctLabels(org.id, second.id, {
        add: ['praise'],
        remove: ['complaint'],
        by: user.id,
        reason: 'A thank-you, not a complaint',
        at: at(4),
      });
      expect(corrected?.labels).toEqual(['praise']);
      expect(
        ids((await store.items.inbox(org.id, { labels: ['complaint'], limit: 10 })).rows),
      ).toEqual(['first']);
      expect(
        ids((await store.items.inbox(org.id, { labels: ['praise'], limit: 10 })).rows),
      ).toEqual(['second']);
      const log = await store.items.labelCorrections(org.id, second.id);
      expect(log.map((c) => [c.label, c.change, c.by, c.reason])).toEqual([
        ['praise', 'added', user.id, 'A thank-you, not a complaint'],
        ['complaint', 'removed', user.id, 'A thank-you, not a complaint'],
      ]);

      const retriaged = await store.items.retriage(
        org.id,
        first.id,
        {
          labels: ['media_enquiry'],
          urgent: true,
          routes: ['press'],
          sentiment: 'neutral',
          triage: null,
          dueAt: at(5),
        },
        at(5),
      );
      expect(retriaged).toMatchObject({
        labels: ['media_enquiry'],
        urgent: true,
        routes: ['press'],
        dueAt: at(5),
      });
      expect(
        ids((await store.items.inbox(org.id, { labels: ['media_enquiry'], limit: 10 })).rows),
      ).toEqual(['first']);
    });

    it('moves status only from the expected status when asked to', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const [one] = await store.items.ingest(org.id, [item('one')], at(1));
      expect(
        await store.items.setStatus(org.id, one.id, 'in_progress', { at: at(2), from: 'new' }),
      ).toMatchObject({
        status: 'in_progress',
        updatedAt: at(2),
      });
      expect(
        await store.items.setStatus(org.id, one.id, 'handed_off', { at: at(3), from: 'new' }),
      ).toBeNull();
      expect((await store.items.get(org.id, one.id))?.status).toBe('in_progress');
    });
  });

  describe('search', () => {
    it('finds items by their words, case-insensitively, newest first, all words required', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      await store.items.ingest(
        org.id,
        [
          item('s1', { text: 'The car PARKING at Northern General is a disgrace' }),
          item('s2', { text: 'Thank you to ward 5 for the care' }),
          item('s3', { text: 'parking charges again?' }),
        ],
        at(1),
      );
      expect(ids(await store.items.search(org.id, 'parking', 10))).toEqual(['s3', 's1']);
      expect(ids(await store.items.search(org.id, 'Parking disgrace', 10))).toEqual(['s1']);
      expect(ids(await store.items.search(org.id, 'ward', 10))).toEqual(['s2']);
      expect(ids(await store.items.search(org.id, 'parking', 1))).toEqual(['s3']);
      expect(await store.items.search(org.id, 'ambulance', 10)).toEqual([]);
      expect(await store.items.search(org.id, '   ', 10)).toEqual([]);
      // Query syntax in what people type is taken as words, not operators.
      expect(ids(await store.items.search(org.id, '"parking" OR -charges: NEAR(', 10))).toEqual([]);
      expect(ids(await store.items.search(org.id, 'parking: charges!', 10))).toEqual(['s3']);
    });

    it('[INB-11] never finds an erased item', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const [gone, kept] = await store.items.ingest(
        org.id,
        [
          item('gone', { text: 'my NHS number is 943 476 5919 and my leg hurts' }),
          item('kept', { text: 'my leg is fine' }),
        ],
        at(1),
      );
      expect(ids(await store.items.search(org.id, 'leg', 10))).toEqual(['kept', 'gone']);
      await store.items.erase(org.id, gone.id, 'system', at(2));
      expect(ids(await store.items.search(org.id, 'leg', 10))).toEqual(['kept']);
      expect(await store.items.search(org.id, '9434765919', 10)).toEqual([]);
      expect(await store.items.search(org.id, 'hurts', 10)).toEqual([]);
      expect(kept.created).toBe(true);
      if (dialect === 'sqlite') {
        // The words are gone from the index itself, not only filtered out.
        const { rows } = await sql<{ n: number }>`
          select count(*) as n from items_fts where items_fts match 'hurts'`.execute(
          get().handle.db,
        );
        expect(rows[0].n).toBe(0);
      }
    });
  });

  describe('erasure', () => {
    it('[INB-11] erases content and personal details, leaving a tombstone that still dedupes', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const [one] = await store.items.ingest(
        org.id,
        [
          item('e1', {
            text: 'Photo of my wound attached, I am Jane Doe',
            media: [{ type: 'image', url: 'https://example.org/wound.jpg' }],
            author: { platformAuthorId: 'jane', displayName: 'Jane Doe' },
            labels: ['complaint', 'personal_data'],
            routes: ['pals'],
            triage: { evidence: [{ text: 'Jane Doe' }] },
            dueAt: at(60),
          }),
        ],
        at(1),
      );
      await store.itemWork.addHandoff(org.id, one.id, {
        route: 'pals',
        team: 'PALS',
        sentTo: 'pals@example.nhs.uk',
        sentAt: at(2),
        dueAt: at(600),
        note: 'Jane Doe, wound photo, ward 5',
        by: 'system',
      });
      await store.itemWork.consult(org.id, one.id, {
        colleague: 'ward5@example.nhs.uk',
        question: 'Is Jane Doe still on the ward?',
        askedBy: 'system',
        askedAt: at(2),
      });
      await store.items.setStatus(org.id, one.id, 'handed_off', { at: at(3) });

      const tombstone = await store.items.erase(org.id, one.id, 'system', at(4));
      expect(tombstone).toMatchObject({
        id: one.id,
        externalId: 'e1',
        text: '',
        media: null,
        triage: null,
        authorId: null,
        erasedAt: at(4),
        erasedBy: 'system',
        labels: ['complaint', 'personal_data'],
        routes: ['pals'],
        status: 'handed_off',
        dueAt: at(60),
      });
      const [handoff] = await store.itemWork.handoffs(org.id, one.id);
      expect(handoff).toMatchObject({ sentTo: 'pals@example.nhs.uk', note: null, route: 'pals' });
      const [consultation] = await store.itemWork.consultations(org.id, one.id);
      expect(consultation.question).toBeNull();

      // Erasing again changes nothing; a replayed delivery finds the tombstone and does not restore it.
      expect(await store.items.erase(org.id, one.id, 'system', at(5))).toMatchObject({
        erasedAt: at(4),
      });
      const [replay] = await store.items.ingest(
        org.id,
        [item('e1', { text: 'Photo of my wound attached' })],
        at(6),
      );
      expect(replay).toEqual({ id: one.id, created: false });
      expect((await store.items.get(org.id, one.id))?.text).toBe('');
    });
  });

  describe('authors', () => {
    it('keeps one author per platform identity, links identities, and counts history across platforms', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const results = await store.items.ingest(
        org.id,
        [
          item('h1', {
            platform: 'x',
            author: { platformAuthorId: 'sam_x', displayName: 'Sam' },
            receivedAt: at(1),
          }),
          item('h2', { platform: 'x', author: { platformAuthorId: 'sam_x' }, receivedAt: at(2) }),
          item('h3', {
            platform: 'facebook',
            author: { platformAuthorId: '1001', displayName: 'Sam B' },
            receivedAt: at(3),
          }),
          item('h4', {
            platform: 'x',
            author: { platformAuthorId: 'someone_else' },
            receivedAt: at(4),
          }),
        ],
        at(5),
      );
      const onX = await store.authors.find(org.id, 'x', 'sam_x');
      const onFacebook = await store.authors.find(org.id, 'facebook', '1001');
      expect(onX).toMatchObject({ displayName: 'Sam', doNotEngage: false });
      expect((await store.items.get(org.id, results[1].id))?.authorId).toBe(onX?.id);
      if (!onX || !onFacebook) throw new Error('authors not stored');

      expect(ids(await store.authors.history(org.id, onX.id))).toEqual(['h2', 'h1']);
      expect(await store.authors.link(org.id, onX.id, onFacebook.id)).toBe(true);
      expect(ids(await store.authors.history(org.id, onFacebook.id))).toEqual(['h3', 'h2', 'h1']);
      const identities = await store.authors.identities(org.id, onFacebook.id);
      expect(identities.map((a) => a.platform).sort()).toEqual(['facebook', 'x']);
      expect(new Set(identities.map((a) => a.personId)).size).toBe(1);

      await store.authors.setDoNotEngage(org.id, onFacebook.id, {
        on: true,
        reason: 'Abusive to staff (BSW Appendix A)',
        by: 'system',
        at: at(6),
      });
      expect(await store.authors.context(org.id, onX.id)).toEqual({
        doNotEngage: true,
        reason: 'Abusive to staff (BSW Appendix A)',
        priorItems: 3,
      });
      expect((await store.authors.context(org.id, onX.id, at(3)))?.priorItems).toBe(2);

      const other = await organisation('other');
      expect(await store.authors.get(other.id, onX.id)).toBeNull();
      expect(await store.authors.history(other.id, onX.id)).toEqual([]);
      expect(await store.authors.link(other.id, onX.id, onFacebook.id)).toBe(false);
    });
  });

  describe('work on an item', () => {
    it('records hand-offs, consultations with answers, and checklist steps once', async () => {
      const { store, organisation } = get();
      const org = await organisation();
      const [one] = await store.items.ingest(org.id, [item('w1')], at(1));
      const handoff = await store.itemWork.addHandoff(org.id, one.id, {
        route: 'foi',
        team: 'FOI team',
        sentTo: 'foi@example.nhs.uk',
        sentAt: at(2),
        dueAt: at(60 * 24 * 28),
        by: 'system',
      });
      expect(handoff).toMatchObject({
        itemId: one.id,
        route: 'foi',
        dueAt: at(60 * 24 * 28),
        by: 'system',
      });
      const asked = await store.itemWork.consult(org.id, one.id, {
        colleague: 'estates@example.nhs.uk',
        question: 'Are the car park barriers fixed?',
        askedBy: 'system',
        askedAt: at(2),
        dueAt: at(120),
      });
      expect(await store.itemWork.overdueConsultations(org.id, at(121))).toHaveLength(1);
      expect(
        await store.itemWork.answer(org.id, asked.id, 'Yes, since Monday', at(100)),
      ).toMatchObject({
        answer: 'Yes, since Monday',
        answeredAt: at(100),
      });
      expect(await store.itemWork.answer(org.id, asked.id, 'again', at(101))).toBeNull();
      expect(await store.itemWork.overdueConsultations(org.id, at(121))).toEqual([]);

      expect(
        await store.itemWork.markStepDone(org.id, one.id, 'acknowledge', 'system', at(3)),
      ).toBe(true);
      expect(
        await store.itemWork.markStepDone(org.id, one.id, 'acknowledge', 'system', at(4)),
      ).toBe(false);
      expect(await store.itemWork.stepsDone(org.id, one.id)).toEqual([
        {
          organisationId: org.id,
          itemId: one.id,
          actionId: 'acknowledge',
          doneBy: 'system',
          doneAt: at(3),
        },
      ]);

      const other = await organisation('other');
      await expect(
        store.itemWork.addHandoff(other.id, one.id, {
          route: 'pals',
          team: 'PALS',
          sentTo: 'x@example.nhs.uk',
          sentAt: at(2),
          by: 'system',
        }),
      ).rejects.toThrow(/foreign key/i);
      expect(await store.itemWork.handoffs(other.id, one.id)).toEqual([]);
    });
  });
});
