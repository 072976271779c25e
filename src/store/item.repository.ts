/**
 * Inbound items: idempotent batch ingest, the inbox, full-text search, status and assignment,
 * label corrections and erasure (INB-11). Every method is scoped to one organisation.
 */
import { sql, type Selectable } from 'kysely';
import { authorKey, ensureAuthors, type AuthorKey } from './author.repository.js';
import {
  actorText,
  bool,
  inTransaction,
  json,
  jsonOrNull,
  toDate,
  toIso,
  toNumber,
  type StoreContext,
} from './codec.js';
import {
  ITEM_STATUSES,
  OPEN_STATUSES,
  type Actor,
  type InboxQuery,
  type IngestResult,
  type Item,
  type ItemStatus,
  type LabelCorrection,
  type NewItem,
  type Page,
} from './model.js';
import { ITEM_COLUMNS, storedDueAt, toItem } from './rows.js';
import type { ItemsTable } from './schema.js';

/** Rows per INSERT: ~20 parameters each keeps well inside SQLite's and PostgreSQL's limits. */
const CHUNK = 500;
/** The largest inbox page. */
export const MAX_PAGE = 500;
/** Up to this many matches, PostgreSQL search sorts them itself (see search()). */
/** Newest items a common-word search looks through first on PostgreSQL. */
const RECENT_WINDOW = 10_000;
const SEARCH_CAP = 5_000;

/** What triage decided about an item, as re-triage or an SLA change writes it back. */
export interface TriageUpdate {
  labels: string[];
  urgent: boolean;
  routes: string[];
  sentiment: string | null;
  triage: unknown;
  dueAt: Date | null;
}

function itemKey(platform: string, externalId: string): string {
  return `${platform}\u0000${externalId}`;
}

function isOpen(status: ItemStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

function checkStatus(status: string): ItemStatus {
  if (!(ITEM_STATUSES as readonly string[]).includes(status)) {
    throw new TypeError(
      `Unexpected status "${status}", expected one of ${ITEM_STATUSES.join(', ')}`,
    );
  }
  return status as ItemStatus;
}

function uniqueLabels(labels: readonly string[] | undefined): string[] {
  return [...new Set(labels ?? [])];
}

export class ItemRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Store a batch in one transaction, idempotently on (organisation, platform, external id): an
   * item seen before — in an earlier batch, a concurrent one, or earlier in this one — is not
   * stored again and comes back with `created: false` and the id it already has. Results are in
   * the order of `items`. When the promise resolves, the batch is committed (durably on SQLite:
   * synchronous=FULL), so the caller may acknowledge the delivery.
   */
  async ingest(
    organisationId: number,
    items: readonly NewItem[],
    at: Date,
  ): Promise<IngestResult[]> {
    if (items.length === 0) return [];
    items.forEach((item, i) => {
      if (!item.platform || !item.externalId) {
        throw new TypeError(
          `Unexpected item ${i} without ${item.platform ? 'externalId' : 'platform'}, expected both`,
        );
      }
      checkStatus(item.status ?? 'new');
    });
    const ingestedAt = toIso(at);

    return inTransaction(this.ctx, async (tx) => {
      const authors: AuthorKey[] = [];
      for (const item of items) {
        if (item.author) authors.push({ platform: item.platform, ...item.author });
      }
      const authorIds = await ensureAuthors(tx, organisationId, authors, at);

      // The first occurrence of each key is the one stored; later ones in the batch are repeats.
      const first = new Map<string, NewItem>();
      for (const item of items) {
        const key = itemKey(item.platform, item.externalId);
        if (!first.has(key)) first.set(key, item);
      }
      // Sorted so that concurrent batches lock keys in the same order (no deadlocks on PostgreSQL).
      const keys = [...first.keys()].sort();
      const ids = new Map<string, number>();
      const created = new Set<string>();

      for (let i = 0; i < keys.length; i += CHUNK) {
        const chunk = keys.slice(i, i + CHUNK).map((k) => first.get(k) as NewItem);
        const inserted = await tx.db
          .insertInto('items')
          .values(
            chunk.map((item) => {
              const status = item.status ?? 'new';
              return {
                organisation_id: organisationId,
                account_id: item.accountId ?? null,
                platform: item.platform,
                external_id: item.externalId,
                kind: item.kind,
                author_id: item.author
                  ? (authorIds.get(authorKey(item.platform, item.author.platformAuthorId)) ?? null)
                  : null,
                conversation_id: item.conversationId ?? null,
                text: item.text,
                media: jsonOrNull(item.media),
                received_at: toIso(item.receivedAt),
                ingested_at: ingestedAt,
                labels: json(uniqueLabels(item.labels)),
                urgent: bool(tx.dialect, item.urgent ?? false),
                routes: json(item.routes ?? []),
                sentiment: item.sentiment ?? null,
                triage: jsonOrNull(item.triage),
                due_at: storedDueAt(item.dueAt),
                status,
                open: bool(tx.dialect, isOpen(status)),
                updated_at: ingestedAt,
              };
            }),
          )
          .onConflict((oc) =>
            oc.columns(['organisation_id', 'platform', 'external_id']).doNothing(),
          )
          .returning(['id', 'platform', 'external_id'])
          .execute();
        for (const r of inserted) {
          const key = itemKey(r.platform, r.external_id);
          ids.set(key, toNumber(r.id));
          created.add(key);
        }

        // Rows another batch committed first: read them back (a new snapshot per statement on
        // PostgreSQL's read committed, so a conflicting concurrent insert is visible here).
        const missing = chunk.filter((item) => !ids.has(itemKey(item.platform, item.externalId)));
        if (missing.length > 0) {
          const byPlatform = new Map<string, string[]>();
          for (const item of missing) {
            byPlatform.set(item.platform, [
              ...(byPlatform.get(item.platform) ?? []),
              item.externalId,
            ]);
          }
          const existing = await tx.db
            .selectFrom('items')
            .select(['id', 'platform', 'external_id'])
            .where('organisation_id', '=', organisationId)
            .where((eb) =>
              eb.or(
                [...byPlatform].map(([platform, externalIds]) =>
                  eb.and([eb('platform', '=', platform), eb('external_id', 'in', externalIds)]),
                ),
              ),
            )
            .execute();
          for (const r of existing) ids.set(itemKey(r.platform, r.external_id), toNumber(r.id));
        }
      }

      const labelRows = [...created].flatMap((key) => {
        const item = first.get(key) as NewItem;
        const status = item.status ?? 'new';
        return uniqueLabels(item.labels).map((label) => ({
          item_id: ids.get(key) as number,
          organisation_id: organisationId,
          label,
          open: bool(tx.dialect, isOpen(status)),
          due_at: storedDueAt(item.dueAt),
        }));
      });
      for (let i = 0; i < labelRows.length; i += CHUNK * 2) {
        await tx.db
          .insertInto('item_labels')
          .values(labelRows.slice(i, i + CHUNK * 2))
          .execute();
      }

      const seen = new Set<string>();
      return items.map((item) => {
        const key = itemKey(item.platform, item.externalId);
        const id = ids.get(key);
        if (id === undefined) {
          // Only possible if a concurrent transaction inserted and then rolled back in between.
          throw new Error(`Item ${item.platform}/${item.externalId} was neither stored nor found`);
        }
        const isNew = created.has(key) && !seen.has(key);
        seen.add(key);
        if (!isNew) return { id, created: false };
        // The author it was stored with, so ingest hooks need not read the item back.
        const authorId = item.author
          ? (authorIds.get(authorKey(item.platform, item.author.platformAuthorId)) ?? null)
          : null;
        return { id, created: true, authorId };
      });
    });
  }

  async get(organisationId: number, itemId: number): Promise<Item | null> {
    const row = await this.ctx.db
      .selectFrom('items')
      .select(ITEM_COLUMNS)
      .where('organisation_id', '=', organisationId)
      .where('id', '=', itemId)
      .executeTakeFirst();
    return row ? toItem(row) : null;
  }

  async byExternalId(
    organisationId: number,
    platform: string,
    externalId: string,
  ): Promise<Item | null> {
    const row = await this.ctx.db
      .selectFrom('items')
      .select(ITEM_COLUMNS)
      .where('organisation_id', '=', organisationId)
      .where('platform', '=', platform)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row ? toItem(row) : null;
  }

  /**
   * One inbox across every platform and account (INB-1): items sorted by due time (items without
   * one last), then id, a page at a time. Pass the returned `nextCursor` to get the next page;
   * pages stay consistent while new items arrive.
   */
  async inbox(organisationId: number, query: InboxQuery): Promise<Page<Item>> {
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.limit)));
    const statuses = [...new Set((query.status ?? OPEN_STATUSES).map(checkStatus))];
    if (statuses.length === 0) return { rows: [], nextCursor: null };
    const open = statuses.filter(isOpen).length;
    const openness = open === statuses.length ? true : open === 0 ? false : undefined;
    // `open` alone selects the statuses when they are all the open or all the closed ones.
    const closedCount = ITEM_STATUSES.length - OPEN_STATUSES.length;
    const exact =
      (openness === true && open === OPEN_STATUSES.length) ||
      (openness === false && statuses.length === closedCount);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const labels = uniqueLabels(query.labels);
    const { db, dialect } = this.ctx;

    if (labels.length === 0) {
      let q = db
        .selectFrom('items as i')
        .select(ITEM_COLUMNS.map((c) => `i.${c}` as const))
        .where('i.organisation_id', '=', organisationId);
      if (openness !== undefined) q = q.where('i.open', '=', bool(dialect, openness));
      if (!exact) q = q.where('i.status', 'in', statuses);
      if (query.accountId !== undefined) q = q.where('i.account_id', '=', query.accountId);
      if (query.platform !== undefined) q = q.where('i.platform', '=', query.platform);
      if (query.assignee !== undefined) {
        q =
          query.assignee === null
            ? q.where('i.assignee_id', 'is', null)
            : q.where('i.assignee_id', '=', query.assignee);
      }
      if (query.urgent !== undefined) q = q.where('i.urgent', '=', bool(dialect, query.urgent));
      if (query.dueBefore) q = q.where('i.due_at', '<', toIso(query.dueBefore));
      if (after) {
        q = q.where((eb) =>
          eb(eb.refTuple('i.due_at', 'i.id'), '>', eb.tuple(after.dueAt, after.id)),
        );
      }
      const rows = await q
        .orderBy('i.due_at')
        .orderBy('i.id')
        .limit(limit + 1)
        .execute();
      return page(rows.map(toItem), limit);
    }

    // Driven from item_labels, which carries the sort key: each label is one index range read in
    // order. Several labels are read one by one and merged here (rather than one query with
    // IN, which PostgreSQL answers by sorting every match): the first `limit + 1` of the merge are
    // among the first `limit + 1` of each label.
    const keysOf = async (label: string) => {
      let q = db
        .selectFrom('item_labels as l')
        .select(['l.due_at', 'l.item_id'])
        .where('l.organisation_id', '=', organisationId)
        .where('l.label', '=', label);
      if (openness !== undefined) q = q.where('l.open', '=', bool(dialect, openness));
      if (query.dueBefore) q = q.where('l.due_at', '<', toIso(query.dueBefore));
      if (after) {
        q = q.where((eb) =>
          eb(eb.refTuple('l.due_at', 'l.item_id'), '>', eb.tuple(after.dueAt, after.id)),
        );
      }
      const needsItem =
        !exact ||
        query.accountId !== undefined ||
        query.platform !== undefined ||
        query.assignee !== undefined ||
        query.urgent !== undefined;
      if (needsItem) {
        q = q.where((eb) => {
          let item = eb.selectFrom('items as i').select('i.id').whereRef('i.id', '=', 'l.item_id');
          if (!exact) item = item.where('i.status', 'in', statuses);
          if (query.accountId !== undefined)
            item = item.where('i.account_id', '=', query.accountId);
          if (query.platform !== undefined) item = item.where('i.platform', '=', query.platform);
          if (query.assignee !== undefined) {
            item =
              query.assignee === null
                ? item.where('i.assignee_id', 'is', null)
                : item.where('i.assignee_id', '=', query.assignee);
          }
          if (query.urgent !== undefined) {
            item = item.where('i.urgent', '=', bool(dialect, query.urgent));
          }
          return eb.exists(item);
        });
      }
      const rows = await q
        .orderBy('l.due_at')
        .orderBy('l.item_id')
        .limit(limit + 1)
        .execute();
      return rows.map((r) => ({ dueAt: toIso(toDate(r.due_at)), id: toNumber(r.item_id) }));
    };
    const merged = new Map<number, { dueAt: string; id: number }>();
    for (const keys of await Promise.all(labels.map(keysOf))) {
      for (const key of keys) merged.set(key.id, key);
    }
    const wanted = [...merged.values()]
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id - b.id))
      .slice(0, limit + 1);
    if (wanted.length === 0) return { rows: [], nextCursor: null };
    const rows = await db
      .selectFrom('items')
      .select(ITEM_COLUMNS)
      .where('organisation_id', '=', organisationId)
      .where(
        'id',
        'in',
        wanted.map((k) => k.id),
      )
      .execute();
    const position = new Map(wanted.map((k, i) => [k.id, i]));
    const items = rows
      .map(toItem)
      .sort((a, b) => (position.get(a.id) as number) - (position.get(b.id) as number));
    return page(items, limit);
  }

  /**
   * Items whose text matches every word of `query`, newest first. Erased items are never found:
   * their text is gone from the index and they are filtered out besides.
   */
  async search(organisationId: number, query: string, limit: number): Promise<Item[]> {
    const words = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
    if (words.length === 0) return [];
    const n = Math.max(1, Math.min(MAX_PAGE, Math.floor(limit)));
    const { db } = this.ctx;
    if (this.ctx.dialect === 'sqlite') {
      // Each word quoted: FTS5 syntax in what people type (a hyphen, a colon) cannot break the query.
      const match = words.map((w) => `"${w}"`).join(' ');
      const { rows } = await sql<Selectable<ItemsTable>>`
        select i.* from items_fts
        join items i on i.id = items_fts.rowid
        where items_fts match ${match}
          and i.organisation_id = ${organisationId}
          and i.erased_at is null
        order by items_fts.rowid desc
        limit ${n}`.execute(db);
      return rows.map(toItem);
    }
    // PostgreSQL cannot read a GIN index in id order. Common words are answered from the newest
    // RECENT_WINDOW items (a short index walk); when those hold fewer than `n` matches, the GIN
    // index gives every match (newest first here); when even that is more than SEARCH_CAP, the
    // newest-first walk over all items finds the first `n`.
    const tsquery = sql`plainto_tsquery('english', ${words.join(' ')})`;
    const { rows: recent } = await sql<{ id: number | string }>`
      select id from (
        select id, search from items
        where organisation_id = ${organisationId} and erased_at is null
        order by id desc
        limit ${RECENT_WINDOW}
      ) newest
      where search @@ ${tsquery}
      order by id desc
      limit ${n}`.execute(db);
    let newest: number[] = recent.map((m) => toNumber(m.id));
    if (newest.length < n) {
      const { rows: matches } = await sql<{ id: number | string }>`
        select id from items
        where organisation_id = ${organisationId} and erased_at is null and search @@ ${tsquery}
        limit ${SEARCH_CAP + 1}`.execute(db);
      if (matches.length <= SEARCH_CAP) {
        newest = matches
          .map((m) => toNumber(m.id))
          .sort((a, b) => b - a)
          .slice(0, n);
      } else {
        const { rows: ordered } = await sql<{ id: number | string }>`
          select id from items
          where organisation_id = ${organisationId} and erased_at is null and search @@ ${tsquery}
          order by id desc
          limit ${n}`.execute(db);
        newest = ordered.map((m) => toNumber(m.id));
      }
    }
    if (newest.length === 0) return [];
    const rows = await db
      .selectFrom('items')
      .select(ITEM_COLUMNS)
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', newest)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toItem);
  }

  /**
   * Move an item to `status`. With `from`, only when it is still in that status (so two people
   * acting at once cannot both move it); returns null when not moved.
   */
  async setStatus(
    organisationId: number,
    itemId: number,
    status: ItemStatus,
    options: { at: Date; from?: ItemStatus },
  ): Promise<Item | null> {
    checkStatus(status);
    const open = bool(this.ctx.dialect, isOpen(status));
    return inTransaction(this.ctx, async (tx) => {
      let q = tx.db
        .updateTable('items')
        .set({ status, open, updated_at: toIso(options.at) })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', itemId);
      if (options.from) q = q.where('status', '=', checkStatus(options.from));
      const row = await q.returning(ITEM_COLUMNS).executeTakeFirst();
      if (!row) return null;
      await tx.db
        .updateTable('item_labels')
        .set({ open })
        .where('organisation_id', '=', organisationId)
        .where('item_id', '=', itemId)
        .execute();
      return toItem(row);
    });
  }

  async assign(
    organisationId: number,
    itemId: number,
    assigneeId: number | null,
    at: Date,
  ): Promise<Item | null> {
    const row = await this.ctx.db
      .updateTable('items')
      .set({ assignee_id: assigneeId, updated_at: toIso(at) })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', itemId)
      .returning(ITEM_COLUMNS)
      .executeTakeFirst();
    return row ? toItem(row) : null;
  }

  /** Write back a new triage (after a profile change, say) with its labels and due time. */
  async retriage(
    organisationId: number,
    itemId: number,
    update: TriageUpdate,
    at: Date,
  ): Promise<Item | null> {
    return inTransaction(this.ctx, async (tx) => {
      const row = await tx.db
        .updateTable('items')
        .set({
          labels: json(uniqueLabels(update.labels)),
          urgent: bool(tx.dialect, update.urgent),
          routes: json(update.routes),
          sentiment: update.sentiment,
          triage: jsonOrNull(update.triage),
          due_at: storedDueAt(update.dueAt),
          updated_at: toIso(at),
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', itemId)
        .returning(ITEM_COLUMNS)
        .executeTakeFirst();
      if (!row) return null;
      const item = toItem(row);
      await replaceLabels(tx, item);
      return item;
    });
  }

  /** A new due time (the SLA clock paused, or a hand-off set its own). */
  async setDueAt(
    organisationId: number,
    itemId: number,
    dueAt: Date | null,
    at: Date,
  ): Promise<Item | null> {
    return inTransaction(this.ctx, async (tx) => {
      const row = await tx.db
        .updateTable('items')
        .set({ due_at: storedDueAt(dueAt), updated_at: toIso(at) })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', itemId)
        .returning(ITEM_COLUMNS)
        .executeTakeFirst();
      if (!row) return null;
      await tx.db
        .updateTable('item_labels')
        .set({ due_at: storedDueAt(dueAt) })
        .where('organisation_id', '=', organisationId)
        .where('item_id', '=', itemId)
        .execute();
      return toItem(row);
    });
  }

  /** A person corrects triage's labels; every change is kept with who made it and why. */
  async correctLabels(
    organisationId: number,
    itemId: number,
    correction: { add?: string[]; remove?: string[]; by: number; reason: string; at: Date },
  ): Promise<Item | null> {
    if (!correction.reason.trim()) {
      throw new TypeError('Unexpected empty reason, expected why the labels were corrected');
    }
    return inTransaction(this.ctx, async (tx) => {
      const current = await new ItemRepository(tx).get(organisationId, itemId);
      if (!current) return null;
      const added = uniqueLabels(correction.add).filter((l) => !current.labels.includes(l));
      const removed = uniqueLabels(correction.remove).filter((l) => current.labels.includes(l));
      if (added.length === 0 && removed.length === 0) return current;
      const labels = [...current.labels.filter((l) => !removed.includes(l)), ...added];
      const row = await tx.db
        .updateTable('items')
        .set({ labels: json(labels), updated_at: toIso(correction.at) })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', itemId)
        .returning(ITEM_COLUMNS)
        .executeTakeFirstOrThrow();
      await tx.db
        .insertInto('label_corrections')
        .values(
          [
            ...added.map((label) => ({ label, change: 'added' })),
            ...removed.map((label) => ({ label, change: 'removed' })),
          ].map((c) => ({
            organisation_id: organisationId,
            item_id: itemId,
            label: c.label,
            change: c.change,
            by_user: correction.by,
            reason: correction.reason,
            at: toIso(correction.at),
          })),
        )
        .execute();
      const item = toItem(row);
      await replaceLabels(tx, item);
      return item;
    });
  }

  async labelCorrections(organisationId: number, itemId: number): Promise<LabelCorrection[]> {
    const rows = await this.ctx.db
      .selectFrom('label_corrections')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('item_id', '=', itemId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: toNumber(r.id),
      organisationId: toNumber(r.organisation_id),
      itemId: toNumber(r.item_id),
      label: r.label,
      change: r.change as LabelCorrection['change'],
      by: toNumber(r.by_user),
      reason: r.reason,
      at: toDate(r.at),
    }));
  }

  /**
   * Erase an item's content after hand-off (INB-11), leaving a tombstone: the row keeps its id,
   * platform and external id (so a replayed delivery is still recognised and not stored again),
   * its labels, status and dates; its text, media, triage evidence (which quotes the text) and
   * author link go, as do the notes and questions of its hand-offs and consultations.
   * Erasing twice changes nothing. Returns null when the organisation has no such item.
   */
  async erase(organisationId: number, itemId: number, by: Actor, at: Date): Promise<Item | null> {
    return inTransaction(this.ctx, async (tx) => {
      const row = await tx.db
        .updateTable('items')
        .set({
          text: '',
          media: null,
          triage: null,
          author_id: null,
          erased_at: toIso(at),
          erased_by: actorText(by),
          updated_at: toIso(at),
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', itemId)
        .where('erased_at', 'is', null)
        .returning(ITEM_COLUMNS)
        .executeTakeFirst();
      if (!row) return new ItemRepository(tx).get(organisationId, itemId);
      await tx.db
        .updateTable('handoffs')
        .set({ note: null, outcome: null })
        .where('organisation_id', '=', organisationId)
        .where('item_id', '=', itemId)
        .execute();
      await tx.db
        .updateTable('consultations')
        .set({ question: null, answer: null })
        .where('organisation_id', '=', organisationId)
        .where('item_id', '=', itemId)
        .execute();
      return toItem(row);
    });
  }

  /** How many items the organisation has (open ones only, when asked). */
  async count(organisationId: number, options: { open?: boolean } = {}): Promise<number> {
    let q = this.ctx.db
      .selectFrom('items')
      .select(sql<number | string>`count(*)`.as('n'))
      .where('organisation_id', '=', organisationId);
    if (options.open !== undefined) q = q.where('open', '=', bool(this.ctx.dialect, options.open));
    const { n } = await q.executeTakeFirstOrThrow();
    return toNumber(n);
  }
}

async function replaceLabels(ctx: StoreContext, item: Item): Promise<void> {
  await ctx.db
    .deleteFrom('item_labels')
    .where('organisation_id', '=', item.organisationId)
    .where('item_id', '=', item.id)
    .execute();
  if (item.labels.length === 0) return;
  await ctx.db
    .insertInto('item_labels')
    .values(
      item.labels.map((label) => ({
        item_id: item.id,
        organisation_id: item.organisationId,
        label,
        open: bool(ctx.dialect, isOpen(item.status)),
        due_at: storedDueAt(item.dueAt),
      })),
    )
    .execute();
}

/** The first `limit` of `limit + 1` items, with a cursor when there were more. */
function page(items: Item[], limit: number): Page<Item> {
  const last = items.length > limit ? items[limit - 1] : undefined;
  return {
    rows: items.slice(0, limit),
    nextCursor: last ? encodeCursor(storedDueAt(last.dueAt), last.id) : null,
  };
}

function encodeCursor(dueAt: string, id: number): string {
  return Buffer.from(JSON.stringify([dueAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): { dueAt: string; id: number } {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof dueAt === 'string' && !Number.isNaN(Date.parse(dueAt)) && Number.isSafeInteger(id)) {
      return { dueAt, id: id as number };
    }
  } catch {
    // fall through
  }
  throw new TypeError(`Unexpected cursor "${cursor}", expected the nextCursor of an inbox page`);
}
