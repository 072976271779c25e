import type { ConnectorFactory } from '../contract.js';
import { createXConnector } from './client.js';
import { xManifest } from './manifest.js';

/** X: mentions, DMs, replies, posts, hide replies, delete own posts. */
const x: ConnectorFactory = {
  manifest: xManifest,
  create: createXConnector,
};

export default x;
