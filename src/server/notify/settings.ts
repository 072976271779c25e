/**
 * How notifications leave the desk, from the environment: the SMTP server (COMMSDESK_SMTP_URL,
 * e.g. `smtps://user:pass@mail.example.nhs.uk:465`), the sender (COMMSDESK_SMTP_FROM) and the
 * extra webhook hosts an administrator allows (COMMSDESK_WEBHOOK_HOSTS). Read once at start by
 * `loadConfig` into `ServerConfig.notify` (a deployment changes them with a restart; tests point
 * `desk.config.notify` at their own servers).
 */
export interface NotifySettings {
  /** Null: email is not configured, and email notifications fail with that reason. */
  smtpUrl: string | null;
  from: string;
  /** Hosts (`host` or `host:port`) allowed for webhooks besides Slack's and Microsoft's. */
  extraWebhookHosts: string[];
  /** Milliseconds a webhook or SMTP exchange may take. */
  timeoutMs: number;
}

export function notifySettings(env: NodeJS.ProcessEnv): NotifySettings {
  return {
    smtpUrl: env.COMMSDESK_SMTP_URL?.trim() || null,
    from: env.COMMSDESK_SMTP_FROM?.trim() || 'Commsdesk <commsdesk@localhost>',
    extraWebhookHosts: (env.COMMSDESK_WEBHOOK_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    timeoutMs: 15_000,
  };
}
