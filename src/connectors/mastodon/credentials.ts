import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/** An access token from the instance (scopes `read write`); the instance URL is `deps.baseUrl`. */
export const mastodonCredentialsSchema = z.object({
  accessToken: z.string().min(1),
  /**
   * Searches beyond the account's own mentions (INB-1): `#tag` reads the tag timeline, anything
   * else is a status search (`/api/v2/search`). Results arrive as kind `mention`.
   */
  mentionQueries: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
});

export type MastodonCredentials = z.infer<typeof mastodonCredentialsSchema>;

export function parseMastodonCredentials(
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): MastodonCredentials {
  return parseCredentials(mastodonCredentialsSchema, 'mastodon', 'Mastodon account', deps);
}
