/**
 * Polling through the desk: the worker polls a connected Facebook Page on a local fake Graph API,
 * items land in the inbox triaged, a second poll adds nothing twice, and a revoked token turns the
 * connection to "reconnect needed" at once (the officer sees it, not days later).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMeta, type FakeMeta } from '../fakes/meta.js';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

const PAGE = '2200';
const TOKEN = 'page-token-poll';

let t: TestDesk;
let fake: FakeMeta;
let connectionId: number;

beforeAll(async () => {
  t = await startTestDesk({ now: new Date('2026-05-01T12:00:00Z') });
  fake = await startFakeMeta({ tokens: { [TOKEN]: { actorId: PAGE } } });
  fake.objects.set(PAGE, { id: PAGE, name: 'Trust Page' });
  const own = {
    id: `${PAGE}_1`,
    message: 'Flu clinics open this weekend',
    created_time: '2026-04-30T09:00:00+0000',
    updated_time: '2026-05-01T11:00:00+0000',
    from: { id: PAGE, name: 'Trust Page' },
  };
  fake.addEdge(`${PAGE}/feed`, own);
  fake.addEdge(`${PAGE}/posts`, own);
  fake.addEdge(
    `${PAGE}_1/comments`,
    {
      id: `${PAGE}_1_c2`,
      message: 'Do I need to book for the flu jab?',
      created_time: '2026-05-01T11:00:00+0000',
      from: { id: '502', name: 'Commenter B' },
    },
    {
      id: `${PAGE}_1_c1`,
      message: 'Brilliant staff at the Saturday clinic, thank you',
      created_time: '2026-05-01T10:00:00+0000',
      from: { id: '503', name: 'Commenter A' },
    },
  );
  const account = await t.desk.store.accounts.create(
    t.org.id,
    {
      platform: 'facebook',
      handle: 'TrustPage',
      ownerTeam: 'Communications',
      managers: [t.people.comms_manager.id, t.people.comms_officer.id],
    },
    t.clock.now(),
  );
  const it = await t.as('it');
  const res = await it.post(`/api/orgs/${t.org.slug}/connections`, {
    account_id: account.id,
    credentials: { pageId: PAGE, pageAccessToken: TOKEN, directMessages: false },
    base_url: fake.url,
  });
  expect(res.statusCode).toBe(201);
  connectionId = res.json().connection.id;
});
afterAll(async () => {
  await fake.close();
  await t.close();
});

describe('polling a connected account', () => {
  it('[INB-1] the worker polls the page and the comments arrive in the inbox, triaged', async () => {
    expect(await t.worker.drain(5)).toBeGreaterThan(0);
    const officer = await t.as('comms_officer');
    const inbox = (await officer.get(`/api/orgs/${t.org.slug}/inbox?limit=50`)).json().items as {
      external_id: string;
      labels: string[];
    }[];
    const ids = inbox.map((i) => i.external_id).sort();
    expect(ids).toEqual([`${PAGE}_1_c1`, `${PAGE}_1_c2`]);
    expect(inbox.find((i) => i.external_id === `${PAGE}_1_c1`)!.labels).toContain('praise');
    // The next poll is scheduled.
    const jobs = await t.desk.store.jobs.list(t.org.id, { status: ['queued'] });
    expect(jobs.some((j) => j.type === 'connection.poll')).toBe(true);
  });

  it('polling again stores nothing twice', async () => {
    t.clock.advance(6 * 60_000);
    await t.worker.drain(5);
    expect(await t.desk.store.items.count(t.org.id)).toBe(2);
  });

  it('a revoked token marks the connection "reconnect needed" at once and is audited', async () => {
    fake.inject({
      status: 401,
      body: {
        error: {
          message: 'Error validating access token: The user has not authorized application.',
          type: 'OAuthException',
          code: 190,
          error_subcode: 460,
        },
      },
      times: 50,
    });
    t.clock.advance(6 * 60_000);
    await t.worker.drain(5);
    const officer = await t.as('comms_officer');
    const list = (await officer.get(`/api/orgs/${t.org.slug}/connections`)).json().connections;
    const c = list.find((x: { id: number }) => x.id === connectionId);
    expect(c.health.state).toBe('reconnect_needed');
    expect(c.health.reason).toMatch(/Reconnect/i);
    const audit = await t.desk.store.audit.export(t.org.id);
    expect(audit.map((r) => r.action)).toContain('connection.reconnect_needed');
  });
});
