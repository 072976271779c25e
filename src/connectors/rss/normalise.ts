/** Feed entries → normalised items. */
import { createHash } from 'node:crypto';
import type { parseFeed } from '@rowanmanning/feed-parser';
import type { NormalisedItem } from '../contract.js';

export type FeedItem = ReturnType<typeof parseFeed>['items'][number];

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
};

/** Feed HTML → plain text for triage: block ends become line breaks, tags go, entities decode. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function mediaType(
  type: string | null,
  mime: string | null,
): NormalisedItem['media'][number]['type'] {
  const t = `${type ?? ''} ${mime ?? ''}`.toLowerCase();
  if (t.includes('image')) return 'image';
  if (t.includes('video')) return 'video';
  return 'file';
}

/** The entry's stable id: its guid/id, else its link, else a hash of title and date. */
export function entryId(item: FeedItem): string {
  if (item.id) return item.id;
  if (item.url) return item.url;
  const basis = JSON.stringify([
    item.title ?? '',
    item.published?.toISOString() ?? '',
    item.description ?? '',
  ]);
  return `sha256:${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`;
}

export function normaliseEntry(
  item: FeedItem,
  kind: 'post' | 'mention',
  feedTitle: string | null,
  now: Date,
): NormalisedItem {
  const title = item.title ? htmlToText(item.title) : '';
  const body = htmlToText(item.content ?? item.description ?? '');
  const text = [title, body && body !== title ? body : ''].filter(Boolean).join('\n\n');
  const author = item.authors.find((a) => a.name || a.url || a.email);
  const authorId = author?.url ?? author?.name ?? null;
  const media: NormalisedItem['media'] = item.media
    .filter((m) => /^https?:\/\//i.test(m.url))
    .map((m) => ({ type: mediaType(m.type, m.mimeType), url: m.url, altText: m.title }));
  if (
    item.image &&
    /^https?:\/\//i.test(item.image.url) &&
    !media.some((m) => m.url === item.image?.url)
  ) {
    media.push({ type: 'image', url: item.image.url, altText: item.image.title });
  }
  return {
    platform: 'rss',
    externalId: entryId(item),
    kind,
    author: authorId
      ? { platformAuthorId: authorId, displayName: author?.name ?? null }
      : feedTitle
        ? { platformAuthorId: feedTitle, displayName: feedTitle }
        : null,
    conversationId: null,
    inReplyTo: null,
    text,
    media,
    // An entry without a date is dated when the desk first saw it.
    receivedAt: (item.published ?? item.updated ?? now).toISOString(),
    permalink: item.url,
  };
}
