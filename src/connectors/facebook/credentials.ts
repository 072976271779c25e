import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';
import { GRAPH_API_VERSION } from '../meta/graph.js';

/** What a connected Facebook Page needs. Tokens come from the server, already decrypted. */
export const facebookCredentials = z.object({
  /** The Page's numeric id. */
  pageId: z.string().min(1),
  /** A long-lived Page access token with pages_read_engagement, pages_manage_engagement,
   * pages_manage_posts, pages_read_user_content and (for DMs) pages_messaging. */
  pageAccessToken: z.string().min(1),
  /** When set, every call carries `appsecret_proof` (Meta recommends it). */
  appSecret: z.string().min(1).optional(),
  graphVersion: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default(GRAPH_API_VERSION),
  /** Read Messenger conversations as well as comments. */
  directMessages: z.boolean().default(true),
  /** How far back the first poll looks. */
  lookbackHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** How many recent feed posts each poll checks for new comments. */
  maxPosts: z.number().int().positive().max(100).default(25),
});

export type FacebookCredentials = z.output<typeof facebookCredentials>;

export const FACEBOOK_ACCOUNT_LABEL = 'Facebook Page';

export function readFacebookCredentials(deps: ConnectorDeps): FacebookCredentials {
  return parseCredentials(facebookCredentials, 'facebook', FACEBOOK_ACCOUNT_LABEL, deps);
}
