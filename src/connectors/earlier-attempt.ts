/**
 * For the connectors whose platforms take no idempotency key, so a retried post first looks for
 * the account's own earlier attempt: one window and one text comparison for all of them.
 * (Meta keeps its own: a 6 h window and a comparison that keeps line breaks.)
 */

/** How far back a retried post or reply looks for its own earlier attempt. */
export const EARLIER_ATTEMPT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether two texts match once runs of whitespace are made one space and the ends trimmed. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
