import type { ConnectorManifest } from '../contract.js';

export const manifest: ConnectorManifest = {
  platform: 'tiktok',
  displayName: 'TikTok business account comments',
  apiVersion: 'TikTok API for Business v1.3 (Accounts API: business/video, business/comment)',
  docs: 'https://business-api.tiktok.com/portal/docs?id=1771580951798785',
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
