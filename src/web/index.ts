/**
 * The web desk: server-rendered pages on the NHS.UK design system (`nhsuk-frontend`'s own Nunjucks
 * macros through @fastify/view), progressively enhanced by small browser modules. Every page and
 * form works without JavaScript. Pages are rendered from the services and the store's read
 * methods — never a business rule of their own — and forms post with the session's CSRF token.
 *
 * Everything here lives in one encapsulated Fastify context, so its view engine, static assets and
 * HTML error pages never touch the JSON API's.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import type { FastifyError, FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import type { Desk } from '../server/context.js';
import type { DeskError } from '../server/errors.js';
import { serveLiveCheck } from './client-bundle.js';
import { liveCheckLocals } from './live-check.js';
import { advicePages } from './pages/advice.js';
import { auditPages } from './pages/audit.js';
import { authPages } from './pages/auth.js';
import { checkPages } from './pages/check.js';
import { calendarPages } from './pages/calendar.js';
import { crisisPages } from './pages/crisis.js';
import { handoffPages } from './pages/handoffs.js';
import { inboxPages } from './pages/inbox.js';
import { itemPages } from './pages/item.js';
import { oncallPages } from './pages/oncall.js';
import { postPages } from './pages/posts.js';
import { settingsPages } from './pages/settings.js';
import { renderError } from './render.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where nhsuk-frontend's `dist/` folder is (its templates import `nhsuk/components/...`). */
function nhsukDist(): string {
  return dirname(dirname(require.resolve('nhsuk-frontend/dist/nhsuk/template.njk')));
}

/** The prebuilt, versioned CSS and JS of nhsuk-frontend (served under stable names). */
function nhsukBundles(dist: string): { css: string; js: string } {
  const files = readdirSync(join(dist, 'nhsuk'));
  const css = files.find((f) => /^nhsuk-frontend-[\d.]+\.min\.css$/.test(f));
  const js = files.find((f) => /^nhsuk-frontend-[\d.]+\.min\.js$/.test(f));
  if (!css || !js) throw new Error(`nhsuk-frontend's prebuilt CSS/JS not found in ${dist}/nhsuk`);
  return { css, js };
}

export async function webRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  await app.register(async (web) => {
    const dist = nhsukDist();
    const bundles = nhsukBundles(dist);
    await web.register(view, {
      engine: { nunjucks },
      templates: [join(here, 'templates'), dist],
      options: { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
    });
    // The NHS.UK template links /assets/images/* and /assets/manifest.json.
    await web.register(fastifyStatic, {
      root: join(dist, 'nhsuk', 'assets'),
      prefix: '/assets/',
      index: false,
      list: false,
    });
    await web.register(fastifyStatic, {
      root: join(here, 'assets'),
      prefix: '/assets/desk/',
      decorateReply: false,
      index: false,
      list: false,
    });
    const nhsukRoot = join(dist, 'nhsuk');
    web.get('/assets/nhsuk/frontend.min.css', { schema: { hide: true } }, (_req, reply) =>
      reply.sendFile(bundles.css, nhsukRoot),
    );
    web.get('/assets/nhsuk/frontend.min.js', { schema: { hide: true } }, (_req, reply) =>
      reply.sendFile(bundles.js, nhsukRoot),
    );

    // The live check (STF-1): core's content check bundled for the browser on first request.
    web.get('/assets/desk/live-check.js', { schema: { hide: true } }, serveLiveCheck);
    web.addHook('preHandler', liveCheckLocals(desk));

    web.setErrorHandler((error, request, reply) =>
      renderError(desk, error as FastifyError | DeskError, request, reply),
    );

    await authPages(web, desk);
    await inboxPages(web, desk);
    await itemPages(web, desk);
    await handoffPages(web, desk);
    await calendarPages(web, desk);
    await postPages(web, desk);
    await auditPages(web, desk);
    await settingsPages(web, desk);
    await checkPages(web, desk);
    await advicePages(web, desk);
    await oncallPages(web, desk);
    await crisisPages(web, desk);
  });
}
