import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, type ConnectorDeps } from '../../src/connectors/contract.js';
import { connectorFor } from '../../src/connectors/registry.js';
import sandbox, { type SandboxConnector } from '../../src/connectors/sandbox/index.js';

let dir: string;
const now = new Date('2026-03-02T10:00:00.000Z');

function deps(extra: Partial<ConnectorDeps> = {}): ConnectorDeps {
  return {
    account: '@demo-sandbox',
    baseUrl: pathToFileURL(dir).href,
    credentials: {},
    fetch,
    now: () => now,
    sleep: async () => undefined,
    ...extra,
  };
}

const open = (extra: Partial<ConnectorDeps> = {}) =>
  sandbox.create(deps(extra)) as SandboxConnector;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commsdesk-sandbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('sandbox connector', () => {
  it('is registered for the sandbox platform and declares what it can do', () => {
    expect(connectorFor('sandbox')).toBe(sandbox);
    expect(sandbox.manifest.capabilities).toMatchObject({
      publish: true,
      reply: true,
      delete: true,
    });
  });

  it('publishes durably: a new connector (a restarted desk) finds the post by clientRef', async () => {
    const first = await open().publish({
      clientRef: 'commsdesk-post-1',
      text: 'Flu clinics open.',
    });
    expect(first).toMatchObject({ platformPostId: 'sbx-1', alreadyPublished: false });
    const again = open();
    expect(await again.findByClientRef('commsdesk-post-1')).toMatchObject({
      platformPostId: 'sbx-1',
    });
    expect(await again.findByClientRef('commsdesk-post-2')).toBeNull();
    const lines = readFileSync(join(dir, '_demo-sandbox.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ op: 'publish', clientRef: 'commsdesk-post-1' });
  });

  it('never posts twice for one clientRef (a retried publish)', async () => {
    const c = open();
    await c.publish({ clientRef: 'commsdesk-post-7', text: 'One post.' });
    const retry = await c.publish({ clientRef: 'commsdesk-post-7', text: 'One post.' });
    expect(retry).toMatchObject({ platformPostId: 'sbx-1', alreadyPublished: true });
    expect(c.posts()).toHaveLength(1);
  });

  it('replies need the item they answer', async () => {
    const c = open();
    await expect(c.reply({ clientRef: 'commsdesk-post-3', text: 'Thank you.' })).rejects.toThrow(
      /without inReplyTo/,
    );
    const r = await c.reply({
      clientRef: 'commsdesk-post-3',
      text: 'Thank you.',
      inReplyTo: 'fb-1',
    });
    expect(r.alreadyPublished).toBe(false);
    expect(c.posts()[0]).toMatchObject({ kind: 'reply', inReplyTo: 'fb-1' });
  });

  it('deletes a post; deleting an unknown post is a not_found error in words', async () => {
    const c = open();
    const p = await c.publish({ clientRef: 'commsdesk-post-4', text: 'Oops.' });
    await c.delete(p.platformPostId);
    expect(await c.findByClientRef('commsdesk-post-4')).toBeNull();
    expect(c.posts()[0]!.deletedAt).toBe(now.toISOString());
    await c.delete(p.platformPostId); // twice is harmless
    const err = await c.delete('sbx-99').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'not_found', platform: 'sandbox' });
  });

  it('refuses a base URL that is not a folder, saying what to set', () => {
    expect(() => open({ baseUrl: 'https://example.org/' })).toThrow(/expected a file: URL/);
  });

  it('reports health', async () => {
    expect(await open().health()).toEqual({ state: 'ok', checkedAt: now.toISOString() });
  });
});
