/**
 * Fixtures for the API tests that publish to the sandbox connector (posts, crisis mode): the
 * sandbox account, the people who draft and approve, an approved post, what the sandbox platform
 * holds for the account, and the audit records of a subject.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import sandbox, { type SandboxConnector } from '../../src/connectors/sandbox/index.js';
import type { Client, TestDesk } from './desk.js';

/** A post the content check passes without warnings. */
export const CLEAN = 'Our new maternity unit opens on Monday. Come and see it.';
export const HANDLE = 'ExampleNHSSandbox';

/** The sandbox account every test publishes to, created on first use (accounts have their own API tests). */
export async function sandboxAccount(t: TestDesk): Promise<number> {
  const existing = await t.desk.store.accounts.byHandle(t.org.id, 'sandbox', HANDLE);
  if (existing) return existing.id;
  const account = await t.desk.store.accounts.create(
    t.org.id,
    {
      platform: 'sandbox',
      handle: HANDLE,
      ownerTeam: 'Communications',
      managers: [t.people.comms_manager.id, t.people.comms_officer.id],
      verificationStatus: 'verified',
    },
    t.clock.now(),
  );
  return account.id;
}

/** The sandbox connector for an account of the desk, reading the desk's own sandbox folder. */
export function sandboxConnector(t: TestDesk, handle = HANDLE): SandboxConnector {
  return sandbox.create({
    account: handle,
    baseUrl: pathToFileURL(join(t.desk.config.dataDir, 'sandbox')).href,
    credentials: {},
    fetch,
    now: () => t.clock.now(),
    sleep: async () => undefined,
  }) as SandboxConnector;
}

/** What the sandbox platform holds for the account. */
export function platformPosts(t: TestDesk) {
  return sandboxConnector(t).posts();
}

/** The organisation's audit records as the auditor sees them, for one subject type and id when given. */
export async function auditActions(t: TestDesk, subjectType?: string, subjectId?: number) {
  const auditor = await t.as('auditor');
  const res = await auditor.get(`/api/orgs/${t.org.slug}/audit`);
  const records = res.json().records as {
    action: string;
    subjectType: string;
    subjectId: string;
    actor: number | string;
    before: unknown;
    after: Record<string, unknown> | null;
  }[];
  return records.filter(
    (r) =>
      (subjectType === undefined || r.subjectType === subjectType) &&
      (subjectId === undefined || r.subjectId === String(subjectId)),
  );
}

/** Who the publishing tests act as, and on which account of the desk. */
export interface Publishing {
  base: string;
  accountId: number;
  officer: Client;
  manager: Client;
}

/** Makes the desk's sandbox account and signs in its comms officer and comms manager. */
export async function publishingSetUp(t: TestDesk): Promise<Publishing> {
  const base = `/api/orgs/${t.org.slug}`;
  const accountId = await sandboxAccount(t);
  const officer = await t.as('comms_officer');
  const manager = await t.as('comms_manager');
  return { base, accountId, officer, manager };
}

/** Draft → submit → approve by the manager (nhs-default: one approver); each answer checked. */
export async function approvePost(
  p: Publishing,
  text = CLEAN,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const created = await p.officer.post(`${p.base}/posts`, {
    account_id: p.accountId,
    text,
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const submitted = await p.officer.post(`${p.base}/posts/${id}/submit`, {});
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await p.manager.post(`${p.base}/posts/${id}/approve`, {});
  expect(approved.json().status, approved.body).toBe('approved');
  return id;
}
