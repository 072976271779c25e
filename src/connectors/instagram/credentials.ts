import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';
import { GRAPH_API_VERSION } from '../meta/graph.js';

/** What a connected Instagram professional account needs. */
export const instagramCredentials = z.object({
  /** The Instagram professional account id (IG User id). */
  igUserId: z.string().min(1),
  /** A Page access token for the linked Facebook Page with instagram_basic,
   * instagram_manage_comments and (for DMs) instagram_manage_messages. */
  accessToken: z.string().min(1),
  /** The linked Facebook Page: Instagram Direct goes through the Page's Messenger API. */
  pageId: z.string().min(1).optional(),
  appSecret: z.string().min(1).optional(),
  graphVersion: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default(GRAPH_API_VERSION),
  directMessages: z.boolean().default(true),
  lookbackHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  maxPosts: z.number().int().positive().max(100).default(25),
});

export type InstagramCredentials = z.output<typeof instagramCredentials>;

export const INSTAGRAM_ACCOUNT_LABEL = 'Instagram account';

export function readInstagramCredentials(deps: ConnectorDeps): InstagramCredentials {
  return parseCredentials(instagramCredentials, 'instagram', INSTAGRAM_ACCOUNT_LABEL, deps);
}
