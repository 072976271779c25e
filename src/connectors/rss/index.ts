/**
 * RSS and Atom feeds: polls one feed with conditional GET and turns new entries into items of
 * kind `post` (the organisation's own feeds) or `mention` (news and alert feeds about it).
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import type {
  Connector,
  ConnectorDeps,
  ConnectorFactory,
  ConnectorHealth,
  PollResult,
} from '../contract.js';
import { probeHealth } from '../http.js';
import { feedError, fetchFeed, type FeedFetchOptions } from './client.js';
import { parseRssCredentials } from './credentials.js';
import { manifest } from './manifest.js';
import { entryId, normaliseEntry } from './normalise.js';
import { xmlProblem } from './xml-check.js';

/** What the cursor remembers between polls. */
interface FeedCursor {
  etag: string | null;
  lastModified: string | null;
  /** Entry ids already delivered, newest last, bounded. */
  seen: string[];
}

const SEEN_LIMIT = 500;

function readCursor(cursor: string | null): FeedCursor {
  if (!cursor) return { etag: null, lastModified: null, seen: [] };
  try {
    const value = JSON.parse(cursor) as Partial<FeedCursor>;
    return {
      etag: typeof value.etag === 'string' ? value.etag : null,
      lastModified: typeof value.lastModified === 'string' ? value.lastModified : null,
      seen: Array.isArray(value.seen)
        ? value.seen.filter((s): s is string => typeof s === 'string')
        : [],
    };
  } catch {
    return { etag: null, lastModified: null, seen: [] };
  }
}

export function createRssConnector(deps: ConnectorDeps, options: FeedFetchOptions = {}): Connector {
  const credentials = parseRssCredentials(deps);
  let feedUrl: string;
  try {
    feedUrl = new URL(credentials.feedUrl, deps.baseUrl || undefined).toString();
  } catch {
    throw feedError(
      deps,
      'config',
      'The feed address is not a valid URL.',
      {},
      'Check the feed address in Accounts.',
    );
  }
  if (!/^https?:\/\//i.test(feedUrl)) {
    throw feedError(
      deps,
      'config',
      'The feed address must start with http:// or https://.',
      {},
      'Check the feed address in Accounts.',
    );
  }
  const auth = { username: credentials.username, password: credentials.password };

  async function poll(cursor: string | null): Promise<PollResult> {
    const state = readCursor(cursor);
    const response = await fetchFeed(deps, feedUrl, state, auth, options);
    if (response.status === 304) {
      return {
        items: [],
        cursor: JSON.stringify({
          ...state,
          etag: response.etag,
          lastModified: response.lastModified,
        }),
      };
    }
    let feed: ReturnType<typeof parseFeed>;
    try {
      feed = parseFeed(response.body);
    } catch (error) {
      const reason =
        (error as { code?: string }).code === 'INVALID_FEED'
          ? 'is not an RSS or Atom feed'
          : 'is not well-formed XML';
      throw feedError(deps, 'bad_response', `The feed's reply ${reason}.`, {
        status: 200,
        platformMessage: error instanceof Error ? error.message.slice(0, 200) : undefined,
      });
    }
    const problem = xmlProblem(response.body);
    if (problem) {
      throw feedError(deps, 'bad_response', "The feed's reply is not well-formed XML.", {
        status: 200,
        platformMessage: problem.slice(0, 200),
      });
    }
    const seen = new Set(state.seen);
    const now = deps.now();
    const items = feed.items
      .filter((item) => !seen.has(entryId(item)))
      .map((item) => normaliseEntry(item, credentials.itemKind, feed.title, now));
    const nextSeen = [
      ...state.seen.filter((id) => feed.items.some((i) => entryId(i) === id)),
      ...items.map((i) => i.externalId),
    ];
    return {
      items,
      cursor: JSON.stringify({
        etag: response.etag,
        lastModified: response.lastModified,
        seen: nextSeen.slice(-SEEN_LIMIT),
      } satisfies FeedCursor),
    };
  }

  function health(): Promise<ConnectorHealth> {
    return probeHealth(
      deps,
      async () => {
        await poll(null);
      },
      (error) => String(error),
    );
  }

  return { manifest, poll, health };
}

const factory: ConnectorFactory = {
  manifest,
  create: (deps) => createRssConnector(deps),
};

export default factory;
