/**
 * The X client: polls the mentions timeline (since_id, pagination_token) and DM events; posts,
 * replies, sends DMs, hides replies and deletes the account's own posts.
 */
import {
  ConnectorError,
  type Connector,
  type ConnectorDeps,
  type ConnectorHealth,
  type NormalisedItem,
  type PollResult,
  type PublishRequest,
  type PublishResult,
} from '../contract.js';
import {
  createHttpClient,
  healthFromError,
  parseResetAt,
  type ErrorContext,
  type PlatformError,
} from '../http.js';
import { readXCredentials, X_ACCOUNT_LABEL } from './credentials.js';
import { xManifest } from './manifest.js';
import {
  dmItem,
  tweetItem,
  unescapeXText,
  type XDmEvent,
  type XIncludes,
  type XTweet,
} from './normalise.js';
import { xWebhook } from './webhook.js';

/** How far back a retried post or reply looks for its own earlier attempt. */
export const DUPLICATE_WINDOW_MS = 6 * 60 * 60 * 1000;

const TWEET_FIELDS =
  'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,attachments';
const DM_FIELDS = 'id,text,event_type,created_at,sender_id,dm_conversation_id';

interface XPage<T> {
  data?: T[];
  includes?: XIncludes;
  meta?: { newest_id?: string; oldest_id?: string; result_count?: number; next_token?: string };
}

interface XCursor {
  sinceId?: string;
  dmNewestId?: string;
  since: string;
}

/** Reads X's two error shapes: v2 problems `{title, detail, type}` and `{errors: [{code, message}]}`. */
export function classifyXError(context: ErrorContext): PlatformError | undefined {
  const body = (context.body ?? {}) as {
    title?: string;
    detail?: string;
    type?: string;
    reason?: string;
    errors?: { code?: number; message?: string }[];
  };
  if (typeof body !== 'object') return undefined;
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
  const message = body.detail ?? first?.message ?? body.title;
  const code = first?.code ?? body.reason ?? body.type;
  const base: PlatformError = {
    ...(message ? { message } : {}),
    ...(code !== undefined && code !== 'about:blank' ? { code } : {}),
  };
  const text = `${message ?? ''} ${body.type ?? ''}`.toLowerCase();
  if (context.status === 401 || first?.code === 89 || first?.code === 32) {
    if (text.includes('revoked')) return { ...base, kind: 'auth_revoked' };
    return {
      ...base,
      kind: 'auth_expired',
      action: 'Reconnect the X account in Accounts: its access token has expired or was revoked.',
    };
  }
  if (first?.code === 88 || context.status === 429) return { ...base, kind: 'rate_limited' };
  if (context.status === 403) {
    if (
      /duplicate|not allowed to|not permitted|cannot|can't/.test(text) &&
      !text.includes('client-forbidden')
    ) {
      return { ...base, kind: 'rejected' };
    }
    if (first?.code === 326 || first?.code === 64) {
      return {
        ...base,
        kind: 'auth_revoked',
        action:
          'Sign in to X as the account and clear the lock or suspension, then reconnect it in Accounts.',
      };
    }
    return {
      ...base,
      kind: 'permission_missing',
      action:
        'Reconnect the X account in Accounts and grant every scope the desk asks for; check the X developer App has the access level it needs.',
    };
  }
  return base;
}

/** X's own rate headers: the 24-hour posting cap first, then the 15-minute window. */
export function xRateLimitWaitMs(headers: Headers, now: Date): number | undefined {
  if (headers.get('x-user-limit-24hour-remaining') === '0') {
    const daily = parseResetAt(headers.get('x-user-limit-24hour-reset'), now);
    if (daily !== undefined) return daily;
  }
  return parseResetAt(headers.get('x-rate-limit-reset'), now);
}

function readCursor(cursor: string | null, now: Date, lookbackMs: number): XCursor {
  if (cursor) {
    try {
      const parsed = JSON.parse(cursor) as Partial<XCursor>;
      if (typeof parsed.since === 'string') {
        return {
          since: parsed.since,
          ...(typeof parsed.sinceId === 'string' ? { sinceId: parsed.sinceId } : {}),
          ...(typeof parsed.dmNewestId === 'string' ? { dmNewestId: parsed.dmNewestId } : {}),
        };
      }
    } catch {
      // Start again from the lookback window; the store is idempotent on ids.
    }
  }
  return { since: new Date(now.getTime() - lookbackMs).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

const sameText = (a: string | undefined, b: string) =>
  typeof a === 'string' &&
  unescapeXText(a).replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

export function createXConnector(deps: ConnectorDeps): Connector {
  const creds = readXCredentials(deps);
  const userId = creds.userId;
  const http = createHttpClient({
    platform: 'x',
    accountLabel: X_ACCOUNT_LABEL,
    deps,
    headers: () => ({ authorization: `Bearer ${creds.accessToken}` }),
    classifyError: (context) => (context.status >= 400 ? classifyXError(context) : undefined),
    rateLimitWaitMs: xRateLimitWaitMs,
  });

  async function get<T>(
    path: string,
    query: Record<string, string | number | undefined>,
    purpose: string,
  ) {
    return (await http.request<T>({ path, query, purpose })).body;
  }

  async function pollMentions(
    state: XCursor,
  ): Promise<{ items: NormalisedItem[]; sinceId?: string }> {
    const now = deps.now();
    const items: NormalisedItem[] = [];
    let newest: string | undefined;
    let token: string | undefined;
    for (let page = 0; page < creds.maxPages; page++) {
      const res = await get<XPage<XTweet>>(
        `/2/users/${userId}/mentions`,
        {
          max_results: 100,
          'tweet.fields': TWEET_FIELDS,
          expansions: 'author_id,attachments.media_keys',
          'user.fields': 'username,name',
          'media.fields': 'url,preview_image_url,alt_text,type',
          ...(state.sinceId ? { since_id: state.sinceId } : { start_time: state.since }),
          ...(token ? { pagination_token: token } : {}),
        },
        'reading mentions',
      );
      if (page === 0) newest = res?.meta?.newest_id;
      for (const tweet of res?.data ?? []) {
        if (tweet.author_id === userId) continue;
        items.push(tweetItem(tweet, res.includes ?? {}, userId, now));
      }
      token = res?.meta?.next_token;
      if (!token) break;
    }
    return { items, sinceId: newest ?? state.sinceId };
  }

  async function pollDms(state: XCursor): Promise<{ items: NormalisedItem[]; newestId?: string }> {
    const now = deps.now();
    const since = Date.parse(state.since);
    const items: NormalisedItem[] = [];
    let newestId: string | undefined;
    let token: string | undefined;
    pages: for (let page = 0; page < creds.maxPages; page++) {
      const res = await get<XPage<XDmEvent>>(
        '/2/dm_events',
        {
          event_types: 'MessageCreate',
          'dm_event.fields': DM_FIELDS,
          expansions: 'sender_id',
          'user.fields': 'username,name',
          max_results: 100,
          ...(token ? { pagination_token: token } : {}),
        },
        'reading direct messages',
      );
      const events = res?.data ?? [];
      if (page === 0) newestId = events[0]?.id;
      for (const event of events) {
        // Newest first: stop at the newest event the last poll saw, or the time window.
        if (event.id === state.dmNewestId) break pages;
        if (event.created_at && Date.parse(event.created_at) < since) break pages;
        if (event.sender_id === userId || event.event_type !== 'MessageCreate') continue;
        items.push(dmItem(event, res.includes ?? {}, now));
      }
      token = res?.meta?.next_token;
      if (!token) break;
    }
    return { items, newestId: newestId ?? state.dmNewestId };
  }

  async function findOwnTweet(text: string, inReplyTo: string | null): Promise<XTweet | undefined> {
    const start = new Date(deps.now().getTime() - DUPLICATE_WINDOW_MS)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const res = await get<XPage<XTweet>>(
      `/2/users/${userId}/tweets`,
      {
        max_results: 100,
        start_time: start,
        'tweet.fields': 'created_at,referenced_tweets',
        exclude: 'retweets',
      },
      'checking for an earlier post',
    );
    return (res?.data ?? []).find((t) => {
      const repliedTo = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id ?? null;
      return sameText(t.text, text) && repliedTo === inReplyTo;
    });
  }

  async function postTweet(
    request: PublishRequest,
    inReplyTo: string | null,
  ): Promise<PublishResult> {
    const earlier = await findOwnTweet(request.text, inReplyTo);
    if (earlier) {
      return {
        platformPostId: earlier.id,
        permalink: `https://x.com/i/web/status/${earlier.id}`,
        alreadyPublished: true,
      };
    }
    let created: { data?: { id?: string } };
    try {
      created = (
        await http.request<{ data?: { id?: string } }>({
          method: 'POST',
          path: '/2/tweets',
          json: {
            text: request.text,
            ...(inReplyTo ? { reply: { in_reply_to_tweet_id: inReplyTo } } : {}),
          },
          purpose: inReplyTo ? 'replying to a post' : 'publishing a post',
        })
      ).body;
    } catch (error) {
      // "Duplicate content" after a lost answer means the first attempt did post: find it.
      if (
        error instanceof ConnectorError &&
        error.kind === 'rejected' &&
        /duplicate/i.test(error.detail.platformMessage ?? '')
      ) {
        const found = await findOwnTweet(request.text, inReplyTo);
        if (found) {
          return {
            platformPostId: found.id,
            permalink: `https://x.com/i/web/status/${found.id}`,
            alreadyPublished: true,
          };
        }
      }
      throw error;
    }
    const id = created?.data?.id;
    if (!id) throw http.error('bad_response', 'X accepted the post but returned no id.');
    return {
      platformPostId: id,
      permalink: `https://x.com/i/web/status/${id}`,
      alreadyPublished: false,
    };
  }

  async function sendDm(request: PublishRequest, conversationId: string): Promise<PublishResult> {
    const cutoff = deps.now().getTime() - DUPLICATE_WINDOW_MS;
    const recent = await get<XPage<XDmEvent>>(
      `/2/dm_conversations/${encodeURIComponent(conversationId)}/dm_events`,
      { event_types: 'MessageCreate', 'dm_event.fields': DM_FIELDS, max_results: 50 },
      'checking for an earlier message',
    );
    const earlier = (recent?.data ?? []).find(
      (e) =>
        e.sender_id === userId &&
        sameText(e.text, request.text) &&
        Date.parse(e.created_at ?? '') >= cutoff,
    );
    if (earlier) return { platformPostId: earlier.id, permalink: null, alreadyPublished: true };
    const sent = await http.request<{ data?: { dm_event_id?: string } }>({
      method: 'POST',
      path: `/2/dm_conversations/${encodeURIComponent(conversationId)}/messages`,
      json: { text: request.text },
      purpose: 'sending a direct message',
    });
    const id = sent.body?.data?.dm_event_id;
    if (!id) throw http.error('bad_response', 'X accepted the message but returned no id.');
    return { platformPostId: id, permalink: null, alreadyPublished: false };
  }

  return {
    manifest: xManifest,

    async poll(cursor: string | null): Promise<PollResult> {
      const state = readCursor(cursor, deps.now(), creds.lookbackHours * 3_600_000);
      const mentions = await pollMentions(state);
      const dms = creds.directMessages
        ? await pollDms(state)
        : { items: [], newestId: state.dmNewestId };
      const items = [...mentions.items, ...dms.items];
      const newest = items.reduce(
        (max, i) => Math.max(max, Date.parse(i.receivedAt)),
        Date.parse(state.since),
      );
      const next: XCursor = {
        since: new Date(newest).toISOString(),
        ...(mentions.sinceId ? { sinceId: mentions.sinceId } : {}),
        ...(dms.newestId ? { dmNewestId: dms.newestId } : {}),
      };
      return { items, cursor: JSON.stringify(next) };
    },

    webhook: (request, secrets) => xWebhook(request, secrets, userId, deps.now()),

    async reply(request: PublishRequest): Promise<PublishResult> {
      if (!request.inReplyTo && request.conversationId)
        return sendDm(request, request.conversationId);
      if (!request.inReplyTo) {
        throw http.error(
          'rejected',
          'An X reply needs the post or conversation it answers.',
          {},
          'Open the item in the inbox and reply from there.',
        );
      }
      return postTweet(request, request.inReplyTo);
    },

    publish: (request: PublishRequest) => postTweet(request, null),

    async hide(externalId: string): Promise<void> {
      await http.request({
        method: 'PUT',
        path: `/2/tweets/${encodeURIComponent(externalId)}/hidden`,
        json: { hidden: true },
        purpose: 'hiding a reply',
      });
    },

    async delete(externalId: string): Promise<void> {
      await http.request({
        method: 'DELETE',
        path: `/2/tweets/${encodeURIComponent(externalId)}`,
        purpose: 'deleting a post',
      });
    },

    async health(): Promise<ConnectorHealth> {
      try {
        await http.request({ path: '/2/users/me', purpose: 'checking the X connection' });
        return { state: 'ok', checkedAt: deps.now().toISOString() };
      } catch (error) {
        return healthFromError(error, deps.now());
      }
    },
  };
}
