/**
 * Notifications: the outbox (what was sent to whom, when, and whether it arrived), the
 * organisation's Teams and Slack webhooks (stored sealed; never shown again, only their host),
 * and the DM acknowledgements recorded (INB-3).
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { WEBHOOK_CHANNELS, type Notification, type WebhookChannel } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { webhookUrlProblem } from '../notify/webhook.js';
import { OrgParams } from './schemas.js';

function notificationView(n: Notification) {
  return {
    id: n.id,
    channel: n.channel,
    to: n.to,
    to_user_id: n.toUserId,
    subject: n.subject,
    body: n.body,
    item_id: n.itemId,
    escalation_id: n.escalationId,
    status: n.status,
    attempts: n.attempts,
    last_error: n.lastError,
    created_at: n.createdAt.toISOString(),
    sent_at: n.sentAt?.toISOString() ?? null,
  };
}

const ListQuery = Type.Object(
  {
    item: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(
      Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

const ChannelParams = Type.Object({
  org: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
  channel: Type.Union(WEBHOOK_CHANNELS.map((c) => Type.Literal(c))),
});

const ChannelBody = Type.Object(
  { url: Type.String({ minLength: 8, maxLength: 2048 }) },
  { additionalProperties: false },
);

export async function notificationRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const { store, clock, secrets } = desk;

  app.get(
    '/api/orgs/:org/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The notification outbox, newest first',
        params: OrgParams,
        querystring: ListQuery,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const q = request.query as Static<typeof ListQuery>;
      const access = await orgAccess(desk, request, org, 'audit.read');
      const list = await store.notifications.list(access.org.id, {
        ...(q.item ? { itemId: q.item } : {}),
        ...(q.status ? { status: q.status } : {}),
        limit: q.limit ?? 50,
      });
      return { notifications: list.map(notificationView) };
    },
  );

  app.get(
    '/api/orgs/:org/notifications/channels',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Which webhook channels are configured (the URLs are never shown)',
        params: OrgParams,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org, 'settings.manage');
      const channels = await store.notifications.channels(access.org.id);
      return {
        channels: channels.map((c) => ({
          channel: c.channel,
          host: hostOf(secrets.open(c.urlSealed)),
          updated_by: c.updatedBy,
          updated_at: c.updatedAt.toISOString(),
        })),
      };
    },
  );

  app.put(
    '/api/orgs/:org/notifications/channels/:channel',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Set the Teams or Slack incoming webhook URL (stored encrypted)',
        params: ChannelParams,
        body: ChannelBody,
      },
    },
    async (request) => {
      const { org, channel } = request.params as { org: string; channel: WebhookChannel };
      const { url } = request.body as Static<typeof ChannelBody>;
      const access = await orgAccess(desk, request, org, 'settings.manage');
      const problem = webhookUrlProblem(channel, url, desk.config.notify);
      if (problem) {
        throw badRequest('webhook_url_not_allowed', `The ${channel} webhook URL ${problem}.`, [
          { path: '/body/url', reason: problem },
        ]);
      }
      const at = clock.now();
      await store.transaction(async (tx) => {
        await tx.notifications.setChannel(
          access.org.id,
          channel,
          secrets.seal(url),
          access.actor,
          at,
        );
        await tx.audit.append({
          organisationId: access.org.id,
          actor: access.actor,
          action: 'notifications.channel_set',
          subjectType: 'notification_channel',
          subjectId: channel,
          after: { channel, host: hostOf(url) },
          at,
        });
      });
      return { channel, host: hostOf(url) };
    },
  );

  app.delete(
    '/api/orgs/:org/notifications/channels/:channel',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Remove a webhook channel',
        params: ChannelParams,
      },
    },
    async (request, reply) => {
      const { org, channel } = request.params as { org: string; channel: WebhookChannel };
      const access = await orgAccess(desk, request, org, 'settings.manage');
      const at = clock.now();
      await store.transaction(async (tx) => {
        if (!(await tx.notifications.removeChannel(access.org.id, channel)))
          throw notFound('channel');
        await tx.audit.append({
          organisationId: access.org.id,
          actor: access.actor,
          action: 'notifications.channel_removed',
          subjectType: 'notification_channel',
          subjectId: channel,
          before: { channel },
          at,
        });
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/orgs/:org/acknowledgements',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Automatic DM acknowledgements and their delivery, newest first (INB-3)',
        params: OrgParams,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org, 'inbox.read');
      const list = await store.oncall.dmAcknowledgements(access.org.id);
      return {
        acknowledgements: list.map((a) => ({
          id: a.id,
          item_id: a.itemId,
          platform: a.platform,
          conversation: a.conversation,
          template_id: a.templateId,
          text: a.text,
          status: a.status,
          post_id: a.postId,
          account_id: a.accountId,
          platform_message_id: a.platformMessageId,
          error: a.error,
          delivered_at: a.deliveredAt?.toISOString() ?? null,
          created_at: a.createdAt.toISOString(),
        })),
      };
    },
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
