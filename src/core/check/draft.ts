/** What the content check looks at: the text of a post, reply or staff draft and its media. */

/** Who the draft is for: the organisation's own accounts, or a staff member's personal account. */
export type Audience = 'corporate' | 'personal';

/** A picture or video attached to a draft. */
export interface DraftMedia {
  type: 'image' | 'video';
  /** Alternative text for an image; empty or missing means none was written. */
  alt?: string;
  /** Whether a video has captions (burnt in or as a caption file). */
  captions?: boolean;
  /** Whether the image or video shows a person who could be identified. */
  identifiable_people?: boolean;
  /** Whether informed consent is recorded for every identifiable person shown. */
  consent?: boolean;
  /** Whether the image is mostly text (a text-only graphic). */
  text_only?: boolean;
}

/** A draft to check. Only `text` is required. */
export interface Draft {
  text: string;
  audience: Audience;
  media: readonly DraftMedia[];
  /** The account handle the draft would be posted from, e.g. `@BSWCommsTeam`. */
  handle?: string;
  /**
   * Whether `handle` is a personal or a departmental account. When missing the audience decides:
   * personal audience → personal handle, corporate audience → departmental handle.
   */
  handleKind?: 'personal' | 'departmental';
  /**
   * When the draft would be published (ISO-8601), used for restricted periods. Passed in by the
   * caller: core never reads the clock. Missing means "not scheduled", so restricted periods
   * are not considered.
   */
  publishAt?: string;
}

/** Fill in the defaults of a partial draft. */
export function toDraft(input: { text: string } & Partial<Draft>): Draft {
  return {
    ...input,
    text: input.text,
    audience: input.audience ?? 'corporate',
    media: input.media ?? [],
  };
}
