import type { ConnectorFactory } from '../contract.js';
import { createFacebookConnector } from './client.js';
import { facebookManifest } from './manifest.js';

/** Facebook Pages: comments, visitor posts, Messenger, replies, posts, hide and delete. */
const facebook: ConnectorFactory = {
  manifest: facebookManifest,
  create: createFacebookConnector,
};

export default facebook;
