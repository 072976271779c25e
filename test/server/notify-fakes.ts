/**
 * Real servers for notification tests: an SMTP server (`smtp-server`) that keeps every message it
 * receives, and an HTTP server standing in for Teams and Slack incoming webhooks. Both listen on
 * 127.0.0.1 with a random port; `useNotifyServers()` points a desk at them with the settings a
 * deployment gives in its environment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Desk } from '../../src/server/context.js';
import { notifySettings } from '../../src/server/notify/settings.js';
import type { Client } from '../helpers/desk.js';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface FakeSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Refuse the next `n` messages with a temporary error (451), as a busy server does. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

function decodeQuotedPrintable(s: string): string {
  return s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
  if (/^Content-Transfer-Encoding: quoted-printable/im.test(head))
    body = decodeQuotedPrintable(body);
  return { to, subject, text: Buffer.from(body, 'latin1').toString('utf8').replace(/\r\n/g, '\n') };
}

export async function startSmtp(): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          const err = new Error('Try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
          return;
        }
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        mails.push(parseMail(Buffer.concat(chunks).toString('latin1'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext: (n) => {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface FakeWebhooks {
  /** `http://127.0.0.1:port` */
  base: string;
  host: string;
  posts: { path: string; body: { text?: string; title?: string } }[];
  /** Answer this status for the next requests to `path`. */
  answer(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startWebhooks(): Promise<FakeWebhooks> {
  const posts: FakeWebhooks['posts'] = [];
  const statuses = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const status = statuses.get(path) ?? 200;
      if (status === 200)
        posts.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? '1' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    posts,
    answer: (path, status) => {
      statuses.set(path, status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Point a desk's notifications at the fakes: the settings a deployment gives in its environment
 * (COMMSDESK_SMTP_URL, COMMSDESK_SMTP_FROM, COMMSDESK_WEBHOOK_HOSTS), read as `loadConfig` reads
 * them at start.
 */
export function useNotifyServers(desk: Desk, smtp: FakeSmtp, hooks: FakeWebhooks): void {
  desk.config.notify = notifySettings({
    COMMSDESK_SMTP_URL: smtp.url,
    COMMSDESK_SMTP_FROM: 'Commsdesk <desk@example.nhs.uk>',
    COMMSDESK_WEBHOOK_HOSTS: hooks.host,
  });
}

/**
 * Signed-in clients by role or email, signed in again only when a test moved the clock past the
 * session's idle timeout (signing in for every request would trip the sign-in rate limit).
 */
export function sessions(t: { as(who: string): Promise<Client> }) {
  const clients = new Map<string, Client>();
  return async (who: string): Promise<Client> => {
    let c = clients.get(who);
    if (!c || (await c.get('/api/auth/me')).statusCode === 401) {
      c = await t.as(who);
      clients.set(who, c);
    }
    return c;
  };
}
