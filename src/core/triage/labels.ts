/** The triage labels of labels.md and what an item is. */

/** Every triage label, in the order of labels.md. */
export const LABELS = [
  'praise',
  'negative_feedback',
  'complaint',
  'patient_safety',
  'foi_request',
  'media_enquiry',
  'medical_question',
  'legal_matter',
  'abuse',
  'personal_data',
  'service_question',
  'misinformation',
  'spam',
] as const;

/** A triage label. */
export type Label = (typeof LABELS)[number];

/** Platforms an item can come from. */
export const PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'tiktok',
  'youtube',
  'mastodon',
  'bluesky',
  'rss',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What kind of interaction an item is. */
export const ITEM_KINDS = ['comment', 'reply', 'dm', 'mention'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** An inbound item to triage. Only `text` is needed. */
export interface InboundItem {
  text: string;
  platform?: Platform;
  kind?: ItemKind;
  author?: string;
  /** When the item arrived (ISO-8601); passed in, never read from the clock. */
  receivedAt?: string;
}

export type Sentiment = 'positive' | 'neutral' | 'negative';
