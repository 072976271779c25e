/**
 * The composition root: open and migrate the database, build the store, the profile cache and
 * the secret box, and register what each capability contributes (ingest hooks, job handlers).
 */
import { createStore, migrateToLatest, openDatabase, type DatabaseHandle } from '../store/index.js';
import { systemClock, type Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import { silentLogger, type Desk, type Logger } from './context.js';
import { ProfileCache } from './profiles.js';
import { registerOncall } from './oncall-hooks.js';
import { keyFromDataDir, secretBox } from './secrets.js';

export interface OpenDeskOptions {
  clock?: Clock;
  log?: Logger;
  /** Extra folders of profile YAML (organisations' own profiles). */
  profileDirs?: string[];
}

export async function openDesk(
  config: ServerConfig,
  options: OpenDeskOptions = {},
): Promise<{ desk: Desk; database: DatabaseHandle }> {
  const database = await openDatabase({
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    dataDir: config.dataDir,
  });
  await migrateToLatest(database.db);
  const store = createStore({ db: database.db, dialect: database.dialect });
  const desk: Desk = {
    store,
    clock: options.clock ?? systemClock,
    config,
    profiles: new ProfileCache(options.profileDirs ?? []),
    secrets: secretBox(config.secretKey ?? keyFromDataDir(config.dataDir)),
    log: options.log ?? silentLogger,
    ingestHooks: [],
  };
  for (const register of deskModules) register(desk);
  return { desk, database };
}

/** Capabilities that hook into the desk (ingest hooks and the like): each adds one line. */
export const deskModules: ((desk: Desk) => void)[] = [registerOncall];
