import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

export const rssCredentialsSchema = z.object({
  /** The feed's address; a path is resolved against the connector's base URL. */
  feedUrl: z.string().min(1),
  /** `mention` for news or alert feeds about the organisation; `post` (default) for its own feeds. */
  itemKind: z.enum(['post', 'mention']).default('post'),
  /** Optional HTTP Basic credentials for private feeds. */
  username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
});

export type RssCredentials = z.infer<typeof rssCredentialsSchema>;

/** Validates credentials; a missing or wrong field throws ConnectorError('config') naming it. */
export function parseRssCredentials(
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): RssCredentials {
  return parseCredentials(rssCredentialsSchema, 'rss', 'feed', deps);
}
