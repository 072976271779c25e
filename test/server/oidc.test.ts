/**
 * Sign-in with the organisation's account (OpenID Connect, shaped like Microsoft Entra ID),
 * against a real identity provider (`oidc-provider`) started on 127.0.0.1. The browser is played
 * by hand: `app.inject` for the desk, `fetch` for the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALLBACK_PATH,
  OidcConfigError,
  configureOidc,
  oidcSettingsFromEnv,
  type OidcSettings,
} from '../../src/server/auth/oidc.js';
import {
  TENANT,
  browse,
  startFakeIdp,
  type FakeIdp,
  type IdpAccount,
} from '../fakes/oidc-provider.js';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

let t: TestDesk;
let idp: FakeIdp;
let settings: OidcSettings;

beforeAll(async () => {
  t = await startTestDesk();
  const redirectUri = t.desk.config.publicUrl + CALLBACK_PATH;
  idp = await startFakeIdp({ redirectUri });
  settings = {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedTenant: TENANT,
    redirectUri,
    scope: 'openid email profile',
  };
  configureOidc(t.desk, settings);
}, 60_000);
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

const cookieHeader = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies
    .filter((c) => c.value !== '')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');

/** Start at the desk, sign in at the provider, and come back: the callback URL and the cookie. */
async function goToProvider(account: IdpAccount | null, returnTo?: string) {
  idp.signInAs(account);
  const start = await t.app.inject({
    method: 'GET',
    url: '/api/auth/oidc/start' + (returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : ''),
  });
  expect(start.statusCode).toBe(302);
  const location = start.headers.location as string;
  expect(location.startsWith(idp.issuer)).toBe(true);
  const back = new URL(await browse(idp, location));
  expect(back.pathname).toBe(CALLBACK_PATH);
  return { callback: back.pathname + back.search, cookie: cookieHeader(start), location };
}

const callback = (url: string, cookie: string, accept = 'application/json') =>
  t.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), accept } });

async function signIn(account: IdpAccount | null, returnTo?: string) {
  const { callback: url, cookie } = await goToProvider(account, returnTo);
  return callback(url, cookie);
}

describe('OpenID Connect sign-in', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { location } = await goToProvider(null);
    const q = new URL(location).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(q.get('redirect_uri')).toBe(settings.redirectUri);
    expect(q.get('scope')).toBe('openid email profile');
  });

  it('[GOV-1] links a known person by verified email, starts a session and audits both', async () => {
    const email = t.people.comms_officer.email;
    const res = await signIn(
      { sub: 'entra-officer', email, emailVerified: true, name: 'Officer', tid: TENANT },
      '/inbox',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.id).toBe(t.people.comms_officer.id);
    expect(body.return_to).toBe('/inbox');
    const session = res.cookies.find((c) => c.name === 'commsdesk')!;
    expect(session.httpOnly).toBe(true);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `commsdesk=${session.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().organisations[0].roles).toEqual(['comms_officer']);
    const user = await t.desk.store.users.get(t.people.comms_officer.id);
    expect(user).toMatchObject({ oidcIssuer: idp.issuer, oidcSubject: 'entra-officer' });
    const audit = await t.desk.store.audit.export(t.org.id);
    const actions = audit.map((r) => r.action);
    expect(actions).toContain('user.oidc_linked');
    const signInEntry = audit.filter((r) => r.action === 'user.sign_in').at(-1)!;
    expect(signInEntry.after).toEqual({ method: `oidc:${idp.issuer}` });
  });

  it('finds the person by issuer and subject next time, whatever the email says', async () => {
    const res = await signIn({
      sub: 'entra-officer',
      email: 'renamed.officer@example.nhs.uk',
      emailVerified: true,
      tid: TENANT,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(t.people.comms_officer.id);
  });

  it('redirects a browser to where it was going (on this desk only)', async () => {
    const { callback: url, cookie } = await goToProvider(
      { sub: 'entra-officer', email: 'x@example.nhs.uk', emailVerified: true, tid: TENANT },
      '//evil.example/phish',
    );
    const res = await callback(url, cookie, 'text/html,application/xhtml+xml');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.cookies.some((c) => c.name === 'commsdesk' && c.value)).toBe(true);
  });

  it('[GOV-5] refuses a person nobody added, says to ask the administrator, and creates nobody', async () => {
    const email = 'new.starter@example.nhs.uk';
    const res = await signIn({ sub: 'entra-new', email, emailVerified: true, tid: TENANT });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('oidc_no_account');
    expect(res.json().error.message).toMatch(/administrator/);
    expect(res.cookies.some((c) => c.name === 'commsdesk' && c.value)).toBe(false);
    expect(await t.desk.store.users.byEmail(email)).toBeNull();
    expect(await t.desk.store.users.byOidcSubject(idp.issuer, 'entra-new')).toBeNull();

    // A browser gets a page in words.
    const again = await goToProvider({ sub: 'entra-new', email, emailVerified: true, tid: TENANT });
    const page = await callback(again.callback, again.cookie, 'text/html');
    expect(page.statusCode).toBe(403);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Ask your administrator');
  });

  it('[GOV-5] lets an administrator add the person with roles; then they sign in with exactly those', async () => {
    const admin = await t.as('administrator');
    const email = 'pals.lead@example.nhs.uk';
    const added = await admin.post(`/api/orgs/${t.org.slug}/members`, {
      email,
      display_name: 'PALS lead',
      roles: ['pals'],
    });
    expect(added.statusCode).toBe(201);
    const again = await admin.post(`/api/orgs/${t.org.slug}/members`, {
      email,
      display_name: 'PALS lead',
      roles: ['pals'],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('member_exists');
    const officer = await t.as('comms_officer');
    const refused = await officer.post(`/api/orgs/${t.org.slug}/members`, {
      email: 'someone@example.nhs.uk',
      display_name: 'Someone',
      roles: ['administrator'],
    });
    expect(refused.statusCode).toBe(403);

    const res = await signIn({ sub: 'entra-pals', email, emailVerified: true, tid: TENANT });
    expect(res.statusCode).toBe(200);
    const cookie = cookieHeader(res);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().organisations).toEqual([
      expect.objectContaining({ slug: t.org.slug, roles: ['pals'] }),
    ]);
    const audit = await t.desk.store.audit.export(t.org.id);
    expect(audit.map((r) => r.action)).toContain('member.added');
  });

  it('does not link by an email address the provider has not verified', async () => {
    const res = await signIn({
      sub: 'entra-unverified',
      email: t.people.comms_manager.email,
      emailVerified: false,
      tid: TENANT,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('oidc_no_account');
    expect((await t.desk.store.users.get(t.people.comms_manager.id))?.oidcSubject).toBeNull();
  });

  it('does not re-link a person already linked to another identity', async () => {
    const res = await signIn({
      sub: 'entra-impostor',
      email: t.people.comms_officer.email,
      emailVerified: true,
      tid: TENANT,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('oidc_link_conflict');
  });

  it('refuses an account from another tenant', async () => {
    const res = await signIn({
      sub: 'entra-outsider',
      email: t.people.foi.email,
      emailVerified: true,
      tid: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('oidc_wrong_tenant');
    const noTenant = await signIn({
      sub: 'entra-outsider-2',
      email: t.people.foi.email,
      emailVerified: true,
    });
    expect(noTenant.json().error.code).toBe('oidc_wrong_tenant');
    expect((await t.desk.store.users.get(t.people.foi.id))?.oidcSubject).toBeNull();
  });

  it('refuses a wrong state', async () => {
    const { callback: url, cookie } = await goToProvider({
      sub: 'entra-officer',
      email: 'x@example.nhs.uk',
      emailVerified: true,
      tid: TENANT,
    });
    const tampered = url.replace(/state=[^&]+/, 'state=not-the-state-we-sent');
    const res = await callback(tampered, cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('oidc_state_mismatch');
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const { callback: url } = await goToProvider({
      sub: 'entra-officer',
      email: 'x@example.nhs.uk',
      emailVerified: true,
      tid: TENANT,
    });
    const res = await callback(url, '');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('oidc_transaction_missing');
    const forged = await callback(url, 'commsdesk-oidc=v1:AAAA:BBBB:CCCC');
    expect(forged.json().error.code).toBe('oidc_transaction_missing');
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const { callback: url, cookie } = await goToProvider({
      sub: 'entra-officer',
      email: 'x@example.nhs.uk',
      emailVerified: true,
      tid: TENANT,
    });
    t.clock.advance(11 * 60_000);
    const res = await callback(url, cookie);
    expect(res.json().error.code).toBe('oidc_transaction_missing');
  });

  it('refuses a replayed code, even with the cookie that came with it', async () => {
    const { callback: url, cookie } = await goToProvider({
      sub: 'entra-officer',
      email: 'x@example.nhs.uk',
      emailVerified: true,
      tid: TENANT,
    });
    expect((await callback(url, cookie)).statusCode).toBe(200);
    const replay = await callback(url, cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('oidc_code_rejected');
    expect(replay.cookies.some((c) => c.name === 'commsdesk' && c.value)).toBe(false);
  });

  it('says so when the person cancels at the provider', async () => {
    const res = await signIn(null);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('oidc_denied');
  });

  it('refuses a locked person', async () => {
    await t.desk.store.users.lockUntil(
      t.people.comms_officer.id,
      new Date(t.clock.now().getTime() + 60_000),
    );
    const res = await signIn({
      sub: 'entra-officer',
      email: 'x@example.nhs.uk',
      emailVerified: true,
      tid: TENANT,
    });
    expect(res.statusCode).toBe(423);
    await t.desk.store.users.lockUntil(t.people.comms_officer.id, null);
  });

  it('answers 404 in words when sign-in with OpenID Connect is not set up', async () => {
    configureOidc(t.desk, null);
    try {
      const status = await t.app.inject({ method: 'GET', url: '/api/auth/oidc' });
      expect(status.json()).toEqual({ enabled: false, start_url: null });
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('oidc_not_configured');
    } finally {
      configureOidc(t.desk, settings);
    }
    const status = await t.app.inject({ method: 'GET', url: '/api/auth/oidc' });
    expect(status.json().enabled).toBe(true);
  });

  it('says 502 in words when the provider cannot be reached', async () => {
    configureOidc(t.desk, { ...settings, issuer: 'http://127.0.0.1:9/' });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.statusCode).toBe(502);
      expect(res.json().error.code).toBe('oidc_unavailable');
    } finally {
      configureOidc(t.desk, settings);
    }
  });
});

describe('OpenID Connect settings', () => {
  it('is off when nothing is set', () => {
    expect(oidcSettingsFromEnv({}, 'https://desk.example.nhs.uk')).toBeNull();
  });

  it('reads the Entra ID settings and builds the redirect URI from the public URL', () => {
    const s = oidcSettingsFromEnv(
      {
        COMMSDESK_OIDC_ISSUER: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        COMMSDESK_OIDC_CLIENT_ID: 'app-id',
        COMMSDESK_OIDC_CLIENT_SECRET: 'secret',
        COMMSDESK_OIDC_ALLOWED_TENANT: TENANT.toUpperCase(),
      },
      'https://desk.example.nhs.uk/',
    );
    expect(s).toMatchObject({
      clientId: 'app-id',
      allowedTenant: TENANT,
      redirectUri: 'https://desk.example.nhs.uk/api/auth/oidc/callback',
    });
  });

  it('names every problem at once', () => {
    let error: unknown;
    try {
      oidcSettingsFromEnv(
        { COMMSDESK_OIDC_ISSUER: 'http://idp.example.org' },
        'http://localhost:3000',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OidcConfigError);
    expect((error as Error).message).toMatch(/must use https/);
    expect((error as Error).message).toMatch(/COMMSDESK_OIDC_CLIENT_ID is missing/);
  });
});
