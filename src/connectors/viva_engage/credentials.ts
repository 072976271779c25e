import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';

/**
 * A Viva Engage (Yammer) access token — a Microsoft Entra token for the Yammer resource, or a
 * legacy Yammer developer token — of a network admin or verified admin (deleting others'
 * messages needs one), and the ids of the groups (communities) to moderate.
 */
export const vivaEngageCredentialsSchema = z.object({
  accessToken: z.string().min(1),
  groupIds: z.array(z.union([z.string().min(1), z.number().int()]).transform(String)).min(1),
});

export type VivaEngageCredentials = z.infer<typeof vivaEngageCredentialsSchema>;

export function parseVivaEngageCredentials(
  deps: Pick<ConnectorDeps, 'account' | 'credentials'>,
): VivaEngageCredentials {
  return parseCredentials(vivaEngageCredentialsSchema, 'viva_engage', 'Viva Engage network', deps);
}
