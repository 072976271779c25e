import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/** An access token from the instance (scopes `read write`); the instance URL is `deps.baseUrl`. */
export const mastodonCredentialsSchema = z.object({
  accessToken: z.string().min(1),
});

export type MastodonCredentials = z.infer<typeof mastodonCredentialsSchema>;

export function parseMastodonCredentials(
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): MastodonCredentials {
  return parseCredentials(mastodonCredentialsSchema, 'mastodon', 'Mastodon account', deps);
}
