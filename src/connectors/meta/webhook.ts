/**
 * Meta webhooks (Pages, Instagram, Messenger): the `hub.challenge` handshake and the
 * `X-Hub-Signature-256` check over the raw body, shared by the Facebook and Instagram connectors.
 *
 * Meta signs only the body, with no timestamp: a captured delivery verifies forever. Replays are
 * stopped downstream by the unique (platform, external id) key, not here.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { WebhookOutcome, WebhookRequest } from '../contract.js';
import { verifyHmacSha256 } from '../signature.js';

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
