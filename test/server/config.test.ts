/**
 * Server settings read once at start (`loadConfig`): SMTP and OpenID Connect come from the
 * environment into `ServerConfig`, and a wrong OIDC setting stops the start with every problem.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('loadConfig', () => {
  it('reads the SMTP settings and webhook hosts into config.notify', () => {
    const config = loadConfig({
      dataDir: '/tmp/commsdesk-config-test',
      env: {
        COMMSDESK_SMTP_URL: ' smtps://desk:secret@mail.example.nhs.uk:465 ',
        COMMSDESK_WEBHOOK_HOSTS: 'Hooks.Example.org, 127.0.0.1:8080',
      },
    });
    expect(config.notify).toMatchObject({
      smtpUrl: 'smtps://desk:secret@mail.example.nhs.uk:465',
      from: 'Commsdesk <commsdesk@localhost>',
      extraWebhookHosts: ['hooks.example.org', '127.0.0.1:8080'],
    });
    expect(loadConfig({ env: {} }).notify.smtpUrl).toBeNull();
  });

  it('reads OpenID Connect into config.oidc, null when not set up', () => {
    expect(loadConfig({ env: {} }).oidc).toBeNull();
    const config = loadConfig({
      env: {
        COMMSDESK_PUBLIC_URL: 'https://desk.example.nhs.uk/',
        COMMSDESK_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
        COMMSDESK_OIDC_CLIENT_ID: 'app-id',
      },
    });
    expect(config.oidc).toMatchObject({
      clientId: 'app-id',
      clientSecret: null,
      redirectUri: 'https://desk.example.nhs.uk/api/auth/oidc/callback',
    });
  });

  it('refuses to start with a half-configured OpenID Connect, naming every problem', () => {
    expect(() => loadConfig({ env: { COMMSDESK_OIDC_ISSUER: 'http://idp.example.org' } })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ env: { COMMSDESK_OIDC_ISSUER: 'http://idp.example.org' } });
    } catch (error) {
      expect((error as Error).message).toMatch(/must use https/);
      expect((error as Error).message).toMatch(/COMMSDESK_OIDC_CLIENT_ID is missing/);
    }
  });
});
