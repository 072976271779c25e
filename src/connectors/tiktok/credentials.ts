import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/**
 * A TikTok business account's access token (sent as `Access-Token`, no "Bearer") and its
 * `business_id` (the account's open id). `videosToWatch` bounds how many recent videos are read
 * for comments on each poll.
 */
export const tiktokCredentialsSchema = z.object({
  accessToken: z.string().min(1),
  businessId: z.string().min(1),
  videosToWatch: z.number().int().min(1).max(50).default(10),
});

export type TiktokCredentials = z.infer<typeof tiktokCredentialsSchema>;

export function parseTiktokCredentials(
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): TiktokCredentials {
  return parseCredentials(tiktokCredentialsSchema, 'tiktok', 'TikTok account', deps);
}
