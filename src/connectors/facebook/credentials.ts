import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';
import { graphCredentialFields } from '../meta/credentials.js';

/** What a connected Facebook Page needs. Tokens come from the server, already decrypted. */
export const facebookCredentials = z.object({
  /** The Page's numeric id. */
  pageId: z.string().min(1),
  /** A long-lived Page access token with pages_read_engagement, pages_manage_engagement,
   * pages_manage_posts, pages_read_user_content and (for DMs) pages_messaging. */
  pageAccessToken: z.string().min(1),
  /** appSecret, graphVersion, directMessages (Messenger), lookbackHours, maxPosts (feed posts). */
  ...graphCredentialFields,
});

export type FacebookCredentials = z.output<typeof facebookCredentials>;

export const FACEBOOK_ACCOUNT_LABEL = 'Facebook Page';

export function readFacebookCredentials(deps: ConnectorDeps): FacebookCredentials {
  return parseCredentials(facebookCredentials, 'facebook', FACEBOOK_ACCOUNT_LABEL, deps);
}
