import type { ConnectorManifest } from '../contract.js';

export const manifest: ConnectorManifest = {
  platform: 'bluesky',
  displayName: 'Bluesky',
  apiVersion: 'AT Protocol XRPC (com.atproto.*, app.bsky.* lexicons, 2025)',
  docs: 'https://docs.bsky.app/docs/category/http-reference',
  capabilities: {
    poll: true,
    webhook: false,
    reply: true,
    publish: true,
    hide: false,
    delete: true,
    directMessages: false,
    mentions: true,
  },
};
