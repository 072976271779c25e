import { z } from 'zod';
import type { ConnectorDeps } from '../contract.js';
import { parseCredentials } from '../http.js';
import { LINKEDIN_VERSION } from './manifest.js';

/** What a connected LinkedIn organisation page needs. */
export const linkedinCredentials = z.object({
  /** The organisation's numeric id (from urn:li:organization:{id}). */
  organizationId: z.string().regex(/^\d+$/),
  /** A member token of a page ADMINISTRATOR with r_organization_social, w_organization_social
   * and rw_organization_admin (Community Management API). */
  accessToken: z.string().min(1),
  linkedinVersion: z
    .string()
    .regex(/^\d{6}(\.\d{2})?$/)
    .default(LINKEDIN_VERSION),
  lookbackHours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  /** How many of the organisation's newest posts each poll checks for comments. */
  maxPosts: z.number().int().positive().max(50).default(10),
});

export type LinkedinCredentials = z.output<typeof linkedinCredentials>;

export const LINKEDIN_ACCOUNT_LABEL = 'LinkedIn page';

export function readLinkedinCredentials(deps: ConnectorDeps): LinkedinCredentials {
  return parseCredentials(linkedinCredentials, 'linkedin', LINKEDIN_ACCOUNT_LABEL, deps);
}
