import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';
import { graphCredentialFields } from '../meta/credentials.js';

/** What a connected Instagram professional account needs. */
export const instagramCredentials = z.object({
  /** The Instagram professional account id (IG User id). */
  igUserId: z.string().min(1),
  /** A Page access token for the linked Facebook Page with instagram_basic,
   * instagram_manage_comments and (for DMs) instagram_manage_messages. */
  accessToken: z.string().min(1),
  /** The linked Facebook Page: Instagram Direct goes through the Page's Messenger API. */
  pageId: z.string().min(1).optional(),
  /** appSecret, graphVersion, directMessages (Instagram Direct), lookbackHours, maxPosts. */
  ...graphCredentialFields,
});

export type InstagramCredentials = z.output<typeof instagramCredentials>;

export const INSTAGRAM_ACCOUNT_LABEL = 'Instagram account';

export function readInstagramCredentials(deps: ConnectorDeps): InstagramCredentials {
  return parseCredentials(instagramCredentials, 'instagram', INSTAGRAM_ACCOUNT_LABEL, deps);
}
