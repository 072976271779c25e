/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, shaped like
 * Microsoft Entra ID where it matters to the desk: ID tokens carry `email`, `name` and the tenant
 * id `tid`; PKCE is required; the authorization response carries `iss` (RFC 9207).
 *
 * There is no login page: the test says who signs in next (`idp.signInAs(...)`), and the
 * interaction finishes at once with that account and a grant for the scopes asked for. The
 * browser is played by `browse()`, which follows the provider's redirects with its own cookies
 * and stops at the first redirect back to the desk.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no types; the few calls made here are typed by hand below.
// @ts-expect-error -- untyped module
import ProviderModule from 'oidc-provider';

export interface IdpAccount {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  /** Entra ID's tenant id claim. */
  tid?: string;
}

interface Interaction {
  uid: string;
  prompt: { name: string };
  params: Record<string, string>;
}

interface GrantLike {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

interface ProviderLike {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => GrantLike;
}

type ProviderCtor = new (issuer: string, configuration: Record<string, unknown>) => ProviderLike;
const Provider = ProviderModule as ProviderCtor;

export interface FakeIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The account the next interaction signs in (null: the person cancels, access_denied). */
  signInAs(account: IdpAccount | null): void;
  close(): Promise<void>;
}

export const TENANT = '72f988bf-0000-4000-8000-00000000beef';

export async function startFakeIdp(options: { redirectUri: string }): Promise<FakeIdp> {
  const clientId = 'commsdesk-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, IdpAccount>();
  let next: IdpAccount | null = null;

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'test-key',
    use: 'sig',
    alg: 'RS256',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: {
      openid: ['sub', 'tid'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Like Entra ID: the scopes' claims travel in the ID token itself.
    conformIdTokenClaims: false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: account.sub,
            ...(account.email ? { email: account.email } : {}),
            ...(account.email ? { email_verified: account.emailVerified ?? false } : {}),
            ...(account.name ? { name: account.name } : {}),
            ...(account.tid ? { tid: account.tid } : {}),
          };
        },
      };
    },
  });

  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void finishInteraction(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    handle(req, res);
  });

  async function finishInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      if (!next) {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'The person cancelled the sign-in.',
        });
        return;
      }
      accounts.set(next.sub, next);
      await provider.interactionFinished(req, res, { login: { accountId: next.sub } });
      return;
    }
    // consent: grant what was asked for.
    const grant = new provider.Grant({
      accountId: (next as IdpAccount).sub,
      clientId: details.params.client_id as string,
    });
    grant.addOIDCScope(details.params.scope as string);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: options.redirectUri,
    signInAs(account) {
      next = account;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Play the browser at the provider: follow its redirects from `url`, keeping its cookies, until
 * a redirect leaves the provider (back to the desk). Returns that URL.
 */
export async function browse(idp: FakeIdp, url: string, jar = new Map<string, string>()) {
  let current = url;
  for (let hop = 0; hop < 10; hop++) {
    if (!current.startsWith(idp.issuer)) return current;
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(current, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    await res.arrayBuffer();
    if (!location) {
      throw new Error(`The provider answered ${res.status} without a redirect at ${current}`);
    }
    current = new URL(location, current).href;
  }
  throw new Error('Too many redirects at the provider');
}
