/**
 * Signing in and staying safe: argon2id passwords with lockout, hardened session cookies, CSRF on
 * every state-changing request, API tokens bound to one organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../src/server/services/sign-in.service.js';
import { PASSWORD, startTestDesk, wireItem, type TestDesk } from '../helpers/desk.js';

let t: TestDesk;
beforeAll(async () => {
  t = await startTestDesk();
});
afterAll(async () => {
  await t.close();
});

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('sign-in', () => {
  it('signs in with the right password and sets a hardened session cookie', async () => {
    const res = await login(t.people.comms_officer.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies[0]!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    // The cookie value is random; the database keeps only its hash.
    const stored = await t.desk.store.sessions.get(cookie.value);
    expect(stored).toBeNull();
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const a = await login(t.people.comms_manager.email, 'wrong password here');
    const b = await login('nobody@example.nhs.uk', 'wrong password here');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it(`locks the account after ${MAX_FAILURES} failures, audits it, and refuses even the right password`, async () => {
    const email = t.people.line_manager.email;
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await login(email, 'not the password')).statusCode).toBe(401);
    const locked = await login(email, PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    const audit = await t.desk.store.audit.export(t.org.id);
    expect(audit.map((r) => r.action)).toContain('user.locked');
    // Sixteen minutes later the lock has run out.
    t.clock.advance(16 * 60_000);
    expect((await login(email, PASSWORD)).statusCode).toBe(200);
  });

  it('rejects a malformed sign-in body with the field named', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'x@example.nhs.uk' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('/body/password');
  });

  it('signs out: the cookie no longer works', async () => {
    const c = await t.as('comms_officer');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const c = await t.as('comms_officer');
    t.clock.advance(31 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request made with the cookie but without the token', async () => {
    const c = await t.as('comms_officer');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${t.org.slug}/items`,
      headers: { cookie: c.cookie },
      payload: { items: [wireItem('csrf', 'hello')] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect(await t.desk.store.items.byExternalId(t.org.id, 'facebook', 'fb-csrf')).toBeNull();
  });

  it('refuses another session’s token', async () => {
    const a = await t.as('comms_officer');
    const b = await t.as('comms_manager');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${t.org.slug}/items`,
      headers: { cookie: a.cookie, 'x-csrf-token': b.csrf },
      payload: { items: [wireItem('csrf2', 'hello')] },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('an API token works only for its own organisation and stops working once revoked', async () => {
    const admin = await t.as('administrator');
    const created = await admin.post(`/api/orgs/${t.org.slug}/tokens`, {
      name: 'connector',
      roles: ['comms_officer'],
    });
    expect(created.statusCode).toBe(201);
    const secret = created.json().token.secret as string;
    const bearer = { authorization: `Bearer ${secret}` };

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: bearer,
      payload: { items: [wireItem('tok-1', 'Thank you to the ward staff')] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().created).toBe(1);

    const other = await t.otherOrganisation();
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${other.org.slug}/inbox`,
      headers: bearer,
    });
    expect(foreign.statusCode).toBe(404);

    const revoke = await admin.delete(`/api/orgs/${t.org.slug}/tokens/${created.json().token.id}`);
    expect(revoke.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: bearer,
      payload: { items: [wireItem('tok-2', 'x')] },
    });
    expect(after.statusCode).toBe(401);
  });

  it('an invalid bearer token is refused, not treated as anonymous', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/orgs',
      headers: { authorization: 'Bearer cdk_nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('token_invalid');
  });
});
