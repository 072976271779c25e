/**
 * Every connector the desk knows, by platform. The server looks a factory up here and calls
 * `create(deps)` with an account's decrypted credentials.
 *
 * One line per platform, alphabetical within each group, so engineers adding connectors do not
 * trip over each other.
 */
import type { ConnectorFactory, ConnectorPlatform } from './contract.js';
import facebook from './facebook/index.js';
import instagram from './instagram/index.js';
import linkedin from './linkedin/index.js';
import sandbox from './sandbox/index.js';
import webhook from './webhook/index.js';
import x from './x/index.js';
// Part B: fediverse, feeds, video platforms, staff network and CSV import.
import bluesky from './bluesky/index.js';
import csvImport from './import/index.js';
import mastodon from './mastodon/index.js';
import rss from './rss/index.js';
import tiktok from './tiktok/index.js';
import vivaEngage from './viva_engage/index.js';
import youtube from './youtube/index.js';

export const connectorRegistry: Partial<Record<ConnectorPlatform, ConnectorFactory>> = {
  facebook,
  instagram,
  linkedin,
  sandbox,
  webhook,
  x,
  bluesky,
  import: csvImport,
  mastodon,
  rss,
  tiktok,
  viva_engage: vivaEngage,
  youtube,
};

/** The factory for `platform`, or `undefined` when the desk has no connector for it. */
export function connectorFor(platform: ConnectorPlatform): ConnectorFactory | undefined {
  return connectorRegistry[platform];
}

/** Platforms that have a connector, in registry order. */
export function connectedPlatforms(): ConnectorPlatform[] {
  return Object.keys(connectorRegistry) as ConnectorPlatform[];
}
