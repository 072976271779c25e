/**
 * The connector contract: what every platform folder under `src/connectors/` provides.
 *
 * A connector is an adapter at the edge. It turns a platform's API into normalised inbound items
 * (which the server triages with core and stores idempotently on (platform, external id)) and
 * turns the desk's replies and posts into platform calls. It never decides policy: no triage, no
 * content check, no clock reads of its own — time comes in through `ConnectorDeps.now`.
 *
 * Errors are values the desk can show in words: every failure is a `ConnectorError` naming the
 * platform, the account and what a person should do about it.
 */

/** Platforms as the inbox records them (shared/spec/labels.md) plus the desk's own sandbox. */
export type ConnectorPlatform =
  | 'facebook'
  | 'instagram'
  | 'x'
  | 'linkedin'
  | 'tiktok'
  | 'youtube'
  | 'mastodon'
  | 'bluesky'
  | 'rss'
  | 'viva_engage'
  | 'import'
  | 'webhook'
  | 'sandbox';

/** What a connector can do; the desk hides actions a platform does not offer. */
export interface ConnectorCapabilities {
  poll: boolean;
  webhook: boolean;
  reply: boolean;
  publish: boolean;
  hide: boolean;
  delete: boolean;
  directMessages: boolean;
  /** Keyword or handle searches beyond owned accounts (INB-1 mentions). */
  mentions: boolean;
}

export interface ConnectorManifest {
  platform: ConnectorPlatform;
  /** Shown to people: "Facebook Pages". */
  displayName: string;
  /** The API version the connector targets, e.g. "Graph API v21.0". */
  apiVersion: string;
  /** Link to the platform documentation the connector was written from. */
  docs: string;
  capabilities: ConnectorCapabilities;
}

/** An inbound item as a connector delivers it; the server adds organisation, triage and clocks. */
export interface NormalisedItem {
  platform: ConnectorPlatform;
  /** The platform's own id for the comment, message or post: the idempotency key. */
  externalId: string;
  kind: 'comment' | 'reply' | 'dm' | 'mention' | 'post' | 'review';
  author: { platformAuthorId: string; displayName?: string | null } | null;
  /** Thread or conversation the item belongs to (DM conversation id, parent post id). */
  conversationId: string | null;
  /** The platform id of the item this one answers, when known. */
  inReplyTo?: string | null;
  text: string;
  media: { type: 'image' | 'video' | 'link' | 'file'; url: string; altText?: string | null }[];
  /** When the platform says it was created (ISO 8601 with offset). */
  receivedAt: string;
  /** A link to the item on the platform, for the officer to open. */
  permalink?: string | null;
}

export interface PollResult {
  items: NormalisedItem[];
  /** Opaque; pass back to the next poll. `null` when the platform gives none. */
  cursor: string | null;
}

/** A health state the desk shows beside the account; `reconnect_needed` is raised at once. */
export type ConnectorHealth =
  | { state: 'ok'; checkedAt: string }
  | { state: 'degraded'; checkedAt: string; reason: string; retryAt?: string }
  | { state: 'reconnect_needed'; checkedAt: string; reason: string };

export type ConnectorErrorKind =
  | 'auth_expired'
  | 'auth_revoked'
  | 'permission_missing'
  | 'rate_limited'
  | 'platform_unavailable'
  | 'timeout'
  | 'bad_response'
  | 'rejected'
  | 'not_found'
  | 'config';

/** A failure in words: platform, account, what happened, what to do. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    readonly platform: ConnectorPlatform,
    readonly account: string,
    message: string,
    readonly action: string,
    readonly detail: {
      status?: number;
      platformCode?: string | number;
      platformMessage?: string;
      retryAfterMs?: number;
    } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }

  /** Errors after which retrying later can succeed. */
  get retryable(): boolean {
    return (
      this.kind === 'rate_limited' ||
      this.kind === 'platform_unavailable' ||
      this.kind === 'timeout'
    );
  }
}

/** What a connector is given: credentials (decrypted by the server), HTTP and time. */
export interface ConnectorDeps {
  /** The account's handle or id on the platform, for messages. */
  account: string;
  /** Platform API base URL; tests point it at a local fake server. */
  baseUrl: string;
  /** Credentials as validated by the connector's own schema. */
  credentials: Record<string, unknown>;
  fetch: typeof fetch;
  now: () => Date;
  /** Wait (tests pass a fake that records the delay). */
  sleep: (ms: number) => Promise<void>;
  /** Deterministic jitter source in [0, 1). */
  random?: () => number;
}

export interface PublishRequest {
  /** The desk's own id for the post: connectors use it to find a post a crashed attempt made. */
  clientRef: string;
  text: string;
  media?: NormalisedItem['media'];
  /** Platform id of the item being answered, for replies. */
  inReplyTo?: string | null;
  /** For direct-message replies. */
  conversationId?: string | null;
}

export interface PublishResult {
  platformPostId: string;
  permalink?: string | null;
  /** True when an earlier attempt had already published it (no second post was made). */
  alreadyPublished: boolean;
}

export interface WebhookRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** The raw body bytes exactly as received: signatures are computed over these. */
  rawBody: Buffer;
}

export type WebhookOutcome =
  /** A handshake (Meta hub.challenge, X CRC): answer with this, nothing to ingest. */
  | { kind: 'challenge'; status: number; contentType: string; body: string }
  | { kind: 'items'; items: NormalisedItem[] }
  | { kind: 'rejected'; status: 401 | 403 | 400; reason: string };

export interface Connector {
  readonly manifest: ConnectorManifest;
  poll?(cursor: string | null): Promise<PollResult>;
  /**
   * Verify then parse. Must verify over `rawBody`, in constant time, before parsing anything.
   * `verifyToken` is the token the desk gave the platform for a subscription handshake (Meta's
   * `hub.verify_token`); platforms without one ignore it.
   */
  webhook?(
    request: WebhookRequest,
    secrets: { appSecret: string; verifyToken?: string },
  ): WebhookOutcome;
  publish?(request: PublishRequest): Promise<PublishResult>;
  reply?(request: PublishRequest): Promise<PublishResult>;
  hide?(externalId: string): Promise<void>;
  delete?(externalId: string): Promise<void>;
  /** Ask the platform whether the credentials still work; never throws. */
  health(): Promise<ConnectorHealth>;
}

/** A connector folder's default export. */
export interface ConnectorFactory {
  manifest: ConnectorManifest;
  /** Validates credentials; throws ConnectorError('config') naming the missing field. */
  create(deps: ConnectorDeps): Connector;
}
