import type { ConnectorFactory } from '../contract.js';
import { createLinkedinConnector } from './client.js';
import { linkedinManifest } from './manifest.js';

/** LinkedIn organisation pages: comments, @mentions, comment replies, posts, delete comments. */
const linkedin: ConnectorFactory = {
  manifest: linkedinManifest,
  create: createLinkedinConnector,
};

export default linkedin;
