/**
 * HMAC-SHA256 signatures for webhooks, verified over the raw body bytes in constant time.
 *
 * Meta (`X-Hub-Signature-256: sha256=<hex>`), X (`x-twitter-webhooks-signature: sha256=<base64>`)
 * and the desk's generic webhook all sign with HMAC-SHA256. Verify before parsing: a body with
 * non-ASCII text no longer matches after `JSON.parse` → `JSON.stringify`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureEncoding = 'hex' | 'base64';

/** HMAC-SHA256 of `payload` with `secret`, encoded as hex or base64. */
export function hmacSha256(
  secret: string | Buffer,
  payload: string | Buffer,
  encoding: SignatureEncoding,
): string {
  return createHmac('sha256', secret).update(payload).digest(encoding);
}

function decode(signature: string, encoding: SignatureEncoding): Buffer | null {
  if (encoding === 'hex') {
    if (!/^[0-9a-fA-F]{64}$/.test(signature)) return null;
    return Buffer.from(signature, 'hex');
  }
  // Standard or URL-safe base64 of 32 bytes is 43 characters plus optional padding.
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(signature)) return null;
  return Buffer.from(signature, 'base64');
}

export interface VerifyOptions {
  secret: string | Buffer;
  /** The exact bytes the platform signed. */
  payload: Buffer | string;
  /** The header value as received, e.g. `sha256=ab12…`; missing → false. */
  signature: string | undefined | null;
  encoding: SignatureEncoding;
  /** A prefix the header carries before the digest, e.g. `sha256=`. */
  prefix?: string;
}

/**
 * True when `signature` is the HMAC-SHA256 of `payload`. Compares decoded bytes with
 * `crypto.timingSafeEqual`; a missing, malformed or wrong-length signature is simply false.
 */
export function verifyHmacSha256(options: VerifyOptions): boolean {
  const { secret, payload, signature, encoding, prefix = '' } = options;
  if (typeof signature !== 'string' || secret.length === 0) return false;
  const trimmed = signature.trim();
  if (prefix && !trimmed.toLowerCase().startsWith(prefix.toLowerCase())) return false;
  const given = decode(trimmed.slice(prefix.length), encoding);
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(payload).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
