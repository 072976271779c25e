/**
 * Mastodon: mentions, replies and direct messages from notifications polling; replies and posts
 * with the `Idempotency-Key` header (Mastodon keeps it for an hour), after first looking for the
 * post among the account's recent statuses.
 */
import {
  type Connector,
  type ConnectorDeps,
  type ConnectorFactory,
  type ConnectorHealth,
  type PollResult,
  type PublishRequest,
  type PublishResult,
} from '../contract.js';
import { EARLIER_ATTEMPT_WINDOW_MS, sameWords } from '../earlier-attempt.js';
import { probeHealth, type HttpClientOptions } from '../http.js';
import { compareIds, createMastodonHttp, linkRel } from './client.js';
import { parseMastodonCredentials } from './credentials.js';
import { manifest } from './manifest.js';
import {
  normaliseStatus,
  statusText,
  type MastodonAccount,
  type MastodonNotification,
  type MastodonStatus,
} from './normalise.js';

const PAGE_LIMIT = 40;
const MAX_PAGES = 10;
/** How far back a retried publish looks for its own earlier attempt. */

/**
 * The poll cursor. Without mention queries it is the newest notification id, as it always was;
 * with them, JSON `{n: notification id, q: {query: newest status id}}`.
 */
interface MastodonCursor {
  n: string | null;
  q: Record<string, string>;
}

function readCursor(cursor: string | null): MastodonCursor {
  if (!cursor) return { n: null, q: {} };
  if (!cursor.startsWith('{')) return { n: cursor, q: {} };
  try {
    const value = JSON.parse(cursor) as Partial<MastodonCursor>;
    const q: Record<string, string> = {};
    for (const [k, v] of Object.entries(value.q ?? {})) if (typeof v === 'string') q[k] = v;
    return { n: typeof value.n === 'string' ? value.n : null, q };
  } catch {
    return { n: null, q: {} };
  }
}

export function createMastodonConnector(
  deps: ConnectorDeps,
  options: Partial<HttpClientOptions> = {},
): Connector {
  const { accessToken, mentionQueries } = parseMastodonCredentials(deps);
  const http = createMastodonHttp(deps, accessToken, options);
  let self: MastodonAccount | null = null;

  async function me(): Promise<MastodonAccount> {
    if (self) return self;
    const res = await http.request<MastodonAccount>({
      path: '/api/v1/accounts/verify_credentials',
      purpose: 'checking the account',
    });
    self = res.body;
    return self;
  }

  async function poll(raw: string | null): Promise<PollResult> {
    const state = readCursor(raw);
    const notifications = await pollNotifications(state.n);
    if (mentionQueries.length === 0) return notifications;
    const own = (await me()).id;
    const next: MastodonCursor = { n: notifications.cursor, q: {} };
    const found = new Map(notifications.items.map((i) => [i.externalId, i]));
    for (const query of mentionQueries) {
      const { statuses, newest } = await search(query, state.q[query]);
      if (newest) next.q[query] = newest;
      for (const s of statuses) {
        if (s.account.id === own || found.has(s.id)) continue;
        found.set(s.id, { ...normaliseStatus(s), kind: 'mention' });
      }
    }
    const items = [...found.values()].sort((a, b) => compareIds(a.externalId, b.externalId));
    return { items, cursor: JSON.stringify(next) };
  }

  /**
   * One page of a mention query newer than `since` (min_id: the page right after it, so a busy
   * tag is caught up over the next polls rather than skipped). The first run reads the newest
   * page only: no backfill.
   */
  async function search(
    query: string,
    since: string | undefined,
  ): Promise<{ statuses: MastodonStatus[]; newest: string | undefined }> {
    const tag = /^#([\p{L}\p{N}_]+)$/u.exec(query)?.[1];
    let statuses: MastodonStatus[];
    if (tag) {
      const res = await http.request<MastodonStatus[]>({
        path: `/api/v1/timelines/tag/${encodeURIComponent(tag)}`,
        query: { limit: PAGE_LIMIT, min_id: since },
        purpose: `reading the #${tag} timeline`,
      });
      statuses = res.body;
    } else {
      const res = await http.request<{ statuses?: MastodonStatus[] }>({
        path: '/api/v2/search',
        query: { q: query, type: 'statuses', limit: PAGE_LIMIT, min_id: since },
        purpose: 'searching statuses',
      });
      statuses = res.body?.statuses as MastodonStatus[];
    }
    if (!Array.isArray(statuses)) {
      throw http.error(
        'bad_response',
        'Mastodon sent search results in an unexpected shape (expected a list of statuses).',
      );
    }
    let newest = since;
    for (const s of statuses) if (!newest || compareIds(s.id, newest) > 0) newest = s.id;
    return { statuses, newest };
  }

  async function pollNotifications(cursor: string | null): Promise<PollResult> {
    const statuses: MastodonStatus[] = [];
    let newest = cursor;
    let next: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await http.request<MastodonNotification[]>(
        next
          ? { path: next, purpose: 'reading notifications' }
          : {
              path: '/api/v1/notifications',
              query: { 'types[]': ['mention'], limit: PAGE_LIMIT, min_id: cursor ?? undefined },
              purpose: 'reading notifications',
            },
      );
      if (!Array.isArray(res.body)) {
        throw http.error(
          'bad_response',
          'Mastodon sent notifications in an unexpected shape (expected a list).',
        );
      }
      for (const n of res.body) {
        if (!newest || compareIds(n.id, newest) > 0) newest = n.id;
        if (n.type === 'mention' && n.status) statuses.push(n.status);
      }
      // Without a cursor only the newest page is read: the desk does not backfill history.
      if (!cursor || res.body.length < PAGE_LIMIT) break;
      // With min_id, newer pages are reached through rel="prev".
      next = linkRel(res.headers.get('link'), 'prev');
      if (!next) break;
    }
    const seen = new Set<string>();
    const items = statuses
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .sort((a, b) => compareIds(a.id, b.id))
      .map(normaliseStatus);
    return { items, cursor: newest };
  }

  /** A status this account already posted with this text (and parent), within the window. */
  async function findEarlier(
    text: string,
    inReplyTo: string | null,
  ): Promise<MastodonStatus | null> {
    const account = await me();
    const res = await http.request<MastodonStatus[]>({
      path: `/api/v1/accounts/${encodeURIComponent(account.id)}/statuses`,
      query: { limit: 20, exclude_reblogs: true },
      purpose: 'looking for an earlier attempt at this post',
    });
    const since = deps.now().getTime() - EARLIER_ATTEMPT_WINDOW_MS;
    return (
      (res.body ?? []).find(
        (s) =>
          Date.parse(s.created_at) >= since &&
          (s.in_reply_to_id ?? null) === inReplyTo &&
          sameWords(statusText(s), text),
      ) ?? null
    );
  }

  async function post(request: PublishRequest, inReplyTo: string | null): Promise<PublishResult> {
    let visibility: MastodonStatus['visibility'] = 'public';
    let text = request.text;
    if (inReplyTo) {
      const parent = await http.request<MastodonStatus>({
        path: `/api/v1/statuses/${encodeURIComponent(inReplyTo)}`,
        purpose: 'reading the status being answered',
      });
      visibility = parent.body.visibility;
      // A direct message only reaches the people it mentions.
      if (visibility === 'direct' && !text.includes(`@${parent.body.account.acct}`)) {
        text = `@${parent.body.account.acct} ${text}`;
      }
    }
    const earlier = await findEarlier(text, inReplyTo);
    if (earlier) {
      return {
        platformPostId: earlier.id,
        permalink: earlier.url ?? earlier.uri,
        alreadyPublished: true,
      };
    }
    const res = await http.request<MastodonStatus>({
      method: 'POST',
      path: '/api/v1/statuses',
      headers: { 'idempotency-key': request.clientRef },
      json: { status: text, visibility, ...(inReplyTo ? { in_reply_to_id: inReplyTo } : {}) },
      // Safe to repeat: Mastodon returns the first status for the same Idempotency-Key.
      idempotent: true,
      purpose: inReplyTo ? 'posting a reply' : 'publishing a post',
    });
    return {
      platformPostId: res.body.id,
      permalink: res.body.url ?? res.body.uri,
      alreadyPublished: false,
    };
  }

  async function reply(request: PublishRequest): Promise<PublishResult> {
    if (!request.inReplyTo) {
      throw http.error(
        'config',
        'A Mastodon reply needs the id of the status it answers.',
        {},
        'Reply from the item in the inbox.',
      );
    }
    return post(request, request.inReplyTo);
  }

  async function remove(externalId: string): Promise<void> {
    await http.request({
      method: 'DELETE',
      path: `/api/v1/statuses/${encodeURIComponent(externalId)}`,
      purpose: 'deleting a status',
    });
  }

  function health(): Promise<ConnectorHealth> {
    return probeHealth(deps, async () => {
      self = null;
      await me();
    });
  }

  return {
    manifest,
    poll,
    publish: (request) => post(request, null),
    reply,
    delete: remove,
    health,
  };
}

const factory: ConnectorFactory = { manifest, create: (deps) => createMastodonConnector(deps) };

export default factory;
