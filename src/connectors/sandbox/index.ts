/**
 * The sandbox platform: a local stand-in for a social network, so a desk can draft, approve,
 * schedule and publish end to end without an account anywhere. What it "publishes" is appended,
 * durably (fsync before returning), to a JSON-lines file per account in a folder: the connector's
 * `baseUrl` is that folder as a `file:` URL. It behaves like a platform whose posts can be looked
 * up by the desk's `clientRef`, so a retried publish finds the earlier post instead of posting
 * twice.
 *
 * @example
 * const sandbox = sandboxFactory.create({ account: 'demo-sandbox',
 *   baseUrl: pathToFileURL('/var/lib/commsdesk/sandbox').href, credentials: {}, fetch, now,
 *   sleep });
 * await sandbox.publish({ clientRef: 'commsdesk-post-12', text: 'Flu clinics open today.' });
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ConnectorError,
  type Connector,
  type ConnectorDeps,
  type ConnectorFactory,
  type ConnectorHealth,
  type PublishRequest,
  type PublishResult,
} from '../contract.js';
import { manifest } from './manifest.js';

/** One line of an account's file. */
export type SandboxRecord =
  | {
      op: 'publish' | 'reply';
      platformPostId: string;
      clientRef: string;
      text: string;
      inReplyTo: string | null;
      conversationId: string | null;
      media: PublishRequest['media'] | null;
      at: string;
    }
  | { op: 'delete'; platformPostId: string; at: string };

/** A post as the sandbox holds it now. */
export interface SandboxPost {
  platformPostId: string;
  clientRef: string;
  kind: 'publish' | 'reply';
  text: string;
  inReplyTo: string | null;
  publishedAt: string;
  deletedAt: string | null;
}

/** The sandbox adds what a real platform offers through search: find a post by the desk's ref. */
export interface SandboxConnector extends Connector {
  publish(request: PublishRequest): Promise<PublishResult>;
  reply(request: PublishRequest): Promise<PublishResult>;
  delete(externalId: string): Promise<void>;
  /** The live (not deleted) post made with `clientRef`, or null. */
  findByClientRef(clientRef: string): Promise<PublishResult | null>;
  /** Every post of the account, in the order made (tests and the demo). */
  posts(): SandboxPost[];
}

function folderOf(deps: ConnectorDeps): string {
  let url: URL;
  try {
    url = new URL(deps.baseUrl);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'file:') {
    throw new ConnectorError(
      'config',
      'sandbox',
      deps.account,
      `Unexpected base URL "${deps.baseUrl}", expected a file: URL of the sandbox folder`,
      'Set the sandbox connection’s base URL to a folder, e.g. file:///var/lib/commsdesk/sandbox.',
    );
  }
  return fileURLToPath(url);
}

function fileName(account: string): string {
  // Handles may hold "@" and other characters; the file name keeps a safe, readable form.
  const safe = account.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '_') || '_';
  return `${safe}.jsonl`;
}

function readRecords(file: string): SandboxRecord[] {
  if (!existsSync(file)) return [];
  const out: SandboxRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as SandboxRecord);
    } catch {
      // A torn last line (power lost mid-write) was never acknowledged: skip it.
    }
  }
  return out;
}

/** Append one line and fsync it before returning: once `publish` resolves, the post exists. */
function appendDurably(file: string, record: SandboxRecord): void {
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, JSON.stringify(record) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function createSandboxConnector(deps: ConnectorDeps): SandboxConnector {
  const folder = folderOf(deps);
  const file = join(folder, fileName(deps.account));
  const permalink = (id: string) => `sandbox://${encodeURIComponent(deps.account)}/${id}`;

  const posts = (): SandboxPost[] => {
    const byId = new Map<string, SandboxPost>();
    for (const r of readRecords(file)) {
      if (r.op === 'delete') {
        const p = byId.get(r.platformPostId);
        if (p && !p.deletedAt) p.deletedAt = r.at;
      } else {
        byId.set(r.platformPostId, {
          platformPostId: r.platformPostId,
          clientRef: r.clientRef,
          kind: r.op,
          text: r.text,
          inReplyTo: r.inReplyTo,
          publishedAt: r.at,
          deletedAt: null,
        });
      }
    }
    return [...byId.values()];
  };

  const find = (clientRef: string): SandboxPost | undefined =>
    posts().find((p) => p.clientRef === clientRef && !p.deletedAt);

  const make = async (op: 'publish' | 'reply', request: PublishRequest): Promise<PublishResult> => {
    if (!request.clientRef) {
      throw new ConnectorError(
        'rejected',
        'sandbox',
        deps.account,
        'Unexpected empty clientRef, expected the desk’s id for the post',
        'Publish through the desk, which always sends one.',
      );
    }
    if (op === 'reply' && !request.inReplyTo && !request.conversationId) {
      throw new ConnectorError(
        'rejected',
        'sandbox',
        deps.account,
        'Unexpected reply without inReplyTo or conversationId, expected the item it answers',
        'Draft the reply from the item it answers.',
      );
    }
    const existing = find(request.clientRef);
    if (existing) {
      return {
        platformPostId: existing.platformPostId,
        permalink: permalink(existing.platformPostId),
        alreadyPublished: true,
      };
    }
    mkdirSync(folder, { recursive: true });
    const n = readRecords(file).filter((r) => r.op !== 'delete').length + 1;
    const platformPostId = `sbx-${n}`;
    appendDurably(file, {
      op,
      platformPostId,
      clientRef: request.clientRef,
      text: request.text,
      inReplyTo: request.inReplyTo ?? null,
      conversationId: request.conversationId ?? null,
      media: request.media ?? null,
      at: deps.now().toISOString(),
    });
    return { platformPostId, permalink: permalink(platformPostId), alreadyPublished: false };
  };

  return {
    manifest,
    publish: (request) => make('publish', request),
    reply: (request) => make('reply', request),
    async delete(externalId: string) {
      const post = posts().find((p) => p.platformPostId === externalId);
      if (!post) {
        throw new ConnectorError(
          'not_found',
          'sandbox',
          deps.account,
          `No sandbox post "${externalId}" on ${deps.account}`,
          'It may have been deleted already; check the account.',
        );
      }
      if (post.deletedAt) return;
      appendDurably(file, {
        op: 'delete',
        platformPostId: externalId,
        at: deps.now().toISOString(),
      });
    },
    async findByClientRef(clientRef: string) {
      const p = find(clientRef);
      return p
        ? {
            platformPostId: p.platformPostId,
            permalink: permalink(p.platformPostId),
            alreadyPublished: true,
          }
        : null;
    },
    posts,
    async health(): Promise<ConnectorHealth> {
      const checkedAt = deps.now().toISOString();
      try {
        mkdirSync(folder, { recursive: true });
        return { state: 'ok', checkedAt };
      } catch (error) {
        return {
          state: 'degraded',
          checkedAt,
          reason: `The sandbox folder cannot be created: ${(error as Error).message}`,
        };
      }
    },
  };
}

/** The sandbox platform's factory (registered in `connectors/registry.ts`). */
const sandbox: ConnectorFactory = {
  manifest,
  create: createSandboxConnector,
};

export default sandbox;
