/**
 * What every service, route and job is given: the store, the clock, the settings and the
 * compiled profiles. Built once in `createDesk` (the composition root) and passed down.
 */
import type { Store } from '../store/index.js';
import type { Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { ProfileCache } from './profiles.js';
import type { SecretBox } from './secrets.js';
import type { Organisation, Item } from '../store/index.js';

/** Runs inside the ingest transaction for the items created in it: jobs committed with them. */
export type IngestHook = (
  tx: Store,
  org: Organisation,
  created: readonly Item[],
  at: Date,
) => Promise<void>;

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Desk {
  store: Store;
  clock: Clock;
  config: ServerConfig;
  profiles: ProfileCache;
  secrets: SecretBox;
  log: Logger;
  /** Listeners other capabilities register (DM acknowledgement, on-call escalation, SLA). */
  ingestHooks: IngestHook[];
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
