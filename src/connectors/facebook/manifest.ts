import type { ConnectorManifest } from '../contract.js';
import { GRAPH_API_VERSION } from '../meta/graph.js';

/** Facebook Pages over the Graph API: page comments, visitor posts and Messenger. */
export const facebookManifest: ConnectorManifest = {
  platform: 'facebook',
  displayName: 'Facebook Pages',
  apiVersion: `Graph API ${GRAPH_API_VERSION}`,
  docs: 'https://developers.facebook.com/docs/pages-api',
  capabilities: {
    poll: true,
    webhook: true,
    reply: true,
    publish: true,
    hide: true,
    delete: true,
    directMessages: true,
    mentions: false,
  },
};
