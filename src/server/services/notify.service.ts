/**
 * Notifications: queued in the transaction of the change that causes them (an outbox row and a
 * `notification.send` job), sent later by the job with retries and backoff. One call queues an
 * email per recipient and a message per webhook channel the organisation has configured.
 */
import type {
  Job,
  Notification,
  NotificationChannel,
  Organisation,
  Store,
  WebhookChannel,
} from '../../store/index.js';
import type { Desk } from '../context.js';
import { NotifyError, sendEmail } from '../notify/email.js';
import type { MessageContent } from '../notify/message.js';
import { postWebhook } from '../notify/webhook.js';

export const NOTIFICATION_JOB = 'notification.send';
/** Attempts before a notification is given up (1 s, 2 s, 4 s … between them). */
export const NOTIFICATION_ATTEMPTS = 6;

export interface EmailRecipient {
  to: string;
  userId?: number | null;
}

/** The organisation's members who hold one of `roles`, as email recipients. */
export async function membersWithRole(
  tx: Store,
  organisationId: number,
  roles: readonly string[],
): Promise<EmailRecipient[]> {
  const members = await tx.users.members(organisationId);
  return members
    .filter((m) => m.roles.some((r) => roles.includes(r)))
    .map((m) => ({ to: m.email, userId: m.id }));
}

export async function personRecipient(tx: Store, userId: number): Promise<EmailRecipient | null> {
  const user = await tx.users.get(userId);
  return user ? { to: user.email, userId: user.id } : null;
}

/**
 * Queue a message: an email to each recipient and a post to each configured webhook channel.
 * `key` makes it idempotent: queueing the same key again (a retried job) queues nothing new.
 */
export async function queueNotifications(
  tx: Store,
  org: Organisation,
  input: {
    key: string;
    content: MessageContent;
    emails: readonly EmailRecipient[];
    webhooks: boolean;
    itemId?: number | null;
    escalationId?: number | null;
  },
  at: Date,
): Promise<{ notifications: Notification[]; created: boolean }> {
  const targets: { channel: NotificationChannel; to: string; userId: number | null }[] = [];
  const seen = new Set<string>();
  for (const e of input.emails) {
    const to = e.to.toLowerCase();
    if (seen.has(to)) continue;
    seen.add(to);
    targets.push({ channel: 'email', to, userId: e.userId ?? null });
  }
  if (input.webhooks) {
    for (const c of await tx.notifications.channels(org.id)) {
      targets.push({ channel: c.channel, to: c.channel, userId: null });
    }
  }
  const out: Notification[] = [];
  let any = false;
  for (const t of targets) {
    const { notification, created } = await tx.notifications.add(
      org.id,
      {
        key: `${input.key}:${t.channel}:${t.to}`,
        channel: t.channel,
        to: t.to,
        toUserId: t.userId,
        subject: input.content.subject,
        body: input.content.body,
        itemId: input.itemId ?? null,
        escalationId: input.escalationId ?? null,
      },
      at,
    );
    if (created) {
      any = true;
      await tx.jobs.enqueue(
        {
          organisationId: org.id,
          type: NOTIFICATION_JOB,
          payload: { notificationId: notification.id },
          runAt: at,
          uniqueKey: `notification:${notification.id}`,
          maxAttempts: NOTIFICATION_ATTEMPTS,
        },
        at,
      );
    }
    out.push(notification);
  }
  return { notifications: out, created: any };
}

/** Who a notification went to, for the audit log: a user id or a team/channel, never an address. */
function auditRecipient(n: Notification): Record<string, unknown> {
  return n.toUserId !== null
    ? { toUser: n.toUserId }
    : { to: n.channel === 'email' ? 'team mailbox' : n.to };
}

/**
 * Send one queued notification (the job). Idempotent: a sent or failed notification is left
 * alone. A failure worth retrying throws, so the worker retries it with backoff; one that cannot
 * get better (nothing configured, URL refused or revoked) is marked failed at once.
 */
export async function sendNotification(desk: Desk, job: Job): Promise<void> {
  const { notificationId } = job.payload as { notificationId: number };
  const { store, clock } = desk;
  const n = await store.notifications.get(job.organisationId, notificationId);
  if (!n || n.status !== 'queued') return;
  const settings = desk.config.notify;
  let failure: NotifyError | Error | null = null;
  try {
    if (n.channel === 'email') {
      await sendEmail(settings, { to: n.to, subject: n.subject, text: n.body });
    } else {
      const channel = (await store.notifications.channels(n.organisationId)).find(
        (c) => c.channel === n.channel,
      );
      if (!channel) {
        throw new NotifyError(
          'channel_removed',
          `The ${n.channel} channel is no longer configured.`,
          true,
        );
      }
      await postWebhook(
        settings,
        n.channel as WebhookChannel,
        desk.secrets.open(channel.urlSealed),
        {
          subject: n.subject,
          text: n.body,
        },
      );
    }
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
  }
  const at = clock.now();
  const final =
    failure !== null &&
    ((failure instanceof NotifyError && failure.final) || job.attempts >= job.maxAttempts);
  await store.transaction(async (tx) => {
    const after = await tx.notifications.recordAttempt(
      n.organisationId,
      n.id,
      failure === null ? { sentAt: at } : { error: failure.message, final },
    );
    if (!after) return;
    if (failure === null || final) {
      await tx.audit.append({
        organisationId: n.organisationId,
        actor: 'system',
        action: failure === null ? 'notification.sent' : 'notification.failed',
        subjectType: 'notification',
        subjectId: n.id,
        after: {
          channel: n.channel,
          ...auditRecipient(n),
          itemId: n.itemId,
          escalationId: n.escalationId,
          attempts: after.attempts,
          ...(failure
            ? { error: failure instanceof NotifyError ? failure.code : 'send_failed' }
            : {}),
        },
        at,
      });
    }
  });
  if (failure !== null && !final) throw failure;
}
