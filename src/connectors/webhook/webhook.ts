/**
 * The generic signed webhook. A delivery carries
 *   X-Commsdesk-Timestamp: <unix seconds>
 *   X-Commsdesk-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
 * Signing the timestamp with the body lets the desk refuse replays older than the tolerance,
 * which Meta's and X's body-only signatures cannot.
 */
import type { WebhookOutcome, WebhookRequest } from '../contract.js';
import { verifyHmacSha256 } from '../signature.js';
import type { WebhookCredentials } from './credentials.js';
import { toNormalised, webhookItem } from './normalise.js';

export const TIMESTAMP_HEADER = 'x-commsdesk-timestamp';
export const SIGNATURE_HEADER = 'x-commsdesk-signature';

export function genericWebhook(
  request: WebhookRequest,
  secrets: { appSecret: string },
  settings: WebhookCredentials,
  now: Date,
): WebhookOutcome {
  if (request.method.toUpperCase() !== 'POST') {
    return {
      kind: 'rejected',
      status: 400,
      reason: `Unexpected ${request.method}, expected POST.`,
    };
  }
  const timestamp = request.headers[TIMESTAMP_HEADER];
  const signature = request.headers[SIGNATURE_HEADER];
  if (!timestamp || !signature) {
    return {
      kind: 'rejected',
      status: 401,
      reason: `Unsigned delivery: expected ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER}.`,
    };
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return {
      kind: 'rejected',
      status: 401,
      reason: `Unexpected ${TIMESTAMP_HEADER}, expected Unix seconds.`,
    };
  }
  const signed = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), request.rawBody]);
  if (
    !verifyHmacSha256({
      secret: secrets.appSecret,
      payload: signed,
      signature,
      encoding: 'hex',
      prefix: 'sha256=',
    })
  ) {
    return {
      kind: 'rejected',
      status: 401,
      reason: `The ${SIGNATURE_HEADER} does not match the timestamp and body.`,
    };
  }
  // Checked after the signature so an attacker cannot probe the clock with unsigned requests.
  const ageSeconds = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (ageSeconds > settings.toleranceSeconds) {
    return {
      kind: 'rejected',
      status: 401,
      reason: `The delivery is ${Math.round(ageSeconds)} s from the desk's clock, more than the ${settings.toleranceSeconds} s allowed (a replay or a wrong clock).`,
    };
  }

  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    return { kind: 'rejected', status: 400, reason: 'The signed body is not valid JSON.' };
  }
  if (!Array.isArray(body)) {
    return {
      kind: 'rejected',
      status: 400,
      reason: 'Unexpected body, expected a JSON array of items.',
    };
  }
  if (body.length > settings.maxItems) {
    return {
      kind: 'rejected',
      status: 400,
      reason: `Unexpected ${body.length} items, expected at most ${settings.maxItems} per delivery.`,
    };
  }
  const problems: string[] = [];
  const items = [];
  for (const [index, raw] of body.entries()) {
    const parsed = webhookItem.safeParse(raw);
    if (parsed.success) {
      items.push(toNormalised(parsed.data));
      continue;
    }
    // Name the field and the rule, never the value: items carry personal data.
    for (const issue of parsed.error.issues.slice(0, 3)) {
      problems.push(
        `item ${index}: ${issue.path.join('.') || '(item)'} ${issue.code.replace(/_/g, ' ')}`,
      );
    }
  }
  if (problems.length > 0) {
    return {
      kind: 'rejected',
      status: 400,
      reason: `Nothing was accepted: ${problems.slice(0, 10).join('; ')}.`,
    };
  }
  const ids = new Set(items.map((i) => i.externalId));
  if (ids.size !== items.length) {
    return {
      kind: 'rejected',
      status: 400,
      reason: 'Nothing was accepted: two items share an id.',
    };
  }
  return { kind: 'items', items };
}
