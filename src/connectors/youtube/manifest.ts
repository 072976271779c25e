import type { ConnectorManifest } from '../contract.js';

export const manifest: ConnectorManifest = {
  platform: 'youtube',
  displayName: 'YouTube channel comments',
  apiVersion: 'YouTube Data API v3',
  docs: 'https://developers.google.com/youtube/v3/docs/commentThreads/list',
  capabilities: {
    poll: true,
    webhook: false,
    reply: true,
    publish: false,
    hide: true,
    delete: true,
    directMessages: false,
    mentions: false,
  },
};
