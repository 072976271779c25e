/**
 * Automatic acknowledgement of direct messages (INB-3) through the API and the worker: once per
 * conversation, never twice — not for a second message, not for concurrent ingests, not for a
 * retried job — with the profile's template, which passes the content check. SQLite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/core/check/engine.js';
import { renderTemplate } from '../../src/core/triage/templates.js';
import {
  acknowledgementJob,
  ACKNOWLEDGEMENT_JOB,
} from '../../src/server/jobs/acknowledgement.job.js';
import { loadProfile } from '../../src/store/profile-files.js';
import { startTestDesk, wireItem, type TestDesk } from '../helpers/desk.js';
import { sessions } from './notify-fakes.js';

const DM = 'Hello, can someone tell me how to change my appointment?';

describe.each(['sqlite', 'postgres'] as const)('DM acknowledgement (%s)', (dialect) => {
  let t: TestDesk;
  let as: ReturnType<typeof sessions>;
  let base: string;
  let n = 0;
  const dm = (conversation: string | null, extra: Record<string, unknown> = {}) => {
    n += 1;
    return wireItem(`${dialect}-dm-${n}`, DM, {
      kind: 'dm',
      received_at: t.clock.now().toISOString(),
      ...(conversation ? { conversation_id: conversation } : {}),
      ...extra,
    });
  };
  const acknowledgements = async () =>
    (await (await as('comms_officer')).get(`${base}/acknowledgements`)).json().acknowledgements as {
      item_id: number;
      conversation: string;
      text: string;
      template_id: string;
      status: string;
      error: string | null;
    }[];

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    as = sessions(t);
    base = `/api/orgs/${t.org.slug}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('[INB-3] acknowledges the first DM of a conversation with working hours and the website (no account to send from: says so)', async () => {
    const officer = await as('comms_officer');
    const first = await officer.post(`${base}/items`, { items: [dm('conv-a')] });
    await t.worker.drain();
    const acks = await acknowledgements();
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({
      item_id: first.json().results[0].id,
      conversation: 'conv-a',
      template_id: 'dm_auto_acknowledgement',
      // This organisation has no Facebook account in the desk: recorded, not sent, in words.
      status: 'no_account',
      platform_message_id: null,
    });
    expect(acks[0]!.error).toContain('no facebook account');
    expect(acks[0]!.text).toContain('Monday to Friday, 9am to 5pm');
    expect(acks[0]!.text).toContain('https://www.example.nhs.uk/');
    const audit = await t.desk.store.audit.history(
      t.org.id,
      'item',
      String(first.json().results[0].id),
    );
    expect(audit.find((r) => r.action === 'dm.acknowledged')?.after).toMatchObject({
      templateId: 'dm_auto_acknowledgement',
      verdict: expect.stringMatching(/^(pass|warn)$/),
    });
  });

  it('[INB-3] does not acknowledge a second message of the same conversation', async () => {
    const officer = await as('comms_officer');
    await officer.post(`${base}/items`, { items: [dm('conv-a')] });
    t.clock.advance(60 * 60_000);
    await (await as('comms_officer')).post(`${base}/items`, { items: [dm('conv-a')] });
    await t.worker.drain();
    expect((await acknowledgements()).filter((a) => a.conversation === 'conv-a')).toHaveLength(1);
  });

  it('[INB-3] acknowledges once under concurrent ingest of one conversation', async () => {
    const officer = await as('comms_officer');
    const batch = [dm('conv-b'), dm('conv-b')];
    const results = await Promise.all([
      officer.post(`${base}/items`, { items: [dm('conv-b')] }),
      officer.post(`${base}/items`, { items: [dm('conv-b')] }),
      officer.post(`${base}/items`, { items: batch }),
    ]);
    for (const r of results) expect(r.statusCode).toBe(200);
    await t.worker.drain();
    expect((await acknowledgements()).filter((a) => a.conversation === 'conv-b')).toHaveLength(1);
  });

  it('[INB-3] a retried job does not acknowledge twice', async () => {
    const officer = await as('comms_officer');
    await officer.post(`${base}/items`, { items: [dm('conv-c')] });
    const [job] = (await t.desk.store.jobs.list(t.org.id, { type: ACKNOWLEDGEMENT_JOB })).filter(
      (j) => (j.payload as { conversation: string }).conversation === 'conv-c',
    );
    // At least once: the worker ran it, and a crashed attempt makes another run it again.
    await Promise.all([
      acknowledgementJob.perform(t.desk, job!),
      acknowledgementJob.perform(t.desk, job!),
    ]);
    await t.worker.drain();
    await acknowledgementJob.perform(t.desk, job!);
    expect((await acknowledgements()).filter((a) => a.conversation === 'conv-c')).toHaveLength(1);
    const audit = await t.desk.store.audit.export(t.org.id);
    const acked = audit.filter(
      (r) =>
        r.action === 'dm.acknowledged' && (r.after as { platform: string }).platform === 'facebook',
    );
    expect(new Set(acked.map((r) => r.subjectId)).size).toBe(acked.length);
  });

  it('[INB-3] treats DMs without a thread id as one conversation per author, and leaves comments alone', async () => {
    const officer = await as('comms_officer');
    await officer.post(`${base}/items`, {
      items: [
        dm(null, { author: { id: 'dm-author-1' } }),
        dm(null, { author: { id: 'dm-author-1' } }),
        wireItem(`${dialect}-comment-1`, DM, { received_at: t.clock.now().toISOString() }),
      ],
    });
    await t.worker.drain();
    const byAuthor = (await acknowledgements()).filter((a) => a.conversation.startsWith('author:'));
    expect(byAuthor).toHaveLength(1);
    expect(
      (await acknowledgements()).some((a) => a.text === '' || a.conversation.includes('comment')),
    ).toBe(false);
  });
});

describe('DM acknowledgement template', () => {
  it.each(['nhs-default', 'bsw', 'mse', 'sheffield', 'south-tyneside', 'hillingdon'])(
    '[INB-3] passes the content check and fills every placeholder under %s',
    (id) => {
      const resolved = loadProfile(id, []);
      if (!resolved.ok) throw new Error(`profile ${id} does not load`);
      const rendered = renderTemplate('dm_auto_acknowledgement', resolved.profile);
      expect(rendered?.missing).toEqual([]);
      const check = createChecker(resolved.profile).check({
        text: rendered!.text,
        audience: 'corporate',
        media: [],
      });
      expect(check.verdict).not.toBe('block');
    },
  );
});
