/** The storage layer: open a database, migrate it, and work through the repositories. */
export {
  openDatabase,
  redact,
  SQLITE_FILE,
  type DatabaseHandle,
  type OpenOptions,
} from './database.js';
export { migrateToLatest, migrations, MigrationError } from './migrations/index.js';
export { createStore, type Store } from './store.js';
export type { Dialect, StoreContext } from './codec.js';
export * from './model.js';
export {
  canonicalJson,
  chainHash,
  verifyChain,
  GENESIS_HASH,
  type ChainHead,
  type ChainProblem,
  type ChainRow,
  type ChainVerdict,
} from './audit-chain.js';
export {
  recordToChainRow,
  type AuditEntry,
  type AuditHead,
  type AuditRecord,
} from './audit.repository.js';
export { retryAt, MAX_LEASE_MS, DEFAULT_MAX_ATTEMPTS } from './job.repository.js';
export type { TriageUpdate } from './item.repository.js';
export type { ApiToken, Session } from './session.repository.js';
export { publishJobKey, type IgIncident, type PublishAttempt } from './post.repository.js';
export type { CrisisPeriod } from './crisis.repository.js';
export type { Connection, HealthState, NewConnection } from './connection.repository.js';
export * from './oncall.repository.js';
export * from './notification.repository.js';
