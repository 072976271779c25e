/**
 * Connections: connecting an account to its platform (credentials sealed at rest), building the
 * connector for it, receiving webhook deliveries, and polling. Everything a connector delivers goes
 * through ItemsService.ingest — triaged, stored idempotently on the platform's own ids, audited —
 * and a webhook is acknowledged only after that commit.
 */
import {
  ConnectorError,
  type Connector,
  type ConnectorPlatform,
  type NormalisedItem,
  type WebhookRequest,
} from '../../connectors/contract.js';
import { connectorFor } from '../../connectors/registry.js';
import type { Actor, Connection, IngestResult, Organisation } from '../../store/index.js';
import type { Desk } from '../context.js';
import { badRequest, DeskError, notFound } from '../errors.js';
import { FeedAddressError, feedFetch, vetFeedUrl } from './feed-guard.js';
import { ItemsService, type IncomingItem } from './items.service.js';

export interface ConnectInput {
  accountId: number;
  credentials: Record<string, unknown>;
  /** The app secret or shared secret webhooks are signed with. */
  webhookSecret?: string | null;
  /** The token the platform echoes in its subscription handshake (Meta's hub.verify_token). */
  webhookVerifyToken?: string | null;
  baseUrl?: string | null;
  pollMinutes?: number;
  /** Keyword or handle searches fed into the inbox as kind `mention` (INB-1). */
  mentionQueries?: string[];
}

/** Default API hosts; tests and self-hosted platforms (Mastodon) pass their own. */
const DEFAULT_BASE_URL: Partial<Record<ConnectorPlatform, string>> = {
  facebook: 'https://graph.facebook.com',
  instagram: 'https://graph.facebook.com',
  x: 'https://api.x.com',
  linkedin: 'https://api.linkedin.com',
  // The connectors' paths carry the API prefix (`/youtube/v3/…`, `/api/v1/…`): hosts only here.
  youtube: 'https://www.googleapis.com',
  tiktok: 'https://business-api.tiktok.com',
  bluesky: 'https://bsky.social',
  viva_engage: 'https://www.yammer.com',
  // Mastodon has no default: each organisation names its own instance (base_url). RSS takes the
  // feed's own address from credentials.feedUrl (see `feedAddress`).
};

/** Connectors that run keyword or handle searches (`mention_queries`) beyond their own account. */
export const KEYWORD_SEARCH: ReadonlySet<ConnectorPlatform> = new Set(['mastodon']);

/**
 * An RSS connection's feed address, vetted against SSRF before it is stored: http(s) only and
 * public addresses only (unless COMMSDESK_ALLOW_PRIVATE_FEEDS=1). Returns the base URL to keep.
 */
async function feedAddress(credentials: Record<string, unknown>, baseUrl: string | null) {
  const raw = typeof credentials.feedUrl === 'string' ? credentials.feedUrl : '';
  let resolved: string;
  try {
    resolved = new URL(raw, baseUrl ?? undefined).toString();
  } catch {
    throw badRequest(
      'feed_url_invalid',
      `Unexpected feed address "${raw.slice(0, 200)}", expected an http(s) URL.`,
      [{ path: '/body/credentials/feedUrl', reason: 'not a URL' }],
    );
  }
  try {
    const url = await vetFeedUrl(resolved);
    if (baseUrl) await vetFeedUrl(baseUrl);
    return baseUrl ?? url.origin;
  } catch (error) {
    if (error instanceof FeedAddressError) {
      throw badRequest('feed_url_refused', error.message, [
        { path: '/body/credentials/feedUrl', reason: error.message },
      ]);
    }
    throw error;
  }
}

export function toIncoming(item: NormalisedItem, accountHandle: string | null): IncomingItem {
  return {
    platform: item.platform,
    externalId: item.externalId,
    kind: item.kind,
    text: item.text,
    receivedAt: new Date(item.receivedAt),
    author: item.author,
    account: accountHandle,
    conversationId: item.conversationId,
    media: item.media,
    permalink: item.permalink ?? null,
  };
}

/** Deliveries in flight across all connections; above this a webhook answers 503. */
export const MAX_IN_FLIGHT = 64;

/** Items per group commit of webhook deliveries (ItemsService takes at most MAX_BATCH). */
const GROUP_COMMIT_ITEMS = 500;
/** How long a webhook's connector, handle and unsealed secrets are reused. */
const WEBHOOK_CACHE_MS = 60_000;

interface PendingDelivery {
  items: IncomingItem[];
  keys: string[];
  resolve(results: IngestResult[]): void;
  reject(error: unknown): void;
}

interface PendingBatch {
  org: Organisation;
  deliveries: PendingDelivery[];
  keys: Set<string>;
  count: number;
}

export class ConnectionsService {
  private inFlight = 0;
  private readonly items: ItemsService;
  /** Deliveries waiting for their organisation's next group commit. */
  private readonly pending = new Map<number, PendingBatch>();
  private readonly webhookCache = new Map<
    number,
    {
      key: string;
      until: number;
      connector: Connector;
      handle: string;
      secrets: { appSecret: string; verifyToken?: string };
    }
  >();

  constructor(
    private readonly desk: Desk,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.items = new ItemsService(desk);
  }

  async connect(org: Organisation, input: ConnectInput, actor: Actor): Promise<Connection> {
    const { store, clock, secrets } = this.desk;
    const account = await store.accounts.get(org.id, input.accountId);
    if (!account) throw notFound('account');
    const platform = account.platform as ConnectorPlatform;
    const factory = connectorFor(platform);
    if (!factory) {
      throw badRequest(
        'platform_unsupported',
        `There is no connector for "${account.platform}" yet.`,
        [{ path: '/body/account_id', reason: 'platform has no connector' }],
      );
    }
    const baseUrl =
      platform === 'rss'
        ? await feedAddress(input.credentials, input.baseUrl ?? null)
        : (input.baseUrl ?? DEFAULT_BASE_URL[platform]);
    if (!baseUrl) {
      throw badRequest(
        'base_url_required',
        `Give the ${factory.manifest.displayName} server address (base_url).`,
        [{ path: '/body/base_url', reason: 'required for this platform' }],
      );
    }
    const queries = [...new Set((input.mentionQueries ?? []).map((q) => q.trim()))].filter(Boolean);
    if (queries.length > 0 && !KEYWORD_SEARCH.has(platform)) {
      throw badRequest(
        'mention_queries_unsupported',
        `The ${factory.manifest.displayName} connector cannot search beyond the account's own mentions yet; leave mention_queries out.`,
        [{ path: '/body/mention_queries', reason: 'not supported for this platform' }],
      );
    }
    // Kept with the sealed settings the connector reads (its own schema validates them).
    const credentials =
      queries.length > 0 ? { ...input.credentials, mentionQueries: queries } : input.credentials;
    // Let the connector validate its own credentials now, so a missing field is named at once.
    try {
      factory.create(this.deps(account.handle, baseUrl, credentials, platform));
    } catch (error) {
      if (error instanceof ConnectorError) {
        throw badRequest('credentials_invalid', `${error.message} ${error.action}`, [
          { path: '/body/credentials', reason: error.message },
        ]);
      }
      throw error;
    }
    const at = clock.now();
    return store.transaction(async (tx) => {
      const before = await tx.connections.forAccount(org.id, account.id);
      const c = await tx.connections.upsert(
        org.id,
        {
          accountId: account.id,
          platform,
          baseUrl,
          credentialsSealed: secrets.seal(JSON.stringify(credentials)),
          webhookSecretSealed: input.webhookSecret
            ? secrets.seal(
                JSON.stringify({
                  appSecret: input.webhookSecret,
                  ...(input.webhookVerifyToken ? { verifyToken: input.webhookVerifyToken } : {}),
                }),
              )
            : null,
          ...(input.pollMinutes ? { pollMinutes: input.pollMinutes } : {}),
        },
        at,
      );
      // Never the credentials themselves in the audit log: only that they changed.
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: before ? 'connection.reconnected' : 'connection.created',
        subjectType: 'account',
        subjectId: account.id,
        after: {
          platform,
          baseUrl,
          connectionId: c.id,
          webhook: Boolean(input.webhookSecret),
          ...(queries.length > 0 ? { mentionQueries: queries.length } : {}),
        },
        at,
      });
      if (factory.manifest.capabilities.poll) {
        await tx.jobs.enqueue(
          {
            organisationId: org.id,
            type: 'connection.poll',
            payload: { connectionId: c.id },
            runAt: at,
            uniqueKey: `poll:${c.id}:${at.toISOString()}`,
          },
          at,
        );
      }
      return c;
    });
  }

  private deps(
    account: string,
    baseUrl: string,
    credentials: Record<string, unknown>,
    platform: ConnectorPlatform,
  ) {
    return {
      account,
      baseUrl,
      credentials,
      // Feeds are fetched wherever a person pointed them: only public addresses (feed-guard.ts).
      fetch: platform === 'rss' && this.fetchImpl === fetch ? feedFetch() : this.fetchImpl,
      now: () => this.desk.clock.now(),
      sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 30_000))),
    };
  }

  /** The connector for a connection, with its credentials unsealed for this call only. */
  async connector(connection: Connection): Promise<{ connector: Connector; handle: string }> {
    const account = await this.desk.store.accounts.get(
      connection.organisationId,
      connection.accountId,
    );
    if (!account) throw notFound('account');
    const factory = connectorFor(connection.platform as ConnectorPlatform);
    if (!factory)
      throw new DeskError(500, 'platform_unsupported', `No connector for ${connection.platform}.`);
    const credentials = JSON.parse(this.desk.secrets.open(connection.credentialsSealed)) as Record<
      string,
      unknown
    >;
    return {
      connector: factory.create(
        this.deps(
          account.handle,
          connection.baseUrl,
          credentials,
          connection.platform as ConnectorPlatform,
        ),
      ),
      handle: account.handle,
    };
  }

  /**
   * A webhook delivery. Verified over the raw bytes by the connector before anything is parsed;
   * forged or mis-signed deliveries are refused and counted, nothing is stored. A valid delivery
   * is acknowledged only once its items are committed; when too many deliveries are in flight the
   * answer is 503 with Retry-After, so the platform retries instead of us dropping anything.
   */
  async webhook(
    connectionId: number,
    request: WebhookRequest,
  ): Promise<{ status: number; headers?: Record<string, string>; body: unknown }> {
    const connection = await this.desk.store.connections.byId(connectionId);
    if (!connection)
      return {
        status: 404,
        body: { error: { code: 'connection_not_found', message: 'No such connection.' } },
      };
    const { connector, handle, secrets } = await this.webhookConnector(connection);
    if (!connector.webhook || !secrets) {
      return {
        status: 404,
        body: {
          error: {
            code: 'webhook_not_enabled',
            message: 'Webhooks are not enabled for this connection.',
          },
        },
      };
    }
    const outcome = connector.webhook(request, secrets);
    if (outcome.kind === 'challenge') {
      return {
        status: outcome.status,
        headers: { 'content-type': outcome.contentType },
        body: outcome.body,
      };
    }
    if (outcome.kind === 'rejected') {
      await this.desk.store.connections.countRejection(connection.id);
      // The reason only: never the body, which may hold a member of the public's words.
      this.desk.log.warn(
        {
          connection: connection.id,
          platform: connection.platform,
          status: outcome.status,
          reason: outcome.reason,
        },
        'webhook rejected',
      );
      return {
        status: outcome.status,
        body: { error: { code: 'webhook_rejected', message: outcome.reason } },
      };
    }
    if (this.inFlight >= MAX_IN_FLIGHT) {
      return {
        status: 503,
        headers: { 'retry-after': '5' },
        body: {
          error: { code: 'busy', message: 'The desk is busy; retry shortly. Nothing was stored.' },
        },
      };
    }
    this.inFlight += 1;
    try {
      const org = await this.desk.store.organisations.get(connection.organisationId);
      if (!org)
        return {
          status: 404,
          body: { error: { code: 'connection_not_found', message: 'No such connection.' } },
        };
      const results =
        outcome.items.length > 0
          ? await this.groupCommit(
              org,
              outcome.items.map((i) => toIncoming(i, handle)),
            )
          : [];
      return {
        status: 200,
        body: { received: results.length, created: results.filter((r) => r.created).length },
      };
    } finally {
      this.inFlight -= 1;
    }
  }

  /** The webhook side of a connection, unsealed once a minute rather than per delivery. */
  private async webhookConnector(connection: Connection) {
    const key = `${connection.updatedAt.getTime()}:${connection.credentialsSealed.length}:${connection.webhookSecretSealed ?? ''}`;
    const hit = this.webhookCache.get(connection.id);
    if (hit && hit.key === key && hit.until > Date.now()) return hit;
    const { connector, handle } = await this.connector(connection);
    const secrets = connection.webhookSecretSealed
      ? (JSON.parse(this.desk.secrets.open(connection.webhookSecretSealed)) as {
          appSecret: string;
          verifyToken?: string;
        })
      : null;
    if (!secrets) return { connector, handle, secrets };
    const entry = { key, until: Date.now() + WEBHOOK_CACHE_MS, connector, handle, secrets };
    this.webhookCache.set(connection.id, entry);
    return entry;
  }

  /**
   * Group commit: deliveries verified while the previous commit was running are stored together
   * in one transaction (one fsync) on the next turn of the event loop, and each delivery's
   * promise settles only after that commit — so every acknowledgement still follows a durable
   * commit. A delivery that repeats an id already waiting goes into the following commit (the
   * store then recognises it). If a shared commit fails, each delivery is tried on its own, so
   * one bad delivery cannot fail the others.
   */
  private groupCommit(org: Organisation, items: IncomingItem[]): Promise<IngestResult[]> {
    const keys = items.map((i) => `${i.platform}\u0000${i.externalId}`);
    return new Promise<IngestResult[]>((resolve, reject) => {
      const delivery: PendingDelivery = { items, keys, resolve, reject };
      let batch = this.pending.get(org.id);
      if (
        batch &&
        (batch.count + items.length > GROUP_COMMIT_ITEMS || keys.some((k) => batch!.keys.has(k)))
      ) {
        // Full, or it would hold one platform id twice: commit it now and start the next.
        this.pending.delete(org.id);
        void this.commit(batch);
        batch = undefined;
      }
      if (!batch) {
        batch = { org, deliveries: [], keys: new Set(), count: 0 };
        this.pending.set(org.id, batch);
        const mine = batch;
        setImmediate(() => {
          if (this.pending.get(org.id) === mine) this.pending.delete(org.id);
          void this.commit(mine);
        });
      }
      batch.deliveries.push(delivery);
      batch.count += items.length;
      for (const k of keys) batch.keys.add(k);
    });
  }

  private async commit(batch: PendingBatch & { done?: boolean }): Promise<void> {
    if (batch.done) return;
    batch.done = true;
    const { org, deliveries } = batch;
    try {
      const results = await this.items.ingest(
        org,
        deliveries.flatMap((d) => d.items),
        'system',
      );
      let at = 0;
      for (const d of deliveries) {
        d.resolve(results.slice(at, at + d.items.length));
        at += d.items.length;
      }
    } catch (error) {
      if (deliveries.length === 1) {
        deliveries[0]!.reject(error);
        return;
      }
      for (const d of deliveries) {
        await this.items.ingest(org, d.items, 'system').then(d.resolve, d.reject);
      }
    }
  }

  /** Count a delivery refused before verification (oversized); unknown connections are ignored. */
  async countRefused(connectionId: number): Promise<void> {
    const connection = await this.desk.store.connections.byId(connectionId);
    if (!connection) return;
    await this.desk.store.connections.countRejection(connection.id);
    this.desk.log.warn(
      { connection: connection.id, platform: connection.platform, status: 413 },
      'webhook rejected',
    );
  }

  /**
   * Poll once: fetch what is new since the cursor, ingest it, then move the cursor (after the
   * commit, so a crash in between re-reads items that ingest then recognises). Auth failures mark
   * the connection "reconnect needed" at once.
   */
  async poll(connectionId: number): Promise<{ received: number; created: number }> {
    const { store, clock } = this.desk;
    const connection = await store.connections.byId(connectionId);
    if (!connection) return { received: 0, created: 0 };
    const { connector, handle } = await this.connector(connection);
    if (!connector.poll) return { received: 0, created: 0 };
    const org = await store.organisations.get(connection.organisationId);
    if (!org) return { received: 0, created: 0 };
    try {
      const { items, cursor } = await connector.poll(connection.cursor);
      const results =
        items.length > 0
          ? await this.items.ingest(
              org,
              items.map((i) => toIncoming(i, handle)),
              'system',
            )
          : [];
      await store.connections.setCursor(connection.id, cursor, clock.now());
      if (connection.health.state !== 'ok')
        await store.connections.setHealth(connection.id, { state: 'ok' }, clock.now());
      return { received: results.length, created: results.filter((r) => r.created).length };
    } catch (error) {
      if (error instanceof ConnectorError) {
        const reconnect =
          error.kind === 'auth_expired' ||
          error.kind === 'auth_revoked' ||
          error.kind === 'permission_missing';
        await store.connections.setHealth(
          connection.id,
          {
            state: reconnect ? 'reconnect_needed' : 'degraded',
            reason: `${error.message} ${error.action}`,
          },
          clock.now(),
        );
        if (reconnect) {
          await store.audit.append({
            organisationId: org.id,
            actor: 'system',
            action: 'connection.reconnect_needed',
            subjectType: 'account',
            subjectId: connection.accountId,
            after: { platform: connection.platform, kind: error.kind },
            at: clock.now(),
          });
        }
      }
      throw error;
    }
  }
}
