/**
 * OpenID Connect settings from the environment (docs/sign-in.md), read once at start by
 * `loadConfig` into `ServerConfig.oidc`: `COMMSDESK_OIDC_ISSUER`, `COMMSDESK_OIDC_CLIENT_ID`,
 * `COMMSDESK_OIDC_CLIENT_SECRET` and optionally `COMMSDESK_OIDC_ALLOWED_TENANT`. Kept apart from
 * oidc.ts so the configuration does not load the OpenID client.
 */
export interface OidcSettings {
  /** The issuer identifier, e.g. `https://login.microsoftonline.com/<tenant id>/v2.0`. */
  issuer: string;
  clientId: string;
  /** `null` for a public client (PKCE only, no secret). */
  clientSecret: string | null;
  /** Entra ID tenant id the `tid` claim must carry; `null` to accept the issuer's tokens as they are. */
  allowedTenant: string | null;
  /** Where the provider sends the browser back: `<public URL>/api/auth/oidc/callback`. */
  redirectUri: string;
  scope: string;
}

export const CALLBACK_PATH = '/api/auth/oidc/callback';

export class OidcConfigError extends Error {}

/**
 * Read the settings from the environment: `null` when sign-in with OpenID Connect is not set up,
 * an {@link OidcConfigError} listing every problem when it is set up wrongly.
 */
export function oidcSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  publicUrl: string,
): OidcSettings | null {
  const issuer = env.COMMSDESK_OIDC_ISSUER?.trim() ?? '';
  const clientId = env.COMMSDESK_OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.COMMSDESK_OIDC_CLIENT_SECRET?.trim() ?? '';
  const tenant = env.COMMSDESK_OIDC_ALLOWED_TENANT?.trim() ?? '';
  if (!issuer && !clientId && !clientSecret && !tenant) return null;
  const problems: string[] = [];
  if (!issuer) problems.push('COMMSDESK_OIDC_ISSUER is missing (the issuer URL of your tenant).');
  else {
    let url: URL | null = null;
    try {
      url = new URL(issuer);
    } catch {
      problems.push(`COMMSDESK_OIDC_ISSUER "${issuer}" is not a URL.`);
    }
    if (url && url.protocol !== 'https:' && !isLoopback(url)) {
      problems.push(
        `COMMSDESK_OIDC_ISSUER "${issuer}" must use https (plain http only on 127.0.0.1 or localhost).`,
      );
    }
  }
  if (!clientId) problems.push('COMMSDESK_OIDC_CLIENT_ID is missing (the application id).');
  if (problems.length > 0) throw new OidcConfigError(problems.join('\n'));
  return {
    issuer,
    clientId,
    clientSecret: clientSecret || null,
    allowedTenant: tenant ? tenant.toLowerCase() : null,
    redirectUri: publicUrl.replace(/\/$/, '') + CALLBACK_PATH,
    scope: 'openid email profile',
  };
}

/** 127.0.0.1, localhost or [::1]: where plain http is allowed (tests, a local provider). */
export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}
