/**
 * The HTTP application: `buildApp(desk)` assembles plugins and routes and does not listen, so
 * tests call it in-process with `app.inject` and `serve` listens on a port.
 *
 * Security by default: helmet's headers (a strict content security policy), hardened session
 * cookies with per-session CSRF tokens, rate-limited sign-in, a body limit, and errors that never
 * carry stack traces or other organisations' data.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { checkCsrf, identify } from './auth/sessions.js';
import type { Desk } from './context.js';
import { DeskError } from './errors.js';
import { routeModules } from './routes/index.js';

export interface BuildOptions {
  /** Fastify's logger (pino) options; off in tests. */
  logger?: boolean | object;
}

export async function buildApp(desk: Desk, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: desk.config.bodyLimit,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  });
  app.decorateRequest('principal', null);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The hash allows only the NHS.UK template's one inline line that marks the body
        // `js-enabled` (nhsuk-frontend/dist/nhsuk/template.njk); all other scripts are files.
        scriptSrc: ["'self'", "'sha256-tDOvXJi1PXbg0CWjLCCYSNHRXtps26K4JXkE3M6u/c0='"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Commsdesk API',
        version: '0.1.0',
        description:
          'The desk of an NHS communications team: inbox, triage with reasons, hand-offs, posts with the policy check, audit. Errors have a stable `code` (docs/errors.md).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'commsdesk' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (request) => {
    await identify(desk, request);
  });
  app.addHook('preValidation', async (request) => {
    checkCsrf(request);
  });

  app.setErrorHandler((error: FastifyError | DeskError, request, reply) => {
    if (error instanceof DeskError) {
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details.length ? { details: error.details } : {}),
        },
      });
    }
    const fe = error as FastifyError & {
      validation?: { instancePath: string; message?: string; params?: Record<string, unknown> }[];
      validationContext?: string;
    };
    if (fe.validation) {
      const where = fe.validationContext ?? 'body';
      const details = fe.validation.map((v) => {
        const missing = v.params?.missingProperty as string | undefined;
        const extra = v.params?.additionalProperty as string | undefined;
        const path = `/${where}${v.instancePath}${missing ? `/${missing}` : ''}${extra ? `/${extra}` : ''}`;
        return { path, reason: extra ? 'is not a known field' : (v.message ?? 'is not valid') };
      });
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `The request ${where} is not valid: ${details.map((d) => `${d.path} ${d.reason}`).join('; ')}.`,
          details,
        },
      });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send({
        error: {
          code: 'body_too_large',
          message: `The request body is larger than ${desk.config.bodyLimit} bytes.`,
        },
      });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code =
        fe.statusCode === 429
          ? 'rate_limited'
          : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'unsupported_media_type'
            : fe.statusCode === 400
              ? 'bad_request'
              : 'request_refused';
      return reply.status(fe.statusCode).send({ error: { code, message: fe.message } });
    }
    // A fault: log what and where, never the body.
    desk.log.error(
      {
        err: { message: error.message, stack: error.stack },
        route: request.routeOptions.url,
        method: request.method,
      },
      'unexpected error',
    );
    return reply.status(500).send({
      error: {
        code: 'internal',
        message:
          'Something went wrong on the desk; it was logged. Nothing you sent was stored unless it said so.',
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No ${request.method} ${request.url.split('?')[0]} here.`,
      },
    });
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const register of routeModules) await register(app, desk);
  return app;
}
