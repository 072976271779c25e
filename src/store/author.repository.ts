/**
 * Authors of inbound items, per platform identity, with the do-not-engage marker and links that
 * join one person's identities across platforms (INB-13 counts their items across all of them).
 */
import { sql, type Selectable } from 'kysely';
import {
  actorOrNull,
  actorText,
  bool,
  dateOrNull,
  fromBool,
  inTransaction,
  isoOrNull,
  numberOrNull,
  toDate,
  toIso,
  toNumber,
} from './codec.js';
import type { StoreContext } from './codec.js';
import type { Actor, Author, AuthorContext, Item } from './model.js';
import { ITEM_COLUMNS, toItem } from './rows.js';
import type { AuthorsTable } from './schema.js';

/** An author as ingest sees one. */
export interface AuthorKey {
  platform: string;
  platformAuthorId: string;
  displayName?: string | null;
}

const CHUNK = 500;

export function authorKey(platform: string, platformAuthorId: string): string {
  return `${platform}\u0000${platformAuthorId}`;
}

/**
 * Find or create authors in one go (inside the caller's transaction), returning their ids by
 * {@link authorKey}. Sorted before inserting so concurrent batches take row locks in the same
 * order and cannot deadlock on PostgreSQL.
 */
export async function ensureAuthors(
  ctx: StoreContext,
  organisationId: number,
  authors: readonly AuthorKey[],
  at: Date,
): Promise<Map<string, number>> {
  const byKey = new Map<string, AuthorKey>();
  for (const a of authors) {
    const key = authorKey(a.platform, a.platformAuthorId);
    if (!byKey.has(key)) byKey.set(key, a);
  }
  const keys = [...byKey.keys()].sort();
  const ids = new Map<string, number>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK).map((k) => byKey.get(k) as AuthorKey);
    const inserted = await ctx.db
      .insertInto('authors')
      .values(
        chunk.map((a) => ({
          organisation_id: organisationId,
          platform: a.platform,
          platform_author_id: a.platformAuthorId,
          display_name: a.displayName ?? null,
          do_not_engage: bool(ctx.dialect, false),
          first_seen_at: toIso(at),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'platform', 'platform_author_id']).doNothing(),
      )
      .returning(['id', 'platform', 'platform_author_id'])
      .execute();
    for (const r of inserted) ids.set(authorKey(r.platform, r.platform_author_id), toNumber(r.id));
    const missing = chunk.filter((a) => !ids.has(authorKey(a.platform, a.platformAuthorId)));
    if (missing.length > 0) {
      const existing = await ctx.db
        .selectFrom('authors')
        .select(['id', 'platform', 'platform_author_id'])
        .where('organisation_id', '=', organisationId)
        .where((eb) =>
          eb.or(
            groupByPlatform(missing).map(([platform, authorIds]) =>
              eb.and([eb('platform', '=', platform), eb('platform_author_id', 'in', authorIds)]),
            ),
          ),
        )
        .execute();
      for (const r of existing) {
        ids.set(authorKey(r.platform, r.platform_author_id), toNumber(r.id));
      }
    }
  }
  return ids;
}

function groupByPlatform(authors: readonly AuthorKey[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const a of authors) {
    const list = groups.get(a.platform) ?? [];
    list.push(a.platformAuthorId);
    groups.set(a.platform, list);
  }
  return [...groups];
}

export class AuthorRepository {
  constructor(private readonly ctx: StoreContext) {}

  async get(organisationId: number, authorId: number): Promise<Author | null> {
    const row = await this.ctx.db
      .selectFrom('authors')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', authorId)
      .executeTakeFirst();
    return row ? toAuthor(row) : null;
  }

  async find(
    organisationId: number,
    platform: string,
    platformAuthorId: string,
  ): Promise<Author | null> {
    const row = await this.ctx.db
      .selectFrom('authors')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('platform', '=', platform)
      .where('platform_author_id', '=', platformAuthorId)
      .executeTakeFirst();
    return row ? toAuthor(row) : null;
  }

  /** Find or create one author. */
  async ensure(organisationId: number, author: AuthorKey, at: Date): Promise<Author> {
    const ids = await ensureAuthors(this.ctx, organisationId, [author], at);
    const id = ids.get(authorKey(author.platform, author.platformAuthorId)) as number;
    return (await this.get(organisationId, id)) as Author;
  }

  async setDoNotEngage(
    organisationId: number,
    authorId: number,
    marker: { on: boolean; reason?: string | null; by: Actor; at: Date },
  ): Promise<Author | null> {
    if (marker.on && !marker.reason?.trim()) {
      throw new TypeError('Unexpected empty reason, expected why the author is not to be engaged');
    }
    const row = await this.ctx.db
      .updateTable('authors')
      .set({
        do_not_engage: bool(this.ctx.dialect, marker.on),
        dne_reason: marker.on ? (marker.reason ?? null) : null,
        dne_by: actorText(marker.by),
        dne_at: isoOrNull(marker.at),
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', authorId)
      .returningAll()
      .executeTakeFirst();
    return row ? toAuthor(row) : null;
  }

  /** Record that two identities are one person; their groups merge. */
  async link(organisationId: number, authorId: number, otherAuthorId: number): Promise<boolean> {
    return inTransaction(this.ctx, async (tx) => {
      const rows = await tx.db
        .selectFrom('authors')
        .select(['id', 'person_id'])
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', [authorId, otherAuthorId])
        .execute();
      if (rows.length !== (authorId === otherAuthorId ? 1 : 2)) return false;
      const personOf = (id: number) => {
        const r = rows.find((x) => toNumber(x.id) === id);
        return numberOrNull(r?.person_id ?? null) ?? id;
      };
      const keep = personOf(authorId);
      const merge = personOf(otherAuthorId);
      if (keep === merge) return true;
      await tx.db
        .updateTable('authors')
        .set({ person_id: keep })
        .where('organisation_id', '=', organisationId)
        .where((eb) => eb.or([eb('id', '=', merge), eb('person_id', '=', merge)]))
        .execute();
      return true;
    });
  }

  /** Every identity of the person the author belongs to (the author included). */
  async identities(organisationId: number, authorId: number): Promise<Author[]> {
    const person = await this.#personOf(organisationId, authorId);
    if (person === null) return [];
    const rows = await this.ctx.db
      .selectFrom('authors')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where((eb) => eb.or([eb('id', '=', person), eb('person_id', '=', person)]))
      .orderBy('id')
      .execute();
    return rows.map(toAuthor);
  }

  /** The person's items on every linked platform, newest first; erased items are left out. */
  async history(
    organisationId: number,
    authorId: number,
    options: { limit: number; before?: Date } = { limit: 50 },
  ): Promise<Item[]> {
    const ids = (await this.identities(organisationId, authorId)).map((a) => a.id);
    if (ids.length === 0) return [];
    let q = this.ctx.db
      .selectFrom('items')
      .select(ITEM_COLUMNS)
      .where('organisation_id', '=', organisationId)
      .where('author_id', 'in', ids)
      .where('erased_at', 'is', null);
    if (options.before) q = q.where('received_at', '<', toIso(options.before));
    const rows = await q
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map(toItem);
  }

  /**
   * What triage needs to know about the author (core's `AuthorContext`): marked do-not-engage on
   * any linked identity, and how many items the person sent before `before`.
   */
  async context(
    organisationId: number,
    authorId: number,
    before?: Date,
  ): Promise<AuthorContext | null> {
    const identities = await this.identities(organisationId, authorId);
    if (identities.length === 0) return null;
    let q = this.ctx.db
      .selectFrom('items')
      .select(sql<number | string>`count(*)`.as('n'))
      .where('organisation_id', '=', organisationId)
      .where(
        'author_id',
        'in',
        identities.map((a) => a.id),
      )
      .where('erased_at', 'is', null);
    if (before) q = q.where('received_at', '<', toIso(before));
    const { n } = await q.executeTakeFirstOrThrow();
    const marked = identities.find((a) => a.doNotEngage);
    return {
      doNotEngage: marked !== undefined,
      ...(marked?.doNotEngageReason ? { reason: marked.doNotEngageReason } : {}),
      priorItems: toNumber(n),
    };
  }

  async #personOf(organisationId: number, authorId: number): Promise<number | null> {
    const row = await this.ctx.db
      .selectFrom('authors')
      .select(['id', 'person_id'])
      .where('organisation_id', '=', organisationId)
      .where('id', '=', authorId)
      .executeTakeFirst();
    return row ? (numberOrNull(row.person_id) ?? toNumber(row.id)) : null;
  }
}

export function toAuthor(row: Selectable<AuthorsTable>): Author {
  const id = toNumber(row.id);
  return {
    id,
    organisationId: toNumber(row.organisation_id),
    platform: row.platform,
    platformAuthorId: row.platform_author_id,
    displayName: row.display_name,
    personId: numberOrNull(row.person_id) ?? id,
    doNotEngage: fromBool(row.do_not_engage),
    doNotEngageReason: row.dne_reason,
    doNotEngageBy: actorOrNull(row.dne_by),
    doNotEngageAt: dateOrNull(row.dne_at),
    firstSeenAt: toDate(row.first_seen_at),
  };
}
