/**
 * `commsdesk serve`: open the desk, optionally seed the demo, start the API and/or the worker,
 * and stop cleanly on SIGINT/SIGTERM (the worker finishes its job; the lease covers a hard kill).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import type { Desk, Logger } from './context.js';
import { DEMO_PEOPLE, seedDemo } from './demo.js';
import { openDesk } from './desk.js';
import { jobHandlers } from './jobs/index.js';
import { JobWorker } from './jobs/worker.js';

export interface RunningDesk {
  desk: Desk;
  app: FastifyInstance | null;
  worker: JobWorker | null;
  url: string | null;
  stop(): Promise<void>;
}

/** A logger that writes one JSON line per event to stderr; never bodies or personal data. */
export function jsonLogger(): Logger {
  const write = (level: string) => (obj: object, msg?: string) =>
    process.stderr.write(
      JSON.stringify({ level, time: new Date().toISOString(), msg, ...obj }) + '\n',
    );
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export async function serve(
  config: ServerConfig,
  log: Logger = jsonLogger(),
): Promise<RunningDesk> {
  const { desk, database } = await openDesk(config, { log });
  let demoNote: string | null = null;
  if (config.demo) {
    const { created, password } = await seedDemo(desk);
    demoNote =
      `${created ? 'Created' : 'Using'} the demo organisation "demo". Sign in as any of:\n` +
      DEMO_PEOPLE.map((p) => `    ${p.email.padEnd(28)} ${p.roles.join(', ')}`).join('\n') +
      `\n  password (all demo people): ${password}`;
  }
  let app: FastifyInstance | null = null;
  let url: string | null = null;
  if (config.services.includes('api')) {
    app = await buildApp(desk);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  }
  let worker: JobWorker | null = null;
  if (config.services.includes('worker')) {
    worker = new JobWorker(desk, jobHandlers);
    worker.start();
  }
  const sweep = setInterval(() => {
    void desk.store.sessions.deleteExpired(desk.clock.now()).catch(() => undefined);
  }, 15 * 60_000);
  sweep.unref();

  process.stdout.write(
    `Commsdesk is running (${config.services.join(' + ')}) on ${database.location}\n` +
      (url ? `  desk: ${url}/\n  API docs: ${url}/api/docs\n` : '') +
      (demoNote ? `  ${demoNote}\n` : ''),
  );
  let stopped = false;
  return {
    desk,
    app,
    worker,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(sweep);
      await worker?.stop();
      await app?.close();
      await database.close();
    },
  };
}
