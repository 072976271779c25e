/** `commsdesk serve` — run the desk: API and workers on embedded SQLite or PostgreSQL. */
import { ConfigError, loadConfig } from '../server/config.js';
import { serve } from '../server/serve.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  dataDir?: string;
  services?: string;
  demo?: boolean;
  databaseUrl?: string;
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  let config;
  try {
    config = loadConfig({
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.host !== undefined ? { host: opts.host } : {}),
      ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
      ...(opts.services !== undefined ? { services: opts.services } : {}),
      demo: opts.demo ?? false,
      env: opts.databaseUrl ? { ...process.env, DATABASE_URL: opts.databaseUrl } : process.env,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`commsdesk serve: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const running = await serve(config);
  const stop = (signal: string) => {
    process.stdout.write(`\nStopping (${signal})…\n`);
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
