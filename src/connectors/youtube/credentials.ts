import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/**
 * An OAuth 2.0 access token with the `youtube.force-ssl` scope (the server refreshes it with
 * Google and passes the current one in) and the channel's id (`UC…`).
 */
export const youtubeCredentialsSchema = z.object({
  accessToken: z.string().min(1),
  channelId: z.string().min(1),
});

export type YoutubeCredentials = z.infer<typeof youtubeCredentialsSchema>;

export function parseYoutubeCredentials(
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): YoutubeCredentials {
  return parseCredentials(youtubeCredentialsSchema, 'youtube', 'YouTube channel', deps);
}
