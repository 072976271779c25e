import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/**
 * A Bluesky app password (Settings → App passwords), never the account password. `baseUrl` is
 * the account's PDS (https://bsky.social for most). A session from an earlier run may be passed
 * back in to save a `createSession` (which Bluesky limits to 30 per 5 minutes).
 */
export const blueskyCredentialsSchema = z.object({
  identifier: z.string().min(1),
  appPassword: z.string().min(1),
  accessJwt: z.string().min(1).optional(),
  refreshJwt: z.string().min(1).optional(),
  did: z.string().startsWith('did:').optional(),
});

export type BlueskyCredentials = z.infer<typeof blueskyCredentialsSchema>;

export function parseBlueskyCredentials(
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): BlueskyCredentials {
  return parseCredentials(blueskyCredentialsSchema, 'bluesky', 'Bluesky account', deps);
}
