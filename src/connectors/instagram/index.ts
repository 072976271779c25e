import type { ConnectorFactory } from '../contract.js';
import { createInstagramConnector } from './client.js';
import { instagramManifest } from './manifest.js';

/** Instagram: comments, tags (mentions), Direct messages, replies, hide and delete. */
const instagram: ConnectorFactory = {
  manifest: instagramManifest,
  create: createInstagramConnector,
};

export default instagram;
