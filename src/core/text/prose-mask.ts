/**
 * Blanking out the parts of a post that are not prose — links, email addresses, @handles and
 * #hashtags — so that word-level checks (reading age, jargon, spelling) neither count nor flag
 * them. The text keeps its length, so offsets found in the masked text are offsets in the draft.
 */

/**
 * One pass over the text. Every alternative starts behind a lookbehind that fails at once inside
 * a word, and every repetition is a single character class, so the scan is linear.
 */
const NON_PROSE = new RegExp(
  [
    // Links with a scheme or www.
    String.raw`(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<>"]+`,
    // Email addresses (local part, @, a dotted domain).
    String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}`,
    // Bare domains with a path or a well-known ending: nhs.uk/flu, example.nhs.uk
    String.raw`(?<![\p{L}\p{N}.@\/-])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,6}\.(?:uk|com|org|net|gov|nhs|io|info|scot|wales)(?![\p{L}\p{N}-])(?:\/[^\s<>"]*)?`,
    // @handles and #hashtags.
    String.raw`(?<![\p{L}\p{N}_@#&])[@#][\p{L}\p{N}_]{1,140}`,
  ].join('|'),
  'giu',
);

/** The text with links, email addresses, handles and hashtags replaced by spaces. */
export function maskNonProse(text: string): string {
  return text.replace(NON_PROSE, (m) => ' '.repeat(m.length));
}
