/**
 * A whole desk for API tests: a fresh database (SQLite in a temp folder, or a fresh PostgreSQL
 * schema), the Fastify app in-process (`app.inject`), a clock the test moves, an organisation on
 * the nhs-default profile, and one person per role (GOV-5). `as(role)` signs that person in for
 * real (argon2id password, session cookie, CSRF token) and returns a small client.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { fixedClock } from '../../src/server/clock.js';
import { loadConfig } from '../../src/server/config.js';
import type { Desk } from '../../src/server/context.js';
import { openDesk } from '../../src/server/desk.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { jobHandlers } from '../../src/server/jobs/index.js';
import { JobWorker } from '../../src/server/jobs/worker.js';
import { ROLES, type Organisation, type Role } from '../../src/store/index.js';
import { PG_URL } from '../store/databases.js';

/** Monday 2 March 2026, 10:00 in London (GMT): inside the default working hours. */
export const MONDAY_10AM = new Date('2026-03-02T10:00:00.000Z');
export const PASSWORD = 'correct horse battery staple';

let hashed: Promise<string> | undefined;

export interface Client {
  csrf: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestDesk {
  desk: Desk;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  org: Organisation;
  /** One person per role: `people.comms_officer.id`. */
  people: Record<Role, { id: number; email: string }>;
  worker: JobWorker;
  /** Sign in as the person holding `role` (or an email) and get a client. */
  as(who: Role | string): Promise<Client>;
  /** A second organisation with its own people, for isolation tests. */
  otherOrganisation(): Promise<{
    org: Organisation;
    people: Record<Role, { id: number; email: string }>;
  }>;
  close(): Promise<void>;
}

export interface TestDeskOptions {
  dialect?: 'sqlite' | 'postgres';
  now?: Date;
  profileId?: string;
}

export async function startTestDesk(options: TestDeskOptions = {}): Promise<TestDesk> {
  const dialect = options.dialect ?? 'sqlite';
  const dataDir = mkdtempSync(join(tmpdir(), 'commsdesk-desk-'));
  let databaseUrl: string | null = null;
  let dropSchema: (() => Promise<void>) | null = null;
  if (dialect === 'postgres') {
    const schema = `cd_desk_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    databaseUrl =
      PG_URL +
      (PG_URL.includes('?') ? '&' : '?') +
      'options=' +
      encodeURIComponent(`-c search_path=${schema}`);
    dropSchema = async () => {
      await admin.query(`drop schema "${schema}" cascade`);
      await admin.end();
    };
  }
  const config = {
    ...loadConfig({ dataDir, env: {} }),
    databaseUrl,
    secretKey: randomBytes(32),
  };
  const clock = fixedClock(options.now ?? MONDAY_10AM);
  const { desk, database } = await openDesk(config, { clock });
  const app = await buildApp(desk);
  const worker = new JobWorker(desk, jobHandlers);
  hashed ??= hashPassword(PASSWORD);
  const hash = await hashed;

  const makeOrg = async (label: string) => {
    const at = clock.now();
    const slug = `${label}-${randomBytes(3).toString('hex')}`;
    const org = await desk.store.organisations.create(
      { slug, name: `Test ${label}`, profileId: options.profileId ?? 'nhs-default' },
      at,
    );
    const people = {} as Record<Role, { id: number; email: string }>;
    for (const role of ROLES) {
      const email = `${role}.${slug}@example.nhs.uk`;
      const user = await desk.store.users.create(
        { email, displayName: `${role} of ${label}`, passwordHash: hash },
        at,
      );
      await desk.store.users.setMembership(org.id, user.id, [role], at);
      people[role] = { id: user.id, email };
    }
    return { org, people };
  };
  const { org, people } = await makeOrg('trust');

  const clientFor = async (email: string): Promise<Client> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    if (res.statusCode !== 200)
      throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    const send = (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    return {
      csrf,
      cookie,
      get: (url) => send('GET', url),
      post: (url, body, headers) => send('POST', url, body, headers),
      patch: (url, body) => send('PATCH', url, body),
      put: (url, body) => send('PUT', url, body),
      delete: (url) => send('DELETE', url),
    };
  };

  return {
    desk,
    app,
    clock,
    org,
    people,
    worker,
    as: (who) =>
      clientFor((ROLES as readonly string[]).includes(who) ? people[who as Role].email : who),
    otherOrganisation: () => makeOrg('other'),
    async close() {
      await app.close();
      await database.close();
      if (dropSchema) await dropSchema();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An item in the API's wire format. */
export function wireItem(n: number | string, text: string, extra: Record<string, unknown> = {}) {
  return {
    platform: 'facebook',
    external_id: `fb-${n}`,
    kind: 'comment',
    text,
    received_at: MONDAY_10AM.toISOString(),
    author: { id: `author-${n}`, name: `Author ${n}` },
    ...extra,
  };
}
