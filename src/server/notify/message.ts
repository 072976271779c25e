/**
 * What a notification says. Email and chat messages leave the desk's protection (mailboxes,
 * phones' lock screens, Teams channels), so they carry only a link to the item and its labels,
 * never the item's text, the author's name or anything else personal; whoever opens the link
 * signs in to see the rest.
 */
import type { Item, Organisation } from '../../store/index.js';

export interface MessageContent {
  subject: string;
  body: string;
}

export function itemLink(publicUrl: string, org: Organisation, itemId: number): string {
  return `${publicUrl}/orgs/${encodeURIComponent(org.slug)}/items/${itemId}`;
}

/** A message about one item: a headline, the link, the labels and the due time. */
export function itemMessage(
  publicUrl: string,
  org: Organisation,
  item: Pick<Item, 'id' | 'labels' | 'urgent' | 'dueAt' | 'platform' | 'kind'>,
  headline: string,
  extra: readonly string[] = [],
): MessageContent {
  const lines = [
    headline,
    '',
    `Item: ${itemLink(publicUrl, org, item.id)}`,
    `Platform and kind: ${item.platform} ${item.kind}`,
    `Labels: ${item.labels.length > 0 ? item.labels.join(', ') : 'none'}`,
    `Urgent: ${item.urgent ? 'yes' : 'no'}`,
    ...(item.dueAt ? [`Due: ${item.dueAt.toISOString()}`] : []),
    ...extra,
    '',
    'This message holds no personal content. Open the link and sign in to see the item.',
  ];
  return { subject: `[Commsdesk] ${headline} (item ${item.id})`, body: lines.join('\n') };
}
