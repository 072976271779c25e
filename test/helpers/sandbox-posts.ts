/**
 * Fixtures for the API tests that publish to the sandbox connector (posts, crisis mode): the
 * sandbox account, what the sandbox platform holds for it, and the audit records of a subject.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sandbox, { type SandboxConnector } from '../../src/connectors/sandbox/index.js';
import type { TestDesk } from './desk.js';

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
