/**
 * Authors through the API: history across platforms once identities are linked, and the
 * do-not-engage marker with its reason, shown with the item's author and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, wireItem, type Client, type TestDesk } from '../helpers/desk.js';

describe.each(['sqlite', 'postgres'] as const)('authors on %s', (dialect) => {
  let t: TestDesk;
  let officer: Client;
  let base: string;
  /** Author ids by wire author id. */
  const authorOf = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    officer = await t.as('comms_officer');
    base = `/api/orgs/${t.org.slug}`;
    const ingest = await officer.post(`${base}/items`, {
      items: [
        wireItem(1, 'Thank you to the maternity team', {
          author: { id: 'fb-jo', name: 'Jo' },
          received_at: '2026-03-02T08:00:00.000Z',
        }),
        wireItem(2, 'Still waiting for a reply about parking', {
          author: { id: 'fb-jo', name: 'Jo' },
          received_at: '2026-03-02T09:00:00.000Z',
        }),
        wireItem(3, 'Parking at the hospital is a scandal', {
          platform: 'x',
          external_id: 'x-3',
          author: { id: 'x-jo', name: '@jo' },
          received_at: '2026-03-02T09:30:00.000Z',
        }),
        wireItem(4, 'Great news about the new scanner', {
          author: { id: 'fb-sam', name: 'Sam' },
        }),
      ],
    });
    expect(ingest.statusCode).toBe(200);
    for (const r of ingest.json().results as { id: number }[]) {
      const item = (await officer.get(`${base}/items/${r.id}`)).json().item;
      const author = await t.desk.store.authors.get(t.org.id, item.author_id);
      authorOf.set(author!.platformAuthorId, item.author_id);
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows an author with their history, newest first', async () => {
    const res = await officer.get(`${base}/authors/${authorOf.get('fb-jo')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.author).toMatchObject({ platform: 'facebook', platform_author_id: 'fb-jo' });
    expect(body.do_not_engage).toEqual({ marked: false });
    expect(body.history.map((i: { text: string }) => i.text)).toEqual([
      'Still waiting for a reply about parking',
      'Thank you to the maternity team',
    ]);
    const page = await officer.get(
      `${base}/authors/${authorOf.get('fb-jo')}?limit=1&before=${encodeURIComponent(body.history[0].received_at)}`,
    );
    expect(page.json().history.map((i: { text: string }) => i.text)).toEqual([
      'Thank you to the maternity team',
    ]);
  });

  it('links identities across platforms: one history, audited', async () => {
    const fb = authorOf.get('fb-jo')!;
    const x = authorOf.get('x-jo')!;
    const res = await officer.post(`${base}/authors/${fb}/links`, { author_id: x });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.platforms).toEqual(['facebook', 'x']);
    expect(body.identities.map((a: { id: number }) => a.id).sort()).toEqual([fb, x].sort());
    expect(body.history.map((i: { platform: string }) => i.platform)).toEqual([
      'x',
      'facebook',
      'facebook',
    ]);
    const fromX = await officer.get(`${base}/authors/${x}`);
    expect(fromX.json().history).toHaveLength(3);
    const audit = await t.desk.store.audit.history(t.org.id, 'author', fb);
    expect(audit.at(-1)?.action).toBe('author.linked');
    const self = await officer.post(`${base}/authors/${fb}/links`, { author_id: fb });
    expect(self.json().error.code).toBe('link_to_self');
  });

  it('[INB-13] marks a person do-not-engage with a reason, shown on every identity, and lifts it', async () => {
    const fb = authorOf.get('fb-jo')!;
    const x = authorOf.get('x-jo')!;
    const marked = await officer.put(`${base}/authors/${x}/do-not-engage`, {
      do_not_engage: true,
      reason: 'Repeated abuse of staff; legal advice is not to reply',
    });
    expect(marked.statusCode).toBe(200);
    const seen = (await officer.get(`${base}/authors/${fb}`)).json();
    expect(seen.do_not_engage).toMatchObject({
      marked: true,
      reason: 'Repeated abuse of staff; legal advice is not to reply',
      by: t.people.comms_officer.id,
      on_author_id: x,
    });
    const audit = await t.desk.store.audit.history(t.org.id, 'author', x);
    expect(audit.at(-1)).toMatchObject({
      action: 'author.do_not_engage',
      actor: t.people.comms_officer.id,
      before: { do_not_engage: false },
      after: { do_not_engage: true },
    });
    // Lifting from any identity lifts it from the person.
    const lifted = await officer.put(`${base}/authors/${fb}/do-not-engage`, {
      do_not_engage: false,
      reason: 'Apology received; engage again',
    });
    expect(lifted.json().do_not_engage).toEqual({ marked: false });
    const after = await t.desk.store.audit.history(t.org.id, 'author', x);
    expect(after.at(-1)?.action).toBe('author.do_not_engage_lifted');
  });

  it('refuses a mark without a reason', async () => {
    const res = await officer.put(`${base}/authors/${authorOf.get('fb-sam')}/do-not-engage`, {
      do_not_engage: true,
      reason: '   ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('reason_required');
  });

  it('[GOV-5] who may see and mark authors; other organisations get 404', async () => {
    const sam = authorOf.get('fb-sam')!;
    const mark = { do_not_engage: true, reason: 'Testing permissions here' };
    expect((await (await t.as('auditor')).get(`${base}/authors/${sam}`)).statusCode).toBe(200);
    expect((await (await t.as('pals')).get(`${base}/authors/${sam}`)).statusCode).toBe(403);
    const auditorMark = await (
      await t.as('auditor')
    ).put(`${base}/authors/${sam}/do-not-engage`, mark);
    expect(auditorMark.statusCode).toBe(403);
    const other = await t.otherOrganisation();
    const stranger = await t.as(other.people.comms_manager.email);
    const res = await stranger.get(`/api/orgs/${other.org.slug}/authors/${sam}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('author_not_found');
    expect((await stranger.get(`${base}/authors/${sam}`)).statusCode).toBe(404);
    const link = await stranger.post(`/api/orgs/${other.org.slug}/authors/${sam}/links`, {
      author_id: authorOf.get('fb-jo'),
    });
    expect(link.statusCode).toBe(404);
  });
});
