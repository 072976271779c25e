/**
 * What the fake platform servers share: the request log, the failures a test queues or injects,
 * and answering a request with one of those failures.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** One request as a fake saw it. */
export interface Recorded {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One request as the Graph, X or LinkedIn fake saw it (after parsing, query as strings). */
export type RecordedRequest = Omit<Recorded, 'query'> & { query: Record<string, string> };

/** A failure queued on a fake's `failNext` for the next request. */
export interface Failure {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
  delayMs?: number;
}

/** A failure injected into the Graph, X or LinkedIn fake for requests matching method and path. */
export interface Injected {
  method?: string;
  path?: RegExp;
  status: number;
  body?: unknown;
  /** Sent as-is instead of JSON (malformed answers). */
  raw?: string;
  headers?: Record<string, string>;
  /** Hold the answer this long (timeouts). */
  delayMs?: number;
  times?: number;
}

/** Logs each request on `requests` as it arrives (body filled in once parsed), before any later onRequest hook can answer it. */
export function recordRequests(app: FastifyInstance, requests: Recorded[]): void {
  const recorded = new WeakMap<object, Recorded>();
  app.addHook('onRequest', async (req) => {
    const record: Recorded = {
      method: req.method,
      path: req.url.split('?')[0],
      query: { ...(req.query as Record<string, unknown>) },
      headers: { ...req.headers },
      body: undefined,
    };
    requests.push(record);
    recorded.set(req, record);
  });
  app.addHook('preHandler', async (req) => {
    const record = recorded.get(req);
    if (record) record.body = req.body;
  });
}

/** Answers with a failure after its delay: its status (500 if none) and headers, then its raw text as JSON, its body, or the platform's own error body. */
export async function sendFailure(
  reply: FastifyReply,
  failure: Failure,
  fallbackBody: unknown,
): Promise<FastifyReply> {
  if (failure.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
  reply.code(failure.status ?? 500).headers(failure.headers ?? {});
  if (failure.raw !== undefined) return reply.type('application/json').send(failure.raw);
  return reply.send(failure.body ?? fallbackBody);
}

/** The first injected failure matching this method and path, with one of its times used up (removed when none are left). */
export function takeInjected(
  injected: Injected[],
  method: string,
  path: string,
): Injected | undefined {
  const failure = injected.find(
    (f) =>
      (f.method === undefined || f.method === method) &&
      (f.path === undefined || f.path.test(path)),
  );
  if (failure) {
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) injected.splice(injected.indexOf(failure), 1);
  }
  return failure;
}

/** The Graph and X fakes' record of a parsed request: path and query read from its URL. */
export function urlRecord(request: FastifyRequest): RecordedRequest {
  const url = new URL(request.url, 'http://fake');
  return {
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body: request.body,
  };
}

/** Starts a fake on a free port of 127.0.0.1 and gives its base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}
