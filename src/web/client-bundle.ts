/**
 * The live check's browser module: `src/web/client/live-check.ts` and the pure content check it
 * imports from `src/core`, bundled by esbuild in memory the first time it is asked for and kept
 * for the life of the process. No build step, no file written; a failed build is not cached, so
 * the next request tries again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { FastifyReply, FastifyRequest } from 'fastify';

const here = dirname(fileURLToPath(import.meta.url));

export interface ClientBundle {
  code: string;
  /** The code gzipped once (about a quarter of its size), for browsers that accept it. */
  gzip: Buffer;
  /** A strong ETag over the code. */
  etag: string;
  bytes: number;
}

/** The entry point: the TypeScript source (run through tsx) or its compiled twin. */
function entryPoint(): string {
  const ts = join(here, 'client', 'live-check.ts');
  return existsSync(ts) ? ts : join(here, 'client', 'live-check.js');
}

/** Bundle the live check (minified ES module for current browsers). */
export async function bundleLiveCheck(): Promise<ClientBundle> {
  const result = await build({
    entryPoints: [entryPoint()],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the live check');
  const code = file.text;
  return {
    code,
    gzip: gzipSync(code, { level: 9 }),
    etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`,
    bytes: file.contents.byteLength,
  };
}

let pending: Promise<ClientBundle> | null = null;

/** The bundle, built once on first use. */
export function liveCheckBundle(): Promise<ClientBundle> {
  pending ??= bundleLiveCheck().catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

/** Serve the bundle: revalidated by ETag, gzipped when the browser accepts it. */
export async function serveLiveCheck(request: FastifyRequest, reply: FastifyReply) {
  const bundle = await liveCheckBundle();
  reply
    .header('cache-control', 'no-cache')
    .header('etag', bundle.etag)
    .header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === bundle.etag) return reply.status(304).send();
  reply.type('text/javascript; charset=utf-8');
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(bundle.gzip);
  }
  return reply.send(bundle.code);
}
