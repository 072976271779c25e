/**
 * Authors of inbound items: one person's history across platforms (identities linked by the
 * team), and the do-not-engage marker with its reason (INB-13 builds on it). A mark on any linked
 * identity marks the person; lifting it lifts it on every identity, so triage stops warning.
 */
import type { Actor, Author, Item, Organisation } from '../../store/index.js';
import type { Desk } from '../context.js';
import { badRequest, notFound } from '../errors.js';

export interface AuthorProfile {
  author: Author;
  /** Every identity of the person, the author included. */
  identities: Author[];
  /** The identity carrying the do-not-engage mark, when the person is marked. */
  marked: Author | null;
  /** The person's items on every linked platform, newest first (erased items left out). */
  history: Item[];
}

export class AuthorsService {
  constructor(private readonly desk: Desk) {}

  async profile(
    org: Organisation,
    authorId: number,
    page: { limit: number; before?: Date } = { limit: 50 },
  ): Promise<AuthorProfile> {
    const { authors } = this.desk.store;
    const author = await authors.get(org.id, authorId);
    if (!author) throw notFound('author');
    const [identities, history] = await Promise.all([
      authors.identities(org.id, authorId),
      authors.history(org.id, authorId, page),
    ]);
    return {
      author,
      identities,
      marked: identities.find((a) => a.doNotEngage) ?? null,
      history,
    };
  }

  /** Mark the author do-not-engage (a reason is required), or lift the mark from the person. */
  async mark(
    org: Organisation,
    authorId: number,
    marker: { doNotEngage: boolean; reason: string },
    actor: Actor,
  ): Promise<AuthorProfile> {
    const reason = marker.reason.trim();
    if (!reason) {
      throw badRequest('reason_required', 'Say why (the reason is kept in the audit log).', [
        { path: '/body/reason', reason: 'must not be empty' },
      ]);
    }
    const at = this.desk.clock.now();
    await this.desk.store.transaction(async (tx) => {
      const author = await tx.authors.get(org.id, authorId);
      if (!author) throw notFound('author');
      const targets = marker.doNotEngage
        ? [author]
        : (await tx.authors.identities(org.id, authorId)).filter((a) => a.doNotEngage);
      for (const target of targets) {
        await tx.authors.setDoNotEngage(org.id, target.id, {
          on: marker.doNotEngage,
          reason,
          by: actor,
          at,
        });
        await tx.audit.append({
          organisationId: org.id,
          actor,
          action: marker.doNotEngage ? 'author.do_not_engage' : 'author.do_not_engage_lifted',
          subjectType: 'author',
          subjectId: target.id,
          before: { do_not_engage: target.doNotEngage, reason: target.doNotEngageReason },
          after: { do_not_engage: marker.doNotEngage, reason },
          at,
        });
      }
    });
    return this.profile(org, authorId);
  }

  /** Record that two identities are one person (their histories and marks join). */
  async link(
    org: Organisation,
    authorId: number,
    otherAuthorId: number,
    actor: Actor,
  ): Promise<AuthorProfile> {
    if (authorId === otherAuthorId) {
      throw badRequest('link_to_self', 'An identity is already linked to itself.', [
        { path: '/body/author_id', reason: 'must be another author' },
      ]);
    }
    const at = this.desk.clock.now();
    await this.desk.store.transaction(async (tx) => {
      const [a, b] = await Promise.all([
        tx.authors.get(org.id, authorId),
        tx.authors.get(org.id, otherAuthorId),
      ]);
      if (!a || !b) throw notFound('author');
      if (!(await tx.authors.link(org.id, authorId, otherAuthorId))) throw notFound('author');
      const after = await tx.authors.get(org.id, otherAuthorId);
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'author.linked',
        subjectType: 'author',
        subjectId: authorId,
        before: { person_of: { [authorId]: a.personId, [otherAuthorId]: b.personId } },
        after: { linked: otherAuthorId, person_id: after?.personId ?? a.personId },
        at,
      });
    });
    return this.profile(org, authorId);
  }
}
