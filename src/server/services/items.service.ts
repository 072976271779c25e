/**
 * The inbox's use cases: ingest (triage with core, store idempotently, audit, hand the created
 * items to the ingest hooks in the same transaction), the inbox and search, and the work on an
 * item — status, assignment, hand-offs with their own clocks, consultations (INB-9), action steps,
 * label corrections and erasure after hand-off (INB-11). Every change is audited with before and
 * after, in the transaction of the change.
 */
import { assessItem, type Assessment } from '../../core/inbox/assess.js';
import { actionsFor } from '../../core/triage/actions.js';
import type { Label, Sentiment } from '../../core/triage/labels.js';
import type { Route } from '../../core/profile/schema.js';
import { dueAt as workingDueAt } from '../../core/sla/calendar.js';
import { ITEM_KINDS, PLATFORMS, type InboundItem } from '../../core/triage/labels.js';
import { foiDueAt } from '../../core/sla/foi.js';
import type {
  Actor,
  IngestResult,
  Item,
  ItemStatus,
  NewItem,
  Organisation,
} from '../../store/index.js';
import { TEAM_OF_ROLE, type RoleId } from '../../core/access/permissions.js';
import type { OrgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest, conflict, DeskError, notFound } from '../errors.js';
import { crisisDueAt, crisisMonitoring } from './crisis-monitoring.js';
import { triagePoolFor, type TriagedFields } from './triage-pool.js';

/** An item as the API and connectors deliver it. */
export interface IncomingItem {
  platform: string;
  externalId: string;
  kind: string;
  text: string;
  receivedAt: Date;
  author?: { platformAuthorId: string; displayName?: string | null } | null;
  /** The organisation's account handle the item reached. */
  account?: string | null;
  conversationId?: string | null;
  media?: unknown[] | null;
  permalink?: string | null;
}

export const MAX_BATCH = 1_000;

/** The triage record stored with an item: what the "why" view shows. */
export function triageRecord(a: Assessment): Record<string, unknown> {
  return {
    evidence: a.result.evidence,
    urgentBecause: a.result.urgentBecause,
    routeReasons: a.result.routeReasons,
    scores: a.result.scores,
    dueBasis: a.clock.basis,
    outOfHours: a.clock.outOfHours,
    ...(a.clock.foi
      ? { foiDueDate: a.clock.foi.date, foiDueAt: a.clock.foi.endOfDay.toISOString() }
      : {}),
    ...(a.foi ? { foiValidity: a.foi } : {}),
    actions: a.actions.map((x) => ({
      id: x.id,
      title: x.title,
      detail: x.detail,
      required: x.required,
      clause: x.clause,
      requirement: x.requirement,
      kind: x.kind,
      ...(x.route ? { route: x.route } : {}),
      ...(x.template ? { template: x.template } : {}),
    })),
  };
}

function toInbound(item: IncomingItem): InboundItem {
  const platform = (PLATFORMS as readonly string[]).includes(item.platform)
    ? (item.platform as InboundItem['platform'])
    : 'other';
  const kind = (ITEM_KINDS as readonly string[]).includes(item.kind)
    ? (item.kind as InboundItem['kind'])
    : undefined;
  return {
    text: item.text,
    platform,
    ...(kind ? { kind } : {}),
    ...(item.author?.displayName ? { author: item.author.displayName } : {}),
    receivedAt: item.receivedAt.toISOString(),
  };
}

export class ItemsService {
  constructor(private readonly desk: Desk) {}

  /** Judge one item the way ingest does (used by ingest and by re-triage). */
  assess(org: Organisation, item: IncomingItem): Assessment {
    const compiled = this.desk.profiles.forOrganisation(org);
    return assessItem(toInbound(item), item.receivedAt, compiled.triage, compiled.calendar);
  }

  /**
   * Ingest a batch: triage every item, then store them in one transaction that also writes the
   * audit entry and runs the ingest hooks for the items that are new. Repeats (same platform and
   * external id) come back with `created: false` and change nothing. When this resolves the batch
   * is durable, so the caller may acknowledge it.
   */
  async ingest(
    org: Organisation,
    items: readonly IncomingItem[],
    actor: Actor,
  ): Promise<IngestResult[]> {
    if (items.length > MAX_BATCH) {
      throw new DeskError(
        413,
        'batch_too_large',
        `At most ${MAX_BATCH} items per request; this one had ${items.length}.`,
      );
    }
    const { store, clock } = this.desk;
    const at = clock.now();
    const accounts = new Map<string, number | null>();
    for (const item of items) {
      if (item.account && !accounts.has(`${item.platform}\u0000${item.account}`)) {
        const acc = await store.accounts.byHandle(org.id, item.platform, item.account);
        accounts.set(`${item.platform}\u0000${item.account}`, acc?.id ?? null);
      }
    }
    const triaged = await this.triageBatch(org, items);
    // INB-5: during a crisis every hour is monitored and the urgent target is halved.
    const { profile } = this.desk.profiles.forOrganisation(org);
    const monitoring = crisisMonitoring(org, profile);
    const rows: NewItem[] = items.map((item, i) => {
      let t = triaged[i]!;
      const crisis = crisisDueAt(monitoring, profile, {
        urgent: t.urgent,
        receivedAt: item.receivedAt,
        dueAt: t.dueAt,
      });
      if (crisis) {
        t = {
          ...t,
          dueAt: crisis.dueAt,
          triage: { ...t.triage, dueBasis: crisis.basis, crisisMode: true },
        };
      }
      return {
        platform: item.platform,
        externalId: item.externalId,
        kind: item.kind,
        accountId: item.account
          ? (accounts.get(`${item.platform}\u0000${item.account}`) ?? null)
          : null,
        author: item.author ?? null,
        conversationId: item.conversationId ?? null,
        text: item.text,
        media: item.media ?? null,
        receivedAt: item.receivedAt,
        labels: t.labels,
        urgent: t.urgent,
        routes: t.routes,
        sentiment: t.sentiment,
        triage: t.triage,
        dueAt: t.dueAt,
      };
    });
    return store.transaction(async (tx) => {
      const results = await tx.items.ingest(org.id, rows, at);
      const createdIds = results.filter((r) => r.created).map((r) => r.id);
      if (createdIds.length > 0) {
        await tx.audit.append({
          organisationId: org.id,
          actor,
          action: 'items.ingest',
          subjectType: 'items',
          subjectId: `${createdIds[0]}..${createdIds[createdIds.length - 1]}`,
          after: {
            created: createdIds.length,
            repeats: results.length - createdIds.length,
            ids: createdIds,
          },
          at,
        });
        if (this.desk.ingestHooks.length > 0) {
          // Built from what was just stored rather than read back: ingest stays one round trip.
          const created: Item[] = [];
          results.forEach((r, i) => {
            if (r.created) created.push(asStored(org.id, r.id, r.authorId ?? null, rows[i]!, at));
          });
          for (const hook of this.desk.ingestHooks) await hook(tx, org, created, at);
        }
      }
      return results;
    });
  }

  /** Triage a batch: on the triage threads when it is large (triage-pool.ts), else inline. */
  private async triageBatch(
    org: Organisation,
    items: readonly IncomingItem[],
  ): Promise<TriagedFields[]> {
    const pool = triagePoolFor(this.desk);
    if (pool.wants(items.length)) {
      const { profile } = this.desk.profiles.forOrganisation(org);
      const work = items.map((item) => ({
        inbound: toInbound(item),
        receivedAt: item.receivedAt,
        permalink: item.permalink ?? null,
      }));
      // On failure the pool has logged why and stopped; the batch is triaged inline below.
      const rows = await pool.run(profile, work).catch(() => null);
      if (rows) return rows;
    }
    return items.map((item) => {
      const a = this.assess(org, item);
      return {
        labels: a.result.labels,
        urgent: a.result.urgent,
        routes: a.result.routes,
        sentiment: a.result.sentiment,
        triage: { ...triageRecord(a), ...(item.permalink ? { permalink: item.permalink } : {}) },
        dueAt: a.clock.dueAt,
      };
    });
  }

  /**
   * The item's action checklist as it stands now: worked out again with what is known of the
   * author across platforms (INB-13: persistent authors get the Appendix A guidance; do-not-engage
   * authors are not answered), which ingest did not look up.
   */
  async currentActions(org: Organisation, item: Item) {
    if (item.erasedAt || item.authorId === null) return null;
    const author = await this.desk.store.authors.context(org.id, item.authorId, item.receivedAt);
    if (!author || (!author.doNotEngage && author.priorItems === 0)) return null;
    const { profile } = this.desk.profiles.forOrganisation(org);
    const triage = (item.triage ?? {}) as {
      outOfHours?: boolean;
      foiDueDate?: string;
      foiValidity?: { missing: string[] };
    };
    const kind = (ITEM_KINDS as readonly string[]).includes(item.kind)
      ? (item.kind as InboundItem['kind'])
      : undefined;
    const actions = actionsFor({
      labels: item.labels as Label[],
      urgent: item.urgent,
      sentiment: (item.sentiment ?? 'neutral') as Sentiment,
      routes: item.routes as Route[],
      ...(kind ? { kind } : {}),
      author: {
        doNotEngage: author.doNotEngage,
        priorItems: author.priorItems,
        ...(author.reason ? { reason: author.reason } : {}),
      },
      outOfHours: triage.outOfHours ?? false,
      ...(triage.foiDueDate ? { foiDueAt: triage.foiDueDate } : {}),
      ...(triage.foiValidity ? { foiMissing: triage.foiValidity.missing } : {}),
      profile,
    });
    return { author, actions };
  }

  async get(org: Organisation, itemId: number): Promise<Item> {
    const item = await this.desk.store.items.get(org.id, itemId);
    if (!item) throw notFound('item');
    return item;
  }

  /** The hand-off routes this person's roles receive (PALS → pals, Quality → quality and safeguarding…). */
  static teamsOf(access: Pick<OrgAccess, 'roles'>): string[] {
    return [...new Set(access.roles.flatMap((r) => TEAM_OF_ROLE[r as RoleId] ?? []))];
  }

  /**
   * An item as this person may see it, with its hand-offs: the whole inbox for `inbox.read`, or —
   * for a receiving team (`handoff.read`) — only items handed to that team. Anything else is 404,
   * so an item's existence does not leak. The one place this rule lives (API and pages use it).
   */
  async view(access: OrgAccess, itemId: number) {
    const item = await this.get(access.org, itemId);
    const handoffs = await this.desk.store.itemWork.handoffs(access.org.id, itemId);
    if (!access.can('inbox.read')) {
      const teams = ItemsService.teamsOf(access);
      if (!access.can('handoff.read') || !handoffs.some((h) => teams.includes(h.route)))
        throw notFound('item');
    }
    return { item, handoffs };
  }

  /** A receiving team's queue (INB-8): what was handed to its routes, open or recently closed. */
  async teamQueue(access: OrgAccess, options: { closed?: boolean; limit?: number } = {}) {
    const routes = access.can('inbox.read')
      ? Object.keys(this.desk.profiles.forOrganisation(access.org).profile.teams)
      : ItemsService.teamsOf(access);
    const handoffs = await this.desk.store.itemWork.handoffsTo(access.org.id, routes, {
      closed: options.closed ?? false,
      limit: options.limit ?? 100,
    });
    const items = new Map<number, Item>();
    for (const h of handoffs) {
      if (!items.has(h.itemId)) {
        const item = await this.desk.store.items.get(access.org.id, h.itemId);
        if (item) items.set(item.id, item);
      }
    }
    return handoffs
      .filter((h) => items.has(h.itemId))
      .map((h) => ({ handoff: h, item: items.get(h.itemId)! }));
  }

  /** The hand-off, if this person's team receives it (comms staff who may hand off may act too). */
  private async ownHandoff(access: OrgAccess, itemId: number, handoffId: number) {
    const h = await this.desk.store.itemWork.handoff(access.org.id, handoffId);
    if (!h || h.itemId !== itemId) throw notFound('handoff');
    const mine = ItemsService.teamsOf(access).includes(h.route);
    if (!mine && !access.can('inbox.read')) throw notFound('handoff');
    if (!(mine && access.can('handoff.respond')) && !access.can('item.handoff')) {
      throw new DeskError(
        403,
        'forbidden',
        `Only the receiving team (${h.team}) or the comms team records what happened to this hand-off.`,
      );
    }
    return h;
  }

  /** The receiving team took the hand-off on, with its own case reference (e.g. a PALS case). */
  async acceptHandoff(
    access: OrgAccess,
    itemId: number,
    handoffId: number,
    input: { reference?: string | null },
  ) {
    const h = await this.ownHandoff(access, itemId, handoffId);
    if (h.acceptedAt) throw conflict('already_accepted', `${h.team} has already taken this on.`);
    const at = this.desk.clock.now();
    const reference = input.reference?.trim() || null;
    return this.desk.store.transaction(async (tx) => {
      const done = await tx.itemWork.acceptHandoff(access.org.id, handoffId, {
        by: access.actor,
        at,
        reference,
      });
      if (!done) throw conflict('already_accepted', `${h.team} has already taken this on.`);
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'handoff.accept',
        subjectType: 'item',
        subjectId: itemId,
        before: null,
        after: { handoffId, route: h.route, reference },
        at,
      });
      return done;
    });
  }

  /** The receiving team closed the hand-off. The outcome may quote the person; it is erased with the item. */
  async closeHandoff(access: OrgAccess, itemId: number, handoffId: number, outcome: string) {
    const h = await this.ownHandoff(access, itemId, handoffId);
    if (h.closedAt) throw conflict('already_closed', `${h.team} has already closed this.`);
    const text = outcome.trim();
    if (!text) {
      throw badRequest('outcome_required', 'Say what happened before closing the hand-off.', [
        { path: '/outcome', reason: 'empty' },
      ]);
    }
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      if (!h.acceptedAt)
        await tx.itemWork.acceptHandoff(access.org.id, handoffId, {
          by: access.actor,
          at,
          reference: null,
        });
      const done = await tx.itemWork.closeHandoff(access.org.id, handoffId, {
        by: access.actor,
        at,
        outcome: text,
      });
      if (!done) throw conflict('already_closed', `${h.team} has already closed this.`);
      // The outcome's words stay out of the audit log (they may quote the member of the public).
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'handoff.close',
        subjectType: 'item',
        subjectId: itemId,
        before: null,
        after: { handoffId, route: h.route },
        at,
      });
      return done;
    });
  }

  async setStatus(
    org: Organisation,
    itemId: number,
    status: ItemStatus,
    actor: Actor,
    from?: ItemStatus,
  ): Promise<Item> {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const before = await tx.items.get(org.id, itemId);
      if (!before) throw notFound('item');
      const after = await tx.items.setStatus(org.id, itemId, status, {
        at,
        ...(from ? { from } : {}),
      });
      if (!after)
        throw conflict(
          'status_changed',
          `The item is no longer "${from}" (it is "${before.status}"); reload it.`,
        );
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'item.status',
        subjectType: 'item',
        subjectId: itemId,
        before: { status: before.status },
        after: { status },
        at,
      });
      return after;
    });
  }

  async assign(
    org: Organisation,
    itemId: number,
    assigneeId: number | null,
    actor: Actor,
  ): Promise<Item> {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const before = await tx.items.get(org.id, itemId);
      if (!before) throw notFound('item');
      if (assigneeId !== null && !(await tx.users.membership(org.id, assigneeId))) {
        throw badRequest('assignee_unknown', 'The assignee is not a member of this organisation.', [
          { path: '/assignee', reason: 'not a member' },
        ]);
      }
      const after = (await tx.items.assign(org.id, itemId, assigneeId, at)) as Item;
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'item.assign',
        subjectType: 'item',
        subjectId: itemId,
        before: { assignee: before.assigneeId },
        after: { assignee: assigneeId },
        at,
      });
      return after;
    });
  }

  /**
   * Hand an item off to a team (INB-6, INB-8): records what was sent to whom and when, gives the
   * hand-off its own due time (FOI: 20 working days under s.10(6); others: the profile's response
   * target in working hours) and moves the item to "handed off".
   */
  async handoff(
    org: Organisation,
    itemId: number,
    input: { route: string; note?: string | null; sentTo?: string | null },
    actor: Actor,
  ) {
    const { profile, calendar } = this.desk.profiles.forOrganisation(org);
    const team = profile.teams[input.route as keyof typeof profile.teams];
    if (!team) {
      throw badRequest(
        'route_unknown',
        `This organisation's profile names no team for "${input.route}".`,
        [{ path: '/route', reason: 'no team in the profile' }],
      );
    }
    const sentTo = input.sentTo ?? team.email ?? team.name;
    const at = this.desk.clock.now();
    const due =
      input.route === 'foi'
        ? (foiDueAt(at, profile.targets.foiWorkingDays, { regime: profile.targets.foiRegime })
            ?.endOfDay ?? null)
        : workingDueAt(at, profile.targets.responseWorkingMinutes, calendar);
    return this.desk.store.transaction(async (tx) => {
      const item = await tx.items.get(org.id, itemId);
      if (!item) throw notFound('item');
      const handoff = await tx.itemWork.addHandoff(org.id, itemId, {
        route: input.route,
        team: team.name,
        sentTo,
        sentAt: at,
        dueAt: due,
        note: input.note ?? null,
        by: actor,
      });
      if (item.status !== 'handed_off')
        await tx.items.setStatus(org.id, itemId, 'handed_off', { at });
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'item.handoff',
        subjectType: 'item',
        subjectId: itemId,
        before: { status: item.status },
        after: {
          status: 'handed_off',
          route: input.route,
          team: team.name,
          sentTo,
          dueAt: due?.toISOString() ?? null,
          handoffId: handoff.id,
        },
        at,
      });
      return handoff;
    });
  }

  /** Ask a colleague (INB-9): the consultation has its own due time in working hours. */
  async consult(
    org: Organisation,
    itemId: number,
    input: { colleague: string; question?: string | null; dueWorkingMinutes?: number },
    actor: Actor,
  ) {
    const { profile, calendar } = this.desk.profiles.forOrganisation(org);
    const at = this.desk.clock.now();
    const due = workingDueAt(
      at,
      input.dueWorkingMinutes ?? profile.targets.consultWorkingMinutes,
      calendar,
    );
    return this.desk.store.transaction(async (tx) => {
      const item = await tx.items.get(org.id, itemId);
      if (!item) throw notFound('item');
      const c = await tx.itemWork.consult(org.id, itemId, {
        colleague: input.colleague,
        question: input.question ?? '',
        askedBy: actor,
        askedAt: at,
        dueAt: due,
      });
      if (item.status === 'new' || item.status === 'in_progress')
        await tx.items.setStatus(org.id, itemId, 'waiting_on_colleague', { at });
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'item.consult',
        subjectType: 'item',
        subjectId: itemId,
        before: { status: item.status },
        after: {
          consultationId: c.id,
          colleague: input.colleague,
          dueAt: due?.toISOString() ?? null,
        },
        at,
      });
      return c;
    });
  }

  async answerConsultation(
    org: Organisation,
    itemId: number,
    consultationId: number,
    answer: string,
    actor: Actor,
  ) {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const list = await tx.itemWork.consultations(org.id, itemId);
      const c = list.find((x) => x.id === consultationId);
      if (!c) throw notFound('consultation');
      if (c.answeredAt)
        throw conflict('already_answered', 'This consultation was already answered.');
      const done = await tx.itemWork.answer(org.id, consultationId, answer, at);
      const item = await tx.items.get(org.id, itemId);
      if (
        item?.status === 'waiting_on_colleague' &&
        list.every((x) => x.id === consultationId || x.answeredAt)
      ) {
        await tx.items.setStatus(org.id, itemId, 'in_progress', { at });
      }
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'consultation.answer',
        subjectType: 'item',
        subjectId: itemId,
        after: { consultationId },
        at,
      });
      return done;
    });
  }

  async markStep(org: Organisation, itemId: number, actionId: string, actor: Actor) {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const item = await tx.items.get(org.id, itemId);
      if (!item) throw notFound('item');
      const actions = ((item.triage as { actions?: { id: string }[] } | null)?.actions ?? []).map(
        (a) => a.id,
      );
      if (!actions.includes(actionId)) {
        throw badRequest(
          'action_unknown',
          `"${actionId}" is not on this item's checklist (${actions.join(', ') || 'empty'}).`,
          [{ path: '/actionId', reason: 'not on the checklist' }],
        );
      }
      const step = await tx.itemWork.markStepDone(org.id, itemId, actionId, actor, at);
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'item.step_done',
        subjectType: 'item',
        subjectId: itemId,
        after: { actionId },
        at,
      });
      return step;
    });
  }

  async correctLabels(
    org: Organisation,
    itemId: number,
    input: { add: string[]; remove: string[]; reason: string },
    userId: number,
  ) {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const before = await tx.items.get(org.id, itemId);
      if (!before) throw notFound('item');
      const after = await tx.items.correctLabels(org.id, itemId, {
        add: input.add,
        remove: input.remove,
        by: userId,
        reason: input.reason,
        at,
      });
      await tx.audit.append({
        organisationId: org.id,
        actor: userId,
        action: 'item.labels_corrected',
        subjectType: 'item',
        subjectId: itemId,
        before: { labels: before.labels },
        after: { labels: after?.labels ?? before.labels, reason: input.reason },
        at,
      });
      return after;
    });
  }

  /**
   * Erase after hand-off (INB-11): only an item that was handed off (or closed) may be erased, so
   * nothing is lost before the receiving team has it. Leaves a tombstone.
   */
  async erase(org: Organisation, itemId: number, actor: Actor) {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const before = await tx.items.get(org.id, itemId);
      if (!before) throw notFound('item');
      if (before.erasedAt) return before;
      const handoffs = await tx.itemWork.handoffs(org.id, itemId);
      if (handoffs.length === 0 && before.status !== 'closed') {
        throw conflict(
          'not_handed_off',
          'Hand the item off (or close it) before erasing it, so the receiving team has what it needs.',
        );
      }
      const after = await tx.items.erase(org.id, itemId, actor, at);
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'item.erase',
        subjectType: 'item',
        subjectId: itemId,
        before: { erased: false },
        after: { erased: true, handoffs: handoffs.map((h) => h.route) },
        at,
      });
      return after;
    });
  }
}

/** The item as `ingest` stored it: the same values the repository wrote, and its author id. */
function asStored(
  organisationId: number,
  id: number,
  authorId: number | null,
  row: NewItem,
  at: Date,
): Item {
  return {
    id,
    organisationId,
    accountId: row.accountId ?? null,
    platform: row.platform,
    externalId: row.externalId,
    kind: row.kind,
    authorId,
    conversationId: row.conversationId ?? null,
    text: row.text,
    media: row.media ?? null,
    receivedAt: row.receivedAt,
    ingestedAt: at,
    labels: [...new Set(row.labels ?? [])],
    urgent: row.urgent ?? false,
    routes: row.routes ?? [],
    sentiment: row.sentiment ?? null,
    triage: row.triage ?? null,
    dueAt: row.dueAt ?? null,
    status: row.status ?? 'new',
    assigneeId: null,
    erasedAt: null,
    erasedBy: null,
    updatedAt: at,
  };
}
