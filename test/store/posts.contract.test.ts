import { expect, it } from 'vitest';
import { at, describeEachDatabase, type TestDatabase } from './databases.js';

async function setUpPost(db: TestDatabase) {
  const org = await db.organisation();
  const account = await db.store.accounts.create(
    org.id,
    { platform: 'x', handle: '@trust', ownerTeam: 'comms' },
    at(0),
  );
  const user = await db.store.users.create(
    { email: `author-${org.slug}@example.nhs.uk`, displayName: 'Author' },
    at(0),
  );
  const post = await db.store.posts.create(
    org.id,
    { accountId: account.id, kind: 'post', text: 'Our A&E is busy today.', createdBy: user.id },
    at(1),
  );
  return { org, account, user, post };
}

describeEachDatabase('posts', (get) => {
  it('creates a draft and keeps every edit as a revision (PUB-6)', async () => {
    const db = get();
    const { org, user, post } = await setUpPost(db);
    expect(post).toMatchObject({
      status: 'draft',
      version: 1,
      checkVerdict: null,
      createdBy: user.id,
      createdAt: at(1),
    });

    await db.store.posts.setCheck(
      org.id,
      post.id,
      {
        verdict: 'warn',
        findings: [{ ruleId: 'a11y.emoji' }],
        overrideReason: 'Agreed with the lead',
        version: 1,
      },
      at(2),
    );
    const edited = await db.store.posts.edit(org.id, post.id, {
      text: 'Our emergency department is busy today.',
      by: user.id,
      at: at(3),
      reason: 'Correction: spell out A&E',
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({
      text: 'Our emergency department is busy today.',
      version: 2,
      checkVerdict: null,
      checkFindings: null,
      overrideReason: null,
    });
    // A stale edit or a stale check does not land.
    expect(
      await db.store.posts.edit(org.id, post.id, {
        text: 'late',
        by: user.id,
        at: at(4),
        expectedVersion: 1,
      }),
    ).toBeNull();
    expect(
      await db.store.posts.setCheck(
        org.id,
        post.id,
        { verdict: 'pass', findings: [], version: 1 },
        at(4),
      ),
    ).toBeNull();
    expect(
      await db.store.posts.setCheck(
        org.id,
        post.id,
        { verdict: 'pass', findings: [], version: 2 },
        at(4),
      ),
    ).toMatchObject({
      checkVerdict: 'pass',
      checkFindings: [],
    });

    expect(await db.store.posts.revisions(org.id, post.id)).toEqual([
      {
        postId: post.id,
        organisationId: org.id,
        version: 1,
        text: 'Our A&E is busy today.',
        media: null,
        editedBy: user.id,
        editedAt: at(3),
        reason: 'Correction: spell out A&E',
      },
    ]);
  });

  it('moves status only from the expected status, schedules and publishes once', async () => {
    const db = get();
    const { org, user, post } = await setUpPost(db);
    expect(
      await db.store.posts.setStatus(org.id, post.id, 'approved', {
        at: at(2),
        from: 'awaiting_approval',
      }),
    ).toBeNull();
    await db.store.posts.setStatus(org.id, post.id, 'awaiting_approval', {
      at: at(2),
      from: 'draft',
    });
    await db.store.posts.addApproval(org.id, post.id, {
      userId: user.id,
      decision: 'approved',
      note: 'Fine',
      at: at(3),
    });
    expect(
      (await db.store.posts.approvals(org.id, post.id)).map((a) => [a.userId, a.decision]),
    ).toEqual([[user.id, 'approved']]);
    await db.store.posts.setStatus(org.id, post.id, 'approved', {
      at: at(3),
      from: 'awaiting_approval',
    });
    await db.store.posts.schedule(org.id, post.id, at(60), at(4));
    await db.store.posts.setStatus(org.id, post.id, 'scheduled', { at: at(4), from: ['approved'] });

    expect(await db.store.posts.dueForPublishing(org.id, at(59))).toEqual([]);
    expect((await db.store.posts.dueForPublishing(org.id, at(60))).map((p) => p.id)).toEqual([
      post.id,
    ]);
    expect(
      await db.store.posts.markPublished(org.id, post.id, { platformPostId: '1790', at: at(60) }),
    ).toMatchObject({
      status: 'published',
      platformPostId: '1790',
      publishedAt: at(60),
    });
    // A retried publish job learns the post is already out.
    expect(
      await db.store.posts.markPublished(org.id, post.id, { platformPostId: '1791', at: at(61) }),
    ).toBeNull();
    expect(
      (await db.store.posts.list(org.id, { status: ['published'] })).map((p) => p.platformPostId),
    ).toEqual(['1790']);
  });

  it('redacts personal data from the post and its history, keeping the history (PUB-6)', async () => {
    const db = get();
    const { org, user, post } = await setUpPost(db);
    await db.store.posts.edit(org.id, post.id, {
      text: 'Get well soon, Jane Doe on ward 5',
      by: user.id,
      at: at(2),
    });
    await db.store.posts.edit(org.id, post.id, {
      text: 'Get well soon, Jane',
      by: user.id,
      at: at(3),
    });
    const redacted = await db.store.posts.redact(org.id, post.id, at(4));
    expect(redacted).toMatchObject({ text: '', status: 'withdrawn' });
    const revisions = await db.store.posts.revisions(org.id, post.id);
    expect(revisions.map((r) => [r.version, r.text])).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });

  it('keeps organisations apart', async () => {
    const db = get();
    const { org, user, post } = await setUpPost(db);
    const other = await db.organisation('other');
    expect(await db.store.posts.get(other.id, post.id)).toBeNull();
    expect(await db.store.posts.list(other.id)).toEqual([]);
    expect(
      await db.store.posts.edit(other.id, post.id, { text: 'x', by: user.id, at: at(2) }),
    ).toBeNull();
    expect(
      await db.store.posts.setStatus(other.id, post.id, 'withdrawn', { at: at(2) }),
    ).toBeNull();
    expect(await db.store.posts.redact(other.id, post.id, at(2))).toBeNull();
    await expect(
      db.store.posts.addApproval(other.id, post.id, {
        userId: user.id,
        decision: 'approved',
        at: at(2),
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await db.store.posts.get(org.id, post.id)).toMatchObject({
      status: 'draft',
      text: 'Our A&E is busy today.',
    });
  });
});
