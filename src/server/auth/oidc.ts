/**
 * Sign-in with the organisation's identity provider over OpenID Connect (Microsoft Entra ID is
 * what NHS organisations use): the authorization code flow with PKCE, `state` and `nonce`.
 *
 * The three one-time values live in a short-lived cookie sealed with the desk's secret key
 * (AES-256-GCM: nobody can read or forge it), bound to this browser, so no table is needed and a
 * callback without the cookie that started it is refused. The identity provider refuses a code
 * used twice. The person is found by (issuer, subject), or linked once by a verified email
 * address to a person an administrator already added; nobody gets a membership from signing in.
 *
 * Settings come from the environment (docs/sign-in.md), read at start into `ServerConfig.oidc`
 * (oidc-settings.ts): `COMMSDESK_OIDC_ISSUER`, `COMMSDESK_OIDC_CLIENT_ID`,
 * `COMMSDESK_OIDC_CLIENT_SECRET` and optionally `COMMSDESK_OIDC_ALLOWED_TENANT` (Entra's `tid`
 * claim must then match).
 */
import * as client from 'openid-client';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../store/index.js';
import type { Desk } from '../context.js';
import { DeskError } from '../errors.js';
import { auditForUser } from '../services/audit.js';
import { isLoopback, type OidcSettings } from './oidc-settings.js';
import { sameSecret } from './tokens.js';

export {
  CALLBACK_PATH,
  OidcConfigError,
  oidcSettingsFromEnv,
  type OidcSettings,
} from './oidc-settings.js';

export const START_PATH = '/api/auth/oidc/start';
/** How long a person has at the identity provider before the sign-in must start again. */
export const TRANSACTION_MINUTES = 10;

/** What the identity provider vouched for. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  tenant: string | null;
}

/** The one-time values of one sign-in attempt, kept in the sealed cookie. */
interface Transaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  /** Epoch milliseconds by the desk's clock. */
  expires: number;
}

const problem = (status: number, code: string, message: string) =>
  new DeskError(status, code, message);

const noAccount = () =>
  problem(
    403,
    'oidc_no_account',
    'You signed in with your organisation’s account, but nobody has given you access to this desk yet. Ask your administrator to add you.',
  );

/** One configured identity provider: discovery is done once, on first use, and retried on failure. */
export class OidcSignIn {
  #configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly desk: Desk,
    readonly settings: OidcSettings,
  ) {}

  cookieName(): string {
    return this.desk.config.secureCookies ? '__Host-commsdesk-oidc' : 'commsdesk-oidc';
  }

  async #config(): Promise<client.Configuration> {
    this.#configuration ??= this.#discover();
    try {
      return await this.#configuration;
    } catch (error) {
      this.#configuration = null;
      this.desk.log.warn(
        { issuer: this.settings.issuer, err: { message: (error as Error).message } },
        'OpenID Connect discovery failed',
      );
      throw problem(
        502,
        'oidc_unavailable',
        'The organisation’s sign-in service could not be reached; try again in a minute or sign in with email and password.',
      );
    }
  }

  async #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const url = new URL(issuer);
    return client.discovery(
      url,
      clientId,
      clientSecret ?? undefined,
      clientSecret ? client.ClientSecretPost(clientSecret) : client.None(),
      {
        ...(isLoopback(url) && url.protocol === 'http:'
          ? { execute: [client.allowInsecureRequests] }
          : {}),
        timeout: 10,
      },
    );
  }

  /** Start: the provider's URL to send the browser to, with the sealed one-time values set. */
  async begin(reply: FastifyReply, returnTo: string): Promise<string> {
    const config = await this.#config();
    const verifier = client.randomPKCECodeVerifier();
    const tx: Transaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier,
      returnTo,
      expires: this.desk.clock.now().getTime() + TRANSACTION_MINUTES * 60_000,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: tx.state,
      nonce: tx.nonce,
    });
    reply.setCookie(this.cookieName(), this.desk.secrets.seal(JSON.stringify(tx)), {
      path: '/',
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries Lax cookies.
      sameSite: 'lax',
      secure: this.desk.config.secureCookies,
      maxAge: TRANSACTION_MINUTES * 60,
    });
    return url.href;
  }

  /**
   * The callback: check the cookie and `state`, redeem the code (PKCE verifier, nonce and the ID
   * token's signature, issuer, audience and times are checked by openid-client), then the tenant.
   * The cookie is cleared whatever the outcome: one attempt per start.
   */
  async finish(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ identity: OidcIdentity; returnTo: string }> {
    const sealed = request.cookies[this.cookieName()];
    reply.clearCookie(this.cookieName(), { path: '/' });
    const tx = sealed ? this.#open(sealed) : null;
    if (!tx || tx.expires <= this.desk.clock.now().getTime()) {
      throw problem(
        400,
        'oidc_transaction_missing',
        `This sign-in was not started in this browser or took longer than ${TRANSACTION_MINUTES} minutes; start again.`,
      );
    }
    const current = new URL(request.url, this.settings.redirectUri);
    const params = current.searchParams;
    const state = params.get('state');
    if (!state || !sameSecret(state, tx.state)) {
      throw problem(
        401,
        'oidc_state_mismatch',
        'The answer from the sign-in service does not belong to the sign-in started in this browser; start again.',
      );
    }
    const denied = params.get('error');
    if (denied) {
      throw problem(
        401,
        'oidc_denied',
        `The sign-in service did not sign you in (it said "${denied.slice(0, 64)}"); start again or ask your administrator.`,
      );
    }
    const config = await this.#config();
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: tx.verifier,
        expectedState: tx.state,
        expectedNonce: tx.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      const e = error as { error?: string; code?: string; message?: string };
      this.desk.log.warn(
        { issuer: this.settings.issuer, error: e.error ?? e.code ?? 'unknown', reason: e.message },
        'OpenID Connect code exchange refused',
      );
      if (e.error === 'invalid_grant') {
        throw problem(
          401,
          'oidc_code_rejected',
          'The sign-in service refused the sign-in code (it was already used or has expired); start again.',
        );
      }
      throw problem(
        401,
        'oidc_failed',
        'The answer from the sign-in service could not be verified; start again or ask your administrator.',
      );
    }
    if (!claims) throw problem(401, 'oidc_failed', 'The sign-in service sent no ID token.');
    const tenant = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : null;
    if (this.settings.allowedTenant && tenant !== this.settings.allowedTenant) {
      this.desk.log.warn(
        { issuer: this.settings.issuer, tenant },
        'OpenID Connect sign-in from another tenant refused',
      );
      throw problem(
        403,
        'oidc_wrong_tenant',
        'That account belongs to another organisation’s directory; sign in with your account at this organisation.',
      );
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    return {
      identity: {
        issuer: claims.iss,
        subject: claims.sub,
        email: email || null,
        // Entra ID marks a domain-verified address with `xms_edov` rather than `email_verified`.
        emailVerified: claims.email_verified === true || claims.xms_edov === true,
        name: typeof claims.name === 'string' ? claims.name : null,
        tenant,
      },
      returnTo: tx.returnTo,
    };
  }

  #open(sealed: string): Transaction | null {
    try {
      const tx = JSON.parse(this.desk.secrets.open(sealed)) as Transaction;
      return typeof tx.state === 'string' && typeof tx.verifier === 'string' ? tx : null;
    } catch {
      return null;
    }
  }
}

const perDesk = new WeakMap<Desk, OidcSignIn | null>();

/**
 * The desk's identity provider, or `null` when sign-in with OpenID Connect is not set up: from
 * `desk.config.oidc`, which `loadConfig` read from the environment at start (so a wrong setting
 * stops the server with the other configuration problems).
 */
export function oidcFor(desk: Desk): OidcSignIn | null {
  if (!perDesk.has(desk)) {
    const settings = desk.config.oidc;
    perDesk.set(desk, settings ? new OidcSignIn(desk, settings) : null);
  }
  return perDesk.get(desk) ?? null;
}

/** Set (or, with `null`, switch off) the identity provider of a desk: tests and embedders. */
export function configureOidc(desk: Desk, settings: OidcSettings | null): void {
  perDesk.set(desk, settings ? new OidcSignIn(desk, settings) : null);
}

/**
 * Find the person the provider vouched for: by (issuer, subject), or else by a verified email
 * address of a person who has not linked another identity yet (linked now, audited). Never creates
 * a person or a membership: an administrator adds people and gives roles.
 */
export async function signInWithOidc(desk: Desk, identity: OidcIdentity): Promise<User> {
  const { store, clock } = desk;
  const now = clock.now();
  let user = await store.users.byOidcSubject(identity.issuer, identity.subject);
  let linked = false;
  if (!user) {
    const byEmail =
      identity.email && identity.emailVerified ? await store.users.byEmail(identity.email) : null;
    if (!byEmail) {
      desk.log.warn(
        {
          issuer: identity.issuer,
          reason: identity.email && !identity.emailVerified ? 'email_not_verified' : 'no_account',
        },
        'OpenID Connect sign-in by a person the desk does not know',
      );
      throw noAccount();
    }
    if (byEmail.oidcSubject !== null) {
      // The address already belongs to another identity (a reassigned mailbox, another tenant):
      // linking again would hand that person's desk to whoever holds the address now.
      desk.log.warn(
        { issuer: identity.issuer, userId: byEmail.id },
        'OpenID Connect identity not linked: the person is linked to another identity',
      );
      throw problem(
        403,
        'oidc_link_conflict',
        'Your email address is already linked to another sign-in account on this desk. Ask your administrator to check it.',
      );
    }
    user = byEmail;
    linked = true;
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw problem(
      423,
      'account_locked',
      `This account is locked; try again after ${user.lockedUntil.toISOString()} or ask an administrator.`,
    );
  }
  const signedIn = user;
  await store.transaction(async (tx) => {
    if (linked) {
      await tx.users.linkOidc(signedIn.id, identity.issuer, identity.subject);
      await auditForUser(tx, signedIn.id, {
        actor: signedIn.id,
        action: 'user.oidc_linked',
        after: { issuer: identity.issuer, by: 'verified_email' },
        at: now,
      });
    }
    await auditForUser(tx, signedIn.id, {
      actor: signedIn.id,
      action: 'user.sign_in',
      after: { method: `oidc:${identity.issuer}` },
      at: now,
    });
  });
  return linked
    ? { ...signedIn, oidcIssuer: identity.issuer, oidcSubject: identity.subject }
    : signedIn;
}

/** Keep `return_to` on this desk: a path, never another site (`//host`, `/\host`). */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return /[\r\n]/.test(value) ? '/' : value;
}
