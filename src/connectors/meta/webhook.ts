/**
 * Meta webhooks (Pages, Instagram, Messenger): the `hub.challenge` handshake and the
 * `X-Hub-Signature-256` check over the raw body, shared by the Facebook and Instagram connectors.
 *
 * Meta signs only the body, with no timestamp: a captured delivery verifies forever. Replays are
 * stopped downstream by the unique (platform, external id) key, not here.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NormalisedItem, WebhookOutcome, WebhookRequest } from '../contract.js';
import { verifyHmacSha256 } from '../signature.js';
import { graphTime } from './graph.js';

/**
 * Answers the subscription handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`.
 * Returns `null` when the request is not a handshake.
 */
export function metaHandshake(
  request: WebhookRequest,
  verifyToken: string | undefined,
): WebhookOutcome | null {
  if (request.method.toUpperCase() !== 'GET') return null;
  const mode = request.query['hub.mode'];
  const token = request.query['hub.verify_token'];
  const challenge = request.query['hub.challenge'];
  if (mode !== 'subscribe' || typeof challenge !== 'string') {
    return {
      kind: 'rejected',
      status: 400,
      reason: 'Unexpected GET, expected a hub.mode=subscribe handshake.',
    };
  }
  if (!verifyToken || typeof token !== 'string' || !constantTimeEqual(token, verifyToken)) {
    return {
      kind: 'rejected',
      status: 403,
      reason: 'The hub.verify_token does not match this desk.',
    };
  }
  return { kind: 'challenge', status: 200, contentType: 'text/plain', body: challenge };
}

/** Compares digests so that strings of unequal length take the same time. */
export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Verifies `X-Hub-Signature-256: sha256=<hex>` over the raw body, then parses the JSON. Returns the
 * parsed body or a rejection outcome; nothing is parsed before the signature matches.
 */
export function verifyMetaDelivery(
  request: WebhookRequest,
  appSecret: string,
): { ok: true; body: unknown } | { ok: false; outcome: WebhookOutcome } {
  if (request.method.toUpperCase() !== 'POST') {
    return {
      ok: false,
      outcome: {
        kind: 'rejected',
        status: 400,
        reason: `Unexpected ${request.method}, expected POST.`,
      },
    };
  }
  const signature = request.headers['x-hub-signature-256'];
  if (!signature) {
    return {
      ok: false,
      outcome: {
        kind: 'rejected',
        status: 401,
        reason: 'Unsigned delivery: no X-Hub-Signature-256 header.',
      },
    };
  }
  if (
    !verifyHmacSha256({
      secret: appSecret,
      payload: request.rawBody,
      signature,
      encoding: 'hex',
      prefix: 'sha256=',
    })
  ) {
    return {
      ok: false,
      outcome: {
        kind: 'rejected',
        status: 401,
        reason: 'The X-Hub-Signature-256 does not match the body.',
      },
    };
  }
  try {
    return { ok: true, body: JSON.parse(request.rawBody.toString('utf8')) as unknown };
  } catch {
    return {
      ok: false,
      outcome: { kind: 'rejected', status: 400, reason: 'The signed body is not valid JSON.' },
    };
  }
}

/** Messenger-platform `messaging` events (Facebook Messenger and Instagram Direct). */
export interface MessagingEvent {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: {
    mid?: string;
    text?: string;
    is_echo?: boolean;
    is_deleted?: boolean;
    reply_to?: { mid?: string };
    attachments?: { type?: string; payload?: { url?: string } }[];
  };
}

export interface MetaEntry {
  id?: string;
  time?: number;
  changes?: { field?: string; value?: Record<string, unknown> }[];
  messaging?: MessagingEvent[];
}

/** `{ object, entry: [...] }`, or `null` when the shape is not Meta's. */
export function metaEntries(body: unknown): { object: string; entries: MetaEntry[] } | null {
  if (!body || typeof body !== 'object') return null;
  const { object, entry } = body as { object?: unknown; entry?: unknown };
  if (typeof object !== 'string' || !Array.isArray(entry)) return null;
  return { object, entries: entry.filter((e): e is MetaEntry => !!e && typeof e === 'object') };
}

/** Maps Messenger attachment types to the desk's media types. */
export function attachmentMedia(
  attachments: { type?: string; payload?: { url?: string } }[] | undefined,
): { type: 'image' | 'video' | 'link' | 'file'; url: string }[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a) => {
    const url = a?.payload?.url;
    if (typeof url !== 'string') return [];
    const type = a.type === 'image' ? 'image' : a.type === 'video' ? 'video' : 'file';
    return [{ type, url }];
  });
}

/** A Messenger-platform `messaging` event as an inbox DM; Facebook and Instagram differ only in platform. */
export function messagingEventItem(
  platform: 'facebook' | 'instagram',
  event: MessagingEvent,
  now: Date,
): NormalisedItem | null {
  const message = event.message;
  const sender = event.sender?.id;
  if (!message?.mid || !sender || message.is_echo || message.is_deleted) return null;
  return {
    platform,
    externalId: message.mid,
    kind: 'dm',
    author: { platformAuthorId: sender, displayName: null },
    conversationId: sender,
    inReplyTo: message.reply_to?.mid ?? null,
    text: message.text ?? '',
    media: attachmentMedia(message.attachments),
    receivedAt: graphTime(event.timestamp, now),
    permalink: null,
  };
}

export interface MetaWebhookOptions {
  platform: 'facebook' | 'instagram';
  /** The `object` this connector subscribes to (`page`, `instagram`); others are acknowledged. */
  object: string;
  /** The desk's own account id: changes and messages from it are the desk's own, not inbound. */
  ownId: string;
  /** A webhook change as an item, or `null` for fields and verbs the connector does not ingest. */
  changeItem: (
    field: string | undefined,
    value: Record<string, unknown>,
    entry: MetaEntry,
  ) => NormalisedItem | null;
  now: Date;
}

/**
 * One Meta webhook delivery, end to end: the frame the Facebook and Instagram webhooks shared
 * (handshake, signature, envelope, own-account filter, `changes` and `messaging` events).
 */
export function metaWebhook(
  request: WebhookRequest,
  secrets: { appSecret: string; verifyToken?: string },
  options: MetaWebhookOptions,
): WebhookOutcome {
  const handshake = metaHandshake(request, secrets.verifyToken);
  if (handshake) return handshake;
  const delivery = verifyMetaDelivery(request, secrets.appSecret);
  if (!delivery.ok) return delivery.outcome;
  const parsed = metaEntries(delivery.body);
  if (!parsed)
    return {
      kind: 'rejected',
      status: 400,
      reason: 'Unexpected body, expected { object, entry: [] }.',
    };
  // Other objects (user, permissions) are acknowledged and ignored so Meta does not retry them.
  if (parsed.object !== options.object) return { kind: 'items', items: [] };

  const items: NormalisedItem[] = [];
  for (const entry of parsed.entries) {
    for (const change of entry.changes ?? []) {
      const value = change.value;
      if (!value) continue;
      const from = value.from as { id?: string } | undefined;
      if (from?.id === options.ownId) continue;
      const item = options.changeItem(change.field, value, entry);
      if (item) items.push(item);
    }
    for (const event of entry.messaging ?? []) {
      if (event.sender?.id === options.ownId) continue;
      const item = messagingEventItem(options.platform, event, options.now);
      if (item) items.push(item);
    }
  }
  return { kind: 'items', items };
}
