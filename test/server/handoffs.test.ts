/**
 * The receiving team's side of a hand-off (INB-8): PALS, FOI and Quality see what was handed to
 * them — and nothing else — take it on with their own case reference, and close it with what
 * happened. The comms team sees the answer on the item; the outcome's words stay out of the
 * audit log and are erased with the item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../store/databases.js';
import { startTestDesk, wireItem, type Client, type TestDesk } from '../helpers/desk.js';

describe.each(DIALECTS)('hand-offs answered by the receiving team (%s)', (dialect) => {
  let t: TestDesk;
  let officer: Client;
  let pals: Client;
  let quality: Client;
  let base: string;
  let n = 0;
  const ingest = async (text: string) => {
    const res = await officer.post(`${base}/items`, { items: [wireItem(`h-${++n}`, text)] });
    expect(res.statusCode).toBe(200);
    return res.json().results[0].id as number;
  };
  const handOff = async (id: number, route: string) => {
    const res = await officer.post(`${base}/items/${id}/handoffs`, { route });
    expect(res.statusCode).toBe(201);
    return res.json().handoff.id as number;
  };

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    officer = await t.as('comms_officer');
    pals = await t.as('pals');
    quality = await t.as('quality');
    base = `/api/orgs/${t.org.slug}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[INB-8] each team sees only its own queue, soonest due first', async () => {
    const complaint = await ingest('I want to complain about how my dad was treated on ward 9');
    const safety = await ingest(
      'The fire door on ward 3 has been propped open with a bin all week',
    );
    const palsHandoff = await handOff(complaint, 'pals');
    await handOff(safety, 'quality');

    const palsQueue = (await pals.get(`${base}/handoffs`)).json().handoffs;
    expect(palsQueue.map((h: { id: number }) => h.id)).toContain(palsHandoff);
    expect(palsQueue.every((h: { route: string }) => h.route === 'pals')).toBe(true);
    expect(palsQueue[0].item.text).toContain('ward 9');

    const qualityQueue = (await quality.get(`${base}/handoffs`)).json().handoffs;
    expect(qualityQueue.map((h: { item: { id: number } }) => h.item.id)).toEqual([safety]);

    // The comms team sees every team's open hand-offs.
    const all = (await officer.get(`${base}/handoffs`)).json().handoffs;
    const routes = new Set(all.map((h: { route: string }) => h.route));
    expect(routes.has('pals') && routes.has('quality')).toBe(true);
    // Someone outside the hand-off teams gets 403.
    const staff = await t.as('staff');
    expect((await staff.get(`${base}/handoffs`)).statusCode).toBe(403);
  });

  it('[INB-8] PALS takes a hand-off on with its case reference and closes it; the comms team sees both', async () => {
    const id = await ingest('Complaint: nobody told us mum had been moved to another ward');
    const hid = await handOff(id, 'pals');
    const accepted = await pals.post(`${base}/items/${id}/handoffs/${hid}/accept`, {
      reference: 'PALS/2026/0412',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().handoff).toMatchObject({ reference: 'PALS/2026/0412' });
    expect(accepted.json().handoff.acceptedAt).toBeTruthy();
    // Taking it on twice is a conflict, not a second record.
    expect((await pals.post(`${base}/items/${id}/handoffs/${hid}/accept`, {})).statusCode).toBe(
      409,
    );

    const empty = await pals.post(`${base}/items/${id}/handoffs/${hid}/close`, { outcome: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('outcome_required');
    const closed = await pals.post(`${base}/items/${id}/handoffs/${hid}/close`, {
      outcome: 'Spoke to the daughter; ward manager apologised for the missed call',
    });
    expect(closed.statusCode).toBe(200);

    const seen = (await officer.get(`${base}/items/${id}`)).json();
    expect(seen.handoffs[0]).toMatchObject({ reference: 'PALS/2026/0412' });
    expect(seen.handoffs[0].closedAt).toBeTruthy();
    expect(seen.handoffs[0].outcome).toContain('apologised');
    // Closed hand-offs leave the open queue and show under the closed ones.
    const open = (await pals.get(`${base}/handoffs`)).json().handoffs;
    expect(open.some((h: { id: number }) => h.id === hid)).toBe(false);
    const done = (await pals.get(`${base}/handoffs?closed=true`)).json().handoffs;
    expect(done.some((h: { id: number }) => h.id === hid)).toBe(true);

    // Audited, without the outcome's words.
    const actions = seen.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['handoff.accept', 'handoff.close']));
    expect(JSON.stringify(seen.history)).not.toContain('apologised');
  });

  it('[INB-8] another receiving team cannot see or answer a hand-off that is not theirs', async () => {
    const id = await ingest('I would like to make a formal complaint about the discharge letter');
    const hid = await handOff(id, 'pals');
    expect((await quality.get(`${base}/items/${id}`)).statusCode).toBe(404);
    const res = await quality.post(`${base}/items/${id}/handoffs/${hid}/accept`, {});
    expect(res.statusCode).toBe(404);
    // A hand-off id under the wrong item is not found either.
    const other = await ingest('Complaint about the car park barrier again');
    expect((await pals.post(`${base}/items/${other}/handoffs/${hid}/accept`, {})).statusCode).toBe(
      404,
    );
  });

  it('[INB-11] erasing the item erases the outcome too', async () => {
    const id = await ingest(
      'Complaint: my neighbour Jo Bloggs at 4 Elm Road was sent home too early',
    );
    const hid = await handOff(id, 'pals');
    await pals.post(`${base}/items/${id}/handoffs/${hid}/close`, {
      outcome: 'Called Jo Bloggs back at home',
    });
    const manager = await t.as('comms_manager');
    const erase = await manager.post(`${base}/items/${id}/erase`, {});
    expect(erase.statusCode).toBeLessThan(300);
    const after = await t.desk.store.itemWork.handoff(t.org.id, hid);
    expect(after?.outcome).toBeNull();
    expect(after?.closedAt).toBeTruthy();
  });
});
