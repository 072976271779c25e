import type { ConnectorManifest } from '../contract.js';

/** The LinkedIn-Version header this connector was written against (YYYYMM). */
export const LINKEDIN_VERSION = '202609';

/** LinkedIn organisation pages over the Community Management API (versioned REST). */
export const linkedinManifest: ConnectorManifest = {
  platform: 'linkedin',
  displayName: 'LinkedIn Pages',
  apiVersion: `LinkedIn Community Management API, LinkedIn-Version ${LINKEDIN_VERSION}, Rest.li 2.0.0`,
  docs: 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/',
  capabilities: {
    poll: true,
    webhook: false,
    reply: true,
    publish: true,
    // LinkedIn's API offers no hiding of comments.
    hide: false,
    delete: true,
    directMessages: false,
    mentions: true,
  },
};
