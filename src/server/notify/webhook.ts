/**
 * Microsoft Teams and Slack incoming webhooks. A webhook URL is a bearer credential and an
 * outbound request the desk makes on an administrator's say-so, so only known hosts are allowed
 * (Slack's, Microsoft's, and any the deployment adds in COMMSDESK_WEBHOOK_HOSTS), only over
 * HTTPS unless the deployment allowed the host itself, and redirects are refused rather than
 * followed (a redirect could point anywhere).
 */
import type { WebhookChannel } from '../../store/index.js';
import { NotifyError } from './email.js';
import type { NotifySettings } from './settings.js';

const KNOWN_HOSTS: Record<WebhookChannel, readonly RegExp[]> = {
  slack: [/^hooks\.slack\.com$/],
  teams: [
    /^[a-z0-9-]+\.webhook\.office\.com$/,
    /^[a-z0-9-]+\.[a-z0-9]+\.logic\.azure\.com$/,
    /^[a-z0-9-]+\.environment\.api\.powerplatform\.com$/,
  ],
};

/** Why a webhook URL is refused, or null when it may be used. */
export function webhookUrlProblem(
  channel: WebhookChannel,
  url: string,
  settings: Pick<NotifySettings, 'extraWebhookHosts'>,
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  const host = parsed.hostname.toLowerCase();
  const hostPort = parsed.port ? `${host}:${parsed.port}` : host;
  const extra =
    settings.extraWebhookHosts.includes(hostPort) || settings.extraWebhookHosts.includes(host);
  if (extra)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? null : 'must be http(s)';
  if (parsed.protocol !== 'https:') return 'must use https';
  if (parsed.port && parsed.port !== '443') return 'must use the standard https port';
  if (!KNOWN_HOSTS[channel].some((re) => re.test(host))) {
    return `host "${host}" is not a known ${channel === 'slack' ? 'Slack' : 'Microsoft Teams'} webhook host (an administrator may allow it in COMMSDESK_WEBHOOK_HOSTS)`;
  }
  return null;
}

/** Post a plain message. Slack and Teams incoming webhooks both accept `{ "text": … }`. */
export async function postWebhook(
  settings: NotifySettings,
  channel: WebhookChannel,
  url: string,
  message: { subject: string; text: string },
): Promise<void> {
  const problem = webhookUrlProblem(channel, url, settings);
  if (problem)
    throw new NotifyError(
      'webhook_url_not_allowed',
      `The ${channel} webhook URL ${problem}.`,
      true,
    );
  const text = `*${message.subject}*\n\n${message.text}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(channel === 'teams' ? { title: message.subject, text } : { text }),
    redirect: 'manual',
    signal: AbortSignal.timeout(settings.timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.status >= 300 && res.status < 400) {
    throw new NotifyError(
      'webhook_redirect',
      `The ${channel} webhook answered with a redirect (${res.status}); redirects are not followed.`,
      true,
    );
  }
  if (!res.ok) {
    // 4xx other than 429 will not get better by retrying: the URL was revoked or is wrong.
    const final = res.status >= 400 && res.status < 500 && res.status !== 429;
    throw new NotifyError(
      'webhook_failed',
      `The ${channel} webhook answered ${res.status}.`,
      final,
    );
  }
}
