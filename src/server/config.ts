/**
 * Server settings from flags and the environment, validated once at start. Secrets never come
 * from flags (they would show in `ps`).
 */
import { resolve } from 'node:path';
import { OidcConfigError, oidcSettingsFromEnv, type OidcSettings } from './auth/oidc-settings.js';
import { notifySettings, type NotifySettings } from './notify/settings.js';

export type ServiceRole = 'api' | 'worker';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  services: ServiceRole[];
  demo: boolean;
  /** Public base URL (for cookies, OIDC redirects, links in emails). */
  publicUrl: string;
  /** Cookies marked Secure: on unless the public URL is plain http. */
  secureCookies: boolean;
  /**
   * 32 bytes for AES-256-GCM encryption of secrets at rest, from COMMSDESK_SECRET_KEY; `null`
   * means "use the key file in the data directory" (created on first start, mode 0600).
   */
  secretKey: Buffer | null;
  /** Sessions end after this long without activity, and in any case after `sessionMaxMs`. */
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Largest request body accepted (bytes). */
  bodyLimit: number;
  /** SMTP server, sender and allowed webhook hosts (COMMSDESK_SMTP_URL, …; docs/oncall.md). */
  notify: NotifySettings;
  /** OpenID Connect sign-in (COMMSDESK_OIDC_*; docs/sign-in.md); null when not set up. */
  oidc: OidcSettings | null;
}

export class ConfigError extends Error {}

export interface ConfigInput {
  port?: string | number;
  host?: string;
  dataDir?: string;
  services?: string;
  demo?: boolean;
  env?: NodeJS.ProcessEnv;
}

export function loadConfig(input: ConfigInput = {}): ServerConfig {
  const env = input.env ?? process.env;
  const portText = String(input.port ?? env.PORT ?? '3000');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`--port "${portText}" is not a port number (0–65535).`);
  }
  const services = (input.services ?? env.COMMSDESK_SERVICES ?? 'api,worker')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of services) {
    if (s !== 'api' && s !== 'worker') {
      throw new ConfigError(`--services has "${s}"; expected a list of api and worker.`);
    }
  }
  const host = input.host ?? env.HOST ?? '127.0.0.1';
  const publicUrl = (env.COMMSDESK_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  let secretKey: Buffer | null = null;
  if (env.COMMSDESK_SECRET_KEY) {
    secretKey = Buffer.from(env.COMMSDESK_SECRET_KEY, 'base64');
    if (secretKey.length !== 32) {
      throw new ConfigError(
        'COMMSDESK_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32).',
      );
    }
  }
  let oidc: OidcSettings | null;
  try {
    oidc = oidcSettingsFromEnv(env, publicUrl);
  } catch (error) {
    if (error instanceof OidcConfigError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    port,
    host,
    dataDir: resolve(input.dataDir ?? env.COMMSDESK_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL ?? null,
    services: services as ServiceRole[],
    demo: input.demo ?? false,
    publicUrl,
    secureCookies: !publicUrl.startsWith('http://'),
    secretKey,
    sessionIdleMs: Number(env.COMMSDESK_SESSION_IDLE_MINUTES ?? 30) * 60_000,
    sessionMaxMs: Number(env.COMMSDESK_SESSION_MAX_HOURS ?? 12) * 3_600_000,
    bodyLimit: 5 * 1024 * 1024,
    notify: notifySettings(env),
    oidc,
  };
}
