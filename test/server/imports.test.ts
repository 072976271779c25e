/**
 * Importing another tool's CSV export through the API: a preview that stores nothing, then an
 * import that stores every good row (triaged), lists every bad row by row and column, and adds
 * nothing when the same file is imported again.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

const orlo = readFileSync(new URL('../fixtures/imports/orlo.csv', import.meta.url), 'utf8');

let t: TestDesk;
beforeAll(async () => {
  t = await startTestDesk();
});
afterAll(async () => {
  await t.close();
});

const send = async (role: 'comms_officer' | 'pals', url: string, body: string) => {
  const c = await t.as(role);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'text/csv' },
    payload: body,
  });
};

describe('CSV import', () => {
  it('previews the mapping and the bad rows without storing anything', async () => {
    const res = await send('comms_officer', `/api/orgs/${t.org.slug}/imports/orlo/preview`, orlo);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.mapping.text).toBe('Message');
    expect(body.rows.some((r: { errors: unknown[] }) => r.errors.length > 0)).toBe(true);
    expect(await t.desk.store.items.count(t.org.id)).toBe(0);
  });

  it('[INB-1] imports every good row, names every bad one, and importing again adds nothing', async () => {
    const first = await send('comms_officer', `/api/orgs/${t.org.slug}/imports/orlo`, orlo);
    expect(first.statusCode).toBe(200);
    const a = first.json();
    expect(a.created).toBeGreaterThanOrEqual(2);
    expect(a.errors.length).toBeGreaterThanOrEqual(2);
    for (const e of a.errors) expect(e.row).toBeGreaterThan(1);
    // The bad rows' errors never quote the message text.
    expect(JSON.stringify(a.errors)).not.toContain('Lovely photo');
    const again = (
      await send('comms_officer', `/api/orgs/${t.org.slug}/imports/orlo`, orlo)
    ).json();
    expect(again.created).toBe(0);
    expect(again.repeats).toBe(a.created + a.repeats);
    const inbox = (
      await (await t.as('comms_officer')).get(`/api/orgs/${t.org.slug}/inbox?limit=50`)
    ).json().items;
    expect(inbox.length).toBe(a.created);
    expect(
      inbox.every((i: { labels: unknown[]; due_at: unknown }) => Array.isArray(i.labels)),
    ).toBe(true);
  });

  it('refuses an empty body, an unknown source, and people who may not add to the inbox', async () => {
    expect(
      (await send('comms_officer', `/api/orgs/${t.org.slug}/imports/orlo`, ' ')).json().error.code,
    ).toBe('csv_required');
    expect(
      (await send('comms_officer', `/api/orgs/${t.org.slug}/imports/excel`, orlo)).statusCode,
    ).toBe(400);
    expect((await send('pals', `/api/orgs/${t.org.slug}/imports/orlo`, orlo)).statusCode).toBe(403);
  });
});
