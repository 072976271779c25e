/** Recording an action in every audit chain it concerns. */
import type { Actor, Store } from '../../store/index.js';

/** Append to the chain of each organisation the person belongs to (sign-in events). */
export async function auditForUser(
  store: Store,
  userId: number,
  entry: { actor: Actor; action: string; after?: unknown; at: Date },
): Promise<void> {
  const memberships = await store.users.memberships(userId);
  for (const m of memberships) {
    await store.audit.append({
      organisationId: m.organisationId,
      actor: entry.actor,
      action: entry.action,
      subjectType: 'user',
      subjectId: userId,
      after: entry.after,
      at: entry.at,
    });
  }
}
