/**
 * One column mapping per export source. Headers are matched case-insensitively with spaces,
 * underscores and punctuation ignored, and each field lists the headers seen in that tool's
 * exports, best first. The README says which exports these were assumed from.
 */
import type { NormalisedItem } from '../contract.js';

export type ImportSource = 'brandwatch' | 'orlo' | 'sprout_social' | 'hootsuite';

export const IMPORT_SOURCES: readonly ImportSource[] = [
  'brandwatch',
  'orlo',
  'sprout_social',
  'hootsuite',
];

/** The fields an import fills, by the desk's names. */
export type ImportField =
  | 'id'
  | 'text'
  | 'title'
  | 'author'
  | 'authorId'
  | 'time'
  | 'permalink'
  | 'network'
  | 'type'
  | 'conversationId'
  | 'inReplyTo'
  | 'direction';

export interface SourceMapping {
  source: ImportSource;
  displayName: string;
  /** Header candidates per field, best first. `text` and `time` are required. */
  columns: Partial<Record<ImportField, string[]>>;
  /** The kind when the export has no type column or the type says nothing useful. */
  defaultKind: NormalisedItem['kind'];
  /** How many leading lines may be report preamble before the header row (Brandwatch has some). */
  maxPreambleRows: number;
}

export const SOURCE_MAPPINGS: Record<ImportSource, SourceMapping> = {
  brandwatch: {
    source: 'brandwatch',
    displayName: 'Brandwatch Consumer Research (mentions export)',
    columns: {
      id: ['Resource Id', 'Mention Id', 'Guid', 'Id'],
      text: ['Full Text', 'Snippet', 'Text'],
      title: ['Title'],
      author: ['Author', 'Full Name'],
      authorId: ['Twitter Author ID', 'Author Id'],
      time: ['Date', 'Date (GMT)', 'Published'],
      permalink: ['Url', 'Original Url'],
      network: ['Page Type', 'Content Source', 'Domain'],
      // Listening results are all mentions to the desk, whatever the tweet type.
      conversationId: ['Thread Id'],
    },
    defaultKind: 'mention',
    maxPreambleRows: 20,
  },
  orlo: {
    source: 'orlo',
    displayName: 'Orlo (inbox export)',
    columns: {
      id: ['Message ID', 'Social ID', 'Network ID', 'ID'],
      text: ['Message', 'Message Content', 'Content', 'Text'],
      author: ['Author', 'Author Name', 'From', 'Name'],
      authorId: ['Author Username', 'Username', 'Author ID', 'Handle'],
      time: ['Created', 'Date', 'Created At', 'Date Received', 'Received At'],
      permalink: ['Link', 'Permalink', 'URL'],
      network: ['Network', 'Social Network', 'Channel'],
      type: ['Type', 'Message Type', 'Visibility'],
      conversationId: ['Thread ID', 'Conversation ID'],
      direction: ['Direction'],
    },
    defaultKind: 'comment',
    maxPreambleRows: 5,
  },
  sprout_social: {
    source: 'sprout_social',
    displayName: 'Sprout Social (Smart Inbox / messages export)',
    columns: {
      id: ['Message ID', 'GUID', 'ID'],
      text: ['Message', 'Text', 'Content'],
      author: ['From', 'From Name', 'Sender', 'Author'],
      authorId: ['From Screen Name', 'Screen Name', 'Username', 'Handle'],
      time: ['Date', 'Timestamp', 'Created Time', 'Received'],
      permalink: ['Permalink', 'Link', 'URL'],
      network: ['Network', 'Source', 'Platform'],
      type: ['Message Type', 'Type'],
      conversationId: ['Conversation ID', 'Thread ID'],
      direction: ['Direction'],
    },
    defaultKind: 'comment',
    maxPreambleRows: 5,
  },
  hootsuite: {
    source: 'hootsuite',
    displayName: 'Hootsuite (Inbox 2.0 messages export)',
    columns: {
      id: ['Message ID', 'ID'],
      text: ['Message', 'Message Text', 'Content', 'Text', 'Body'],
      author: ['Contact Primary Identifier', 'Author', 'From'],
      authorId: ['Contact Profile ID', 'Author ID'],
      time: ['Created at', 'Date', 'Timestamp', 'Sent at'],
      permalink: ['Permalink', 'Link', 'URL'],
      network: ['Medium', 'Network', 'Social Network'],
      type: ['Message Type', 'Type', 'Channel Type'],
      conversationId: ['Conversation ID'],
      direction: ['Direction'],
    },
    defaultKind: 'comment',
    maxPreambleRows: 5,
  },
};

/** "Full Text" → "fulltext", "Date (GMT)" → "dategmt". */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A network name as the desk's platforms (shared/spec/labels.md) spell it, or null. */
export function networkOf(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (/twitter|^x$|\bx\.com|tweet/.test(v)) return 'x';
  if (/facebook|\bfb\b|messenger/.test(v)) return 'facebook';
  if (/instagram/.test(v)) return 'instagram';
  if (/linkedin/.test(v)) return 'linkedin';
  if (/tiktok/.test(v)) return 'tiktok';
  if (/youtube/.test(v)) return 'youtube';
  if (/mastodon/.test(v)) return 'mastodon';
  if (/bluesky|bsky/.test(v)) return 'bluesky';
  if (/rss|news|blog/.test(v)) return 'rss';
  return 'other';
}

/** The item kind a type cell describes ("Facebook Comment", "Direct Message", "Twitter Mention"). */
export function kindOf(
  type: string | undefined,
  fallback: NormalisedItem['kind'],
): NormalisedItem['kind'] {
  if (!type) return fallback;
  const t = type.toLowerCase();
  if (/direct|private|\bdm\b|message \(private\)|messenger|conversation/.test(t)) return 'dm';
  if (/review|rating|recommendation/.test(t)) return 'review';
  if (/repl/.test(t)) return 'reply';
  if (/comment/.test(t)) return 'comment';
  if (/mention|tag/.test(t)) return 'mention';
  if (/post|tweet|original|visitor|status/.test(t)) return 'post';
  return fallback;
}
