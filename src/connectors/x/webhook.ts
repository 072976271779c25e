/**
 * X Account Activity webhooks: the CRC challenge (`crc_token` → `response_token`) and the
 * `x-twitter-webhooks-signature` check (sha256=base64 HMAC of the raw body with the consumer
 * secret). X signs only the body: replays are stopped by the store's unique external id.
 */
import type { NormalisedItem, WebhookOutcome, WebhookRequest } from '../contract.js';
import { hmacSha256, verifyHmacSha256 } from '../signature.js';
import {
  activityDmItem,
  activityTweetItem,
  type ActivityDm,
  type ActivityTweet,
} from './normalise.js';

export function xWebhook(
  request: WebhookRequest,
  secrets: { appSecret: string },
  ownId: string,
  now: Date,
): WebhookOutcome {
  if (request.method.toUpperCase() === 'GET') {
    const token = request.query.crc_token;
    if (!token)
      return { kind: 'rejected', status: 400, reason: 'Unexpected GET, expected a crc_token.' };
    return {
      kind: 'challenge',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        response_token: `sha256=${hmacSha256(secrets.appSecret, token, 'base64')}`,
      }),
    };
  }
  const signature = request.headers['x-twitter-webhooks-signature'];
  if (!signature)
    return {
      kind: 'rejected',
      status: 401,
      reason: 'Unsigned delivery: no x-twitter-webhooks-signature header.',
    };
  if (
    !verifyHmacSha256({
      secret: secrets.appSecret,
      payload: request.rawBody,
      signature,
      encoding: 'base64',
      prefix: 'sha256=',
    })
  ) {
    return {
      kind: 'rejected',
      status: 401,
      reason: 'The x-twitter-webhooks-signature does not match the body.',
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    return { kind: 'rejected', status: 400, reason: 'The signed body is not valid JSON.' };
  }
  if (!body || typeof body !== 'object')
    return { kind: 'rejected', status: 400, reason: 'Unexpected body, expected an object.' };
  const event = body as {
    for_user_id?: string;
    tweet_create_events?: ActivityTweet[];
    direct_message_events?: ActivityDm[];
  };
  // One webhook serves every subscribed account; this connector takes only its own.
  if (event.for_user_id !== ownId) return { kind: 'items', items: [] };
  const items: NormalisedItem[] = [];
  for (const tweet of Array.isArray(event.tweet_create_events) ? event.tweet_create_events : []) {
    if (tweet?.user?.id_str === ownId) continue;
    const item = activityTweetItem(tweet, ownId, now);
    if (item) items.push(item);
  }
  for (const dm of Array.isArray(event.direct_message_events) ? event.direct_message_events : []) {
    if (dm?.message_create?.sender_id === ownId) continue;
    const item = activityDmItem(dm, now);
    if (item) items.push(item);
  }
  return { kind: 'items', items };
}
