import type { ConnectorManifest } from '../contract.js';
import { GRAPH_API_VERSION } from '../meta/graph.js';

/** Instagram professional accounts over the Instagram Graph API (Facebook Login). */
export const instagramManifest: ConnectorManifest = {
  platform: 'instagram',
  displayName: 'Instagram',
  apiVersion: `Graph API ${GRAPH_API_VERSION} (Instagram Graph API with Facebook Login)`,
  docs: 'https://developers.facebook.com/docs/instagram-platform/instagram-graph-api',
  capabilities: {
    poll: true,
    webhook: true,
    reply: true,
    // Instagram has no text-only posts: publishing needs an image or video container.
    publish: false,
    hide: true,
    delete: true,
    directMessages: true,
    mentions: true,
  },
};
