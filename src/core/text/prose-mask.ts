/**
 * Blanking out the parts of a post that are not prose — links, email addresses, @handles and
 * #hashtags — so that word-level checks (reading age, jargon, spelling) neither count nor flag
 * them. The text keeps its length, so offsets found in the masked text are offsets in the draft.
 */

/**
 * One pattern per kind, each run only when a cheap test shows it could match (most posts have no
 * link or email). Every pattern starts behind a lookbehind that fails at once inside a word, and
 * every repetition is a single bounded character class, so each scan is linear.
 */
const KINDS: { hint: RegExp; re: RegExp }[] = [
  // Links with a scheme or www.
  { hint: /https?:|www\./i, re: /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<>"]+/giu },
  // Email addresses (local part, @, a dotted domain).
  {
    hint: /@/,
    re: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu,
  },
  // Bare domains, with or without a path: nhs.uk/flu, example.nhs.uk
  {
    hint: /\.(?:uk|com|org|net|gov|nhs|io|info|scot|wales)(?![\p{L}\p{N}-])/iu,
    re: /(?<![\p{L}\p{N}.@/-])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,6}\.(?:uk|com|org|net|gov|nhs|io|info|scot|wales)(?![\p{L}\p{N}-])(?:\/[^\s<>"]*)?/giu,
  },
  // @handles and #hashtags.
  { hint: /[@#]/, re: /(?<![\p{L}\p{N}_@#&])[@#][\p{L}\p{N}_]{1,140}/gu },
];

/** The text with links, email addresses, handles and hashtags replaced by spaces. */
export function maskNonProse(text: string): string {
  let out = text;
  for (const { hint, re } of KINDS)
    if (hint.test(out)) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}
