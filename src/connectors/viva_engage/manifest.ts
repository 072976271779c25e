import type { ConnectorManifest } from '../contract.js';

export const manifest: ConnectorManifest = {
  platform: 'viva_engage',
  displayName: 'Viva Engage (Yammer) groups',
  apiVersion: 'Yammer REST API v1 (Viva Engage)',
  docs: 'https://learn.microsoft.com/en-us/rest/api/yammer/messages-json-get',
  capabilities: {
    poll: true,
    webhook: false,
    reply: false,
    publish: false,
    hide: false,
    delete: true,
    directMessages: false,
    mentions: false,
  },
};
