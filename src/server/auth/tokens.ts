/** Random secrets for session ids, CSRF tokens and API tokens, and the hashes stored for them. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** API tokens carry a prefix so a leaked one is recognisable in a secret scanner. */
export const API_TOKEN_PREFIX = 'cdk_';
