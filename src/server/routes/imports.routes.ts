/**
 * Importing CSV exports from other tools (Brandwatch, Orlo, Sprout Social, Hootsuite): a preview
 * shows how the columns map and what is wrong with each row; the import stores every good row
 * (idempotently, so importing the same file twice adds nothing) and lists the bad ones by row and
 * column. One bad row never stops the others. The CSV is sent as `text/csv`.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  IMPORT_SOURCES,
  importCsv,
  preview,
  type ImportSource,
} from '../../connectors/import/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest } from '../errors.js';
import { toIncoming } from '../services/connections.service.js';
import { ItemsService, MAX_BATCH } from '../services/items.service.js';

const Params = Type.Object({
  org: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
  source: Type.Union(IMPORT_SOURCES.map((s) => Type.Literal(s))),
});

export async function importRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const items = new ItemsService(desk);
  await app.register(async (csvApp) => {
    csvApp.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    );
    const text = (body: unknown): string => {
      if (typeof body !== 'string' || body.trim() === '') {
        throw badRequest(
          'csv_required',
          'Send the export as the request body with content type text/csv.',
          [{ path: '/body', reason: 'empty or not CSV text' }],
        );
      }
      return body;
    };

    csvApp.post(
      '/api/orgs/:org/imports/:source/preview',
      {
        schema: {
          tags: ['imports'],
          summary: 'Preview a CSV export: column mapping and per-row problems, nothing stored',
          params: Params,
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          }),
        },
      },
      async (request) => {
        const { org, source } = request.params as { org: string; source: ImportSource };
        await orgAccess(desk, request, org, 'inbox.ingest');
        const { limit } = request.query as { limit?: number };
        return preview(text(request.body), source, { limit: limit ?? 20 });
      },
    );

    csvApp.post(
      '/api/orgs/:org/imports/:source',
      {
        schema: {
          tags: ['imports'],
          summary: 'Import a CSV export: every good row stored, every bad row listed',
          params: Params,
        },
      },
      async (request) => {
        const { org, source } = request.params as { org: string; source: ImportSource };
        const access = await orgAccess(desk, request, org, 'inbox.ingest');
        const result = importCsv(text(request.body), source);
        let created = 0;
        let repeats = 0;
        for (let i = 0; i < result.items.length; i += MAX_BATCH) {
          const batch = result.items.slice(i, i + MAX_BATCH).map((item) => toIncoming(item, null));
          const stored = await items.ingest(access.org, batch, access.actor);
          created += stored.filter((r) => r.created).length;
          repeats += stored.filter((r) => !r.created).length;
        }
        return { source, created, repeats, errors: result.errors, skipped: result.skipped };
      },
    );
  });
}
