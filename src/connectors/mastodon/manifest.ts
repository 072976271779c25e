import type { ConnectorManifest } from '../contract.js';

export const manifest: ConnectorManifest = {
  platform: 'mastodon',
  displayName: 'Mastodon',
  apiVersion: 'Mastodon REST API v1 (Mastodon 4.x)',
  docs: 'https://docs.joinmastodon.org/methods/notifications/',
  capabilities: {
    poll: true,
    webhook: false,
    reply: true,
    publish: true,
    hide: false,
    delete: true,
    directMessages: true,
    mentions: true,
  },
};
