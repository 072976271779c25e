/**
 * Email through SMTP (nodemailer). One transport per SMTP URL, reused: opening a connection per
 * message is slow and mail servers rate-limit it.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotifySettings } from './settings.js';

const transports = new Map<string, Transporter>();

function transportFor(settings: NotifySettings): Transporter {
  const url = settings.smtpUrl;
  if (!url)
    throw new NotifyError(
      'email_not_configured',
      'Email is not configured (set COMMSDESK_SMTP_URL).',
      true,
    );
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport({
      url,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
    transports.set(url, t);
  }
  return t;
}

/** A sending failure in words; `final` when retrying cannot help (nothing configured). */
export class NotifyError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly final = false,
  ) {
    super(message);
    this.name = 'NotifyError';
  }
}

export async function sendEmail(
  settings: NotifySettings,
  message: { to: string; subject: string; text: string },
): Promise<void> {
  await transportFor(settings).sendMail({
    from: settings.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
  });
}
