/** The documented JSON item shape (see README.md) → NormalisedItem. */
import { z } from 'zod';
import type { NormalisedItem } from '../contract.js';

export const webhookItem = z.object({
  id: z.string().min(1).max(256),
  kind: z.enum(['comment', 'reply', 'dm', 'mention', 'post', 'review']),
  text: z.string().max(20_000),
  createdAt: z.iso.datetime({ offset: true }),
  author: z
    .object({ id: z.string().min(1).max(256), name: z.string().max(256).nullish() })
    .nullish(),
  conversationId: z.string().max(256).nullish(),
  inReplyTo: z.string().max(256).nullish(),
  permalink: z.url({ protocol: /^https?$/ }).nullish(),
  media: z
    .array(
      z.object({
        type: z.enum(['image', 'video', 'link', 'file']),
        url: z.url({ protocol: /^https?$/ }),
        altText: z.string().max(2000).nullish(),
      }),
    )
    .max(20)
    .default([]),
});

export type WebhookItem = z.output<typeof webhookItem>;

export function toNormalised(item: WebhookItem): NormalisedItem {
  return {
    platform: 'webhook',
    externalId: item.id,
    kind: item.kind,
    author: item.author
      ? { platformAuthorId: item.author.id, displayName: item.author.name ?? null }
      : null,
    conversationId: item.conversationId ?? null,
    inReplyTo: item.inReplyTo ?? null,
    text: item.text,
    media: item.media.map((m) => ({ type: m.type, url: m.url, altText: m.altText ?? null })),
    receivedAt: new Date(item.createdAt).toISOString(),
    permalink: item.permalink ?? null,
  };
}
