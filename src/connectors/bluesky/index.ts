/**
 * Bluesky over plain XRPC: mentions, replies and quotes from listNotifications; posts and replies
 * through com.atproto.repo.createRecord, after looking in the account's own repository for an
 * earlier attempt (createRecord has no idempotency key).
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
import { readSinceCursor } from '../since-cursor.js';
import { createXrpc } from './client.js';
import { parseBlueskyCredentials } from './credentials.js';
import { manifest } from './manifest.js';
import {
  INGESTED_REASONS,
  normaliseNotification,
  parseAtUri,
  permalinkFor,
  type BlueskyNotification,
  type PostRecord,
  type StrongRef,
} from './normalise.js';

const PAGE_LIMIT = 50;
const MAX_PAGES = 10;
const POST = 'app.bsky.feed.post';

export function createBlueskyConnector(
  deps: ConnectorDeps,
  options: Partial<HttpClientOptions> = {},
): Connector {
  const credentials = parseBlueskyCredentials(deps);
  const xrpc = createXrpc(deps, credentials, options);

  async function poll(cursor: string | null): Promise<PollResult> {
    // since: indexedAt of the newest notification seen; uris: those at exactly `since` (no repeats on ties).
    const state = readSinceCursor(cursor, 'uris');
    const fresh: BlueskyNotification[] = [];
    let newest = state;
    let pageCursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await xrpc.call<{ cursor?: string; notifications: BlueskyNotification[] }>({
        path: '/xrpc/app.bsky.notification.listNotifications',
        query: { limit: PAGE_LIMIT, cursor: pageCursor, 'reasons[]': [...INGESTED_REASONS] },
        purpose: 'reading notifications',
      });
      const list = res.body?.notifications;
      if (!Array.isArray(list)) {
        throw xrpc.http.error(
          'bad_response',
          'Bluesky sent notifications in an unexpected shape (expected a list).',
        );
      }
      let reachedSeen = false;
      for (const n of list) {
        const older =
          state &&
          (n.indexedAt < state.since ||
            (n.indexedAt === state.since && state.uris.includes(n.uri)));
        if (older) {
          reachedSeen = true;
          continue;
        }
        if (!newest || n.indexedAt > newest.since) newest = { since: n.indexedAt, uris: [n.uri] };
        else if (n.indexedAt === newest.since && !newest.uris.includes(n.uri))
          newest.uris.push(n.uri);
        if ((INGESTED_REASONS as readonly string[]).includes(n.reason) && n.record?.$type === POST)
          fresh.push(n);
      }
      // The first poll reads one page: the desk does not backfill history.
      if (!state || reachedSeen || !res.body.cursor || list.length === 0) break;
      pageCursor = res.body.cursor;
    }
    const items = fresh
      .sort((a, b) => (a.indexedAt < b.indexedAt ? -1 : a.indexedAt > b.indexedAt ? 1 : 0))
      .map(normaliseNotification);
    return { items, cursor: newest ? JSON.stringify(newest) : cursor };
  }

  async function replyRefs(parentUri: string): Promise<{ root: StrongRef; parent: StrongRef }> {
    const res = await xrpc.call<{ posts: { uri: string; cid: string; record: PostRecord }[] }>({
      path: '/xrpc/app.bsky.feed.getPosts',
      query: { 'uris[]': [parentUri] },
      purpose: 'reading the post being answered',
    });
    const parent = res.body?.posts?.[0];
    if (!parent) {
      throw xrpc.http.error(
        'not_found',
        'Bluesky: the post being answered no longer exists.',
        {},
        undefined,
      );
    }
    const parentRef = { uri: parent.uri, cid: parent.cid };
    return { root: parent.record.reply?.root ?? parentRef, parent: parentRef };
  }

  async function findEarlier(did: string, text: string, parentUri: string | null) {
    const res = await xrpc.call<{ records: { uri: string; cid: string; value: PostRecord }[] }>({
      path: '/xrpc/com.atproto.repo.listRecords',
      query: { repo: did, collection: POST, limit: 25 },
      purpose: 'looking for an earlier attempt at this post',
    });
    const since = deps.now().getTime() - EARLIER_ATTEMPT_WINDOW_MS;
    return (
      (res.body?.records ?? []).find(
        (r) =>
          Date.parse(r.value.createdAt) >= since &&
          (r.value.reply?.parent.uri ?? null) === parentUri &&
          sameWords(r.value.text, text),
      ) ?? null
    );
  }

  async function post(request: PublishRequest, parentUri: string | null): Promise<PublishResult> {
    const session = await xrpc.session();
    const handle = session.handle ?? session.did;
    const reply = parentUri ? await replyRefs(parentUri) : undefined;
    const earlier = await findEarlier(session.did, request.text, parentUri);
    if (earlier) {
      return {
        platformPostId: earlier.uri,
        permalink: permalinkFor(earlier.uri, handle),
        alreadyPublished: true,
      };
    }
    const record: PostRecord = {
      $type: POST,
      text: request.text,
      createdAt: deps.now().toISOString(),
      ...(reply ? { reply } : {}),
    };
    const res = await xrpc.call<{ uri: string; cid: string }>({
      method: 'POST',
      path: '/xrpc/com.atproto.repo.createRecord',
      json: { repo: session.did, collection: POST, record },
      purpose: parentUri ? 'posting a reply' : 'publishing a post',
    });
    return {
      platformPostId: res.body.uri,
      permalink: permalinkFor(res.body.uri, handle),
      alreadyPublished: false,
    };
  }

  async function reply(request: PublishRequest): Promise<PublishResult> {
    if (!request.inReplyTo) {
      throw xrpc.http.error(
        'config',
        'A Bluesky reply needs the at:// URI of the post it answers.',
        {},
        'Reply from the item in the inbox.',
      );
    }
    return post(request, request.inReplyTo);
  }

  async function remove(externalId: string): Promise<void> {
    const session = await xrpc.session();
    const parts = parseAtUri(externalId);
    if (!parts || parts.repo !== session.did) {
      throw xrpc.http.error(
        'rejected',
        'Bluesky: only this account’s own posts can be deleted.',
        {},
        'Delete only posts the account made.',
      );
    }
    await xrpc.call({
      method: 'POST',
      path: '/xrpc/com.atproto.repo.deleteRecord',
      json: { repo: parts.repo, collection: parts.collection, rkey: parts.rkey },
      // Deleting twice is harmless.
      idempotent: true,
      purpose: 'deleting a post',
    });
  }

  function health(): Promise<ConnectorHealth> {
    return probeHealth(deps, async () => {
      await xrpc.call({
        path: '/xrpc/com.atproto.server.getSession',
        purpose: 'checking the session',
      });
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

const factory: ConnectorFactory = { manifest, create: (deps) => createBlueskyConnector(deps) };

export default factory;
