import type { ConnectorManifest } from '../contract.js';

/** CSV import: no API, nothing to poll; the desk calls `importCsv` on an uploaded file. */
export const manifest: ConnectorManifest = {
  platform: 'import',
  displayName: 'CSV import (Brandwatch, Orlo, Sprout Social, Hootsuite)',
  apiVersion: 'CSV exports (RFC 4180), column mappings as of 2025',
  docs: 'https://www.rfc-editor.org/rfc/rfc4180',
  capabilities: {
    poll: false,
    webhook: false,
    reply: false,
    publish: false,
    hide: false,
    delete: false,
    directMessages: false,
    mentions: false,
  },
};
