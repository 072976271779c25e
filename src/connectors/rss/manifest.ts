import type { ConnectorManifest } from '../contract.js';

export const manifest: ConnectorManifest = {
  platform: 'rss',
  displayName: 'RSS and Atom feeds',
  apiVersion: 'RSS 2.0, RSS 1.0 (RDF), Atom 1.0 over HTTP conditional GET (RFC 9110)',
  docs: 'https://www.rssboard.org/rss-specification',
  capabilities: {
    poll: true,
    webhook: false,
    reply: false,
    publish: false,
    hide: false,
    delete: false,
    directMessages: false,
    mentions: true,
  },
};
