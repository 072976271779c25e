import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/** What a connected X account needs (OAuth 2.0 user context). */
export const xCredentials = z.object({
  /** The account's numeric user id. */
  userId: z.string().regex(/^\d+$/),
  /** OAuth 2.0 user access token with tweet.read, tweet.write, users.read, dm.read, dm.write,
   * tweet.moderate.write. The server refreshes it (offline.access); the connector only uses it. */
  accessToken: z.string().min(1),
  directMessages: z.boolean().default(true),
  lookbackHours: z
    .number()
    .positive()
    .max(24 * 7)
    .default(24),
  /** Pages of 100 mentions read per poll at most. */
  maxPages: z.number().int().positive().max(20).default(5),
});

export type XCredentials = z.output<typeof xCredentials>;

export const X_ACCOUNT_LABEL = 'X account';

export function readXCredentials(deps: ConnectorDeps): XCredentials {
  return parseCredentials(xCredentials, 'x', X_ACCOUNT_LABEL, deps);
}
