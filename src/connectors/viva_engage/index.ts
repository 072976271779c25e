/**
 * Viva Engage (Yammer REST API v1) for internal network moderation (STF-6): polls the chosen
 * groups' messages with `newer_than`, and deletes messages. Yammer ids grow over time, so the
 * cursor keeps the newest id per group.
 */
import {
  type Connector,
  type ConnectorDeps,
  type ConnectorFactory,
  type ConnectorHealth,
  type NormalisedItem,
  type PollResult,
} from '../contract.js';
import {
  createHttpClient,
  probeHealth,
  type HttpClientOptions,
  type PlatformError,
} from '../http.js';
import { parseVivaEngageCredentials } from './credentials.js';
import { manifest } from './manifest.js';
import { normaliseMessage, type YammerMessage, type YammerReference } from './normalise.js';

const MAX_PAGES = 10;

interface MessagesResponse {
  messages: YammerMessage[];
  references?: YammerReference[];
  meta?: { older_available?: boolean };
}

/** Yammer errors: `{"response": {"message", "code", "stat": "fail"}}` or a plain `{"message"}`. */
function classifyError({
  status,
  body,
}: {
  status: number;
  body: unknown;
}): PlatformError | undefined {
  if (status < 400) return undefined;
  const b = (body && typeof body === 'object' ? body : {}) as {
    response?: { message?: string; code?: number };
    message?: string;
  };
  const message = b.response?.message ?? b.message;
  const code = b.response?.code;
  if (status === 401) return { kind: 'auth_expired', code, message };
  return message || code !== undefined ? { code, message } : undefined;
}

const compareIds = (a: string, b: string) =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

function readCursor(cursor: string | null): Record<string, string> {
  if (!cursor) return {};
  try {
    const value = JSON.parse(cursor) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

export function createVivaEngageConnector(
  deps: ConnectorDeps,
  options: Partial<HttpClientOptions> = {},
): Connector {
  const { accessToken, groupIds } = parseVivaEngageCredentials(deps);
  const http = createHttpClient({
    platform: 'viva_engage',
    accountLabel: 'Viva Engage network',
    deps,
    headers: () => ({ authorization: `Bearer ${accessToken}` }),
    classifyError,
    // Yammer limits each user and app to about 10 requests in 10 seconds and sends no Retry-After.
    rateLimitWaitMs: () => 10_000,
    ...options,
  });

  async function pollGroup(groupId: string, newerThan: string | undefined) {
    const messages: YammerMessage[] = [];
    const users = new Map<string, YammerReference>();
    let olderThan: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await http.request<MessagesResponse>({
        path: `/api/v1/messages/in_group/${encodeURIComponent(groupId)}.json`,
        query: { newer_than: newerThan, older_than: olderThan, threaded: false },
        purpose: 'reading group messages',
      });
      const list = res.body?.messages;
      if (!Array.isArray(list)) {
        throw http.error(
          'bad_response',
          'Viva Engage sent messages in an unexpected shape (expected a list).',
        );
      }
      for (const ref of res.body.references ?? [])
        if (ref.type === 'user') users.set(String(ref.id), ref);
      messages.push(...list);
      // The first poll of a group reads one page; after that, page back to the cursor.
      if (!newerThan || list.length === 0 || !res.body.meta?.older_available) break;
      const oldest = list.map((m) => String(m.id)).sort(compareIds)[0];
      if (compareIds(oldest, newerThan) <= 0) break;
      olderThan = oldest;
    }
    return { messages, users };
  }

  async function poll(cursor: string | null): Promise<PollResult> {
    const state = readCursor(cursor);
    const next = { ...state };
    const items: NormalisedItem[] = [];
    for (const groupId of groupIds) {
      const { messages, users } = await pollGroup(groupId, state[groupId]);
      for (const message of messages) {
        const id = String(message.id);
        if (state[groupId] && compareIds(id, state[groupId]) <= 0) continue;
        if (!next[groupId] || compareIds(id, next[groupId]) > 0) next[groupId] = id;
        items.push(normaliseMessage(message, users));
      }
    }
    const unique = [...new Map(items.map((i) => [i.externalId, i])).values()].sort((a, b) =>
      compareIds(a.externalId, b.externalId),
    );
    return { items: unique, cursor: JSON.stringify(next) };
  }

  async function remove(externalId: string): Promise<void> {
    await http.request({
      method: 'DELETE',
      path: `/api/v1/messages/${encodeURIComponent(externalId)}`,
      purpose: 'deleting a message',
    });
  }

  function health(): Promise<ConnectorHealth> {
    return probeHealth(deps, async () => {
      await http.request({ path: '/api/v1/users/current.json', purpose: 'checking the account' });
    });
  }

  return { manifest, poll, delete: remove, health };
}

const factory: ConnectorFactory = { manifest, create: (deps) => createVivaEngageConnector(deps) };

export default factory;
