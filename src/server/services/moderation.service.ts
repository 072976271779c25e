/**
 * Moderation (STF-6, and hiding or deleting comments on public platforms).
 *
 * The internal staff network (Viva Engage) is polled like any other connection. Its open items
 * are checked against the network's rules of engagement — the organisation's content check
 * (offensive or derogatory language, workplace grievances aired in public, personal data) and
 * the triage label `abuse` — and the ones that break them form the moderation queue. A moderator
 * removes a message through the connector's own delete (or hides a Facebook, Instagram or X
 * comment where the platform allows), with a reason; the platform call comes first, then the
 * item's new status and the audit entry are committed together. A retried removal of a message
 * the platform no longer has counts as done, so a crash between the two never strands an item.
 */
import { toDraft } from '../../core/check/draft.js';
import { ConnectorError, type ConnectorPlatform } from '../../connectors/contract.js';
import { connectorFor } from '../../connectors/registry.js';
import type { Actor, Item, Organisation } from '../../store/index.js';
import type { Desk } from '../context.js';
import { conflict, DeskError, notFound } from '../errors.js';
import { ConnectionsService } from './connections.service.js';

/** Platforms whose items form the staff-network moderation queue. */
export const INTERNAL_NETWORKS: readonly ConnectorPlatform[] = ['viva_engage'];

/** Content-check rules that a staff network's rules of engagement forbid. */
const ENGAGEMENT_RULES = (rule: string) =>
  rule === 'offensive' || rule === 'personal.grievance' || rule.startsWith('pii.');
/** Triage labels that put an item in the queue on their own. */
const ENGAGEMENT_LABELS = ['abuse'];

export type ModerationAction = 'hide' | 'delete';

/** Why an item breaks the rules of engagement: rule ids and labels, with the check's words. */
export interface ModerationReason {
  /** `check:<rule id>` or `label:<label>`. */
  source: string;
  message: string;
  clause: string | null;
  /** The offending words as the check quoted them (shown to moderators only). */
  quote: string | null;
}

export interface QueueEntry {
  item: Item;
  reasons: ModerationReason[];
}

export interface ModerationOutcome {
  item: Item;
  action: ModerationAction;
  /** True when the platform no longer had the message (an earlier attempt removed it). */
  alreadyGone: boolean;
}

export class ModerationService {
  private readonly connections: ConnectionsService;

  constructor(private readonly desk: Desk) {
    this.connections = new ConnectionsService(desk);
  }

  /** Why `item` breaks the rules of engagement; empty when it does not. */
  assess(org: Organisation, item: Item): ModerationReason[] {
    if (item.erasedAt) return [];
    const { checker } = this.desk.profiles.forOrganisation(org);
    // Staff write as themselves on the internal network: the personal audience's rules apply.
    const findings = checker
      .check(toDraft({ text: item.text, audience: 'personal' }))
      .findings.filter((f) => ENGAGEMENT_RULES(f.rule));
    const reasons: ModerationReason[] = findings.map((f) => ({
      source: `check:${f.rule}`,
      message: f.message,
      clause: f.clause,
      quote: f.actual,
    }));
    for (const label of ENGAGEMENT_LABELS) {
      if (item.labels.includes(label)) {
        reasons.push({
          source: `label:${label}`,
          message: 'Triage found abusive, threatening or hateful content.',
          clause: null,
          quote: null,
        });
      }
    }
    return reasons;
  }

  /**
   * The moderation queue: open items from the organisation's internal-network connections that
   * break the rules of engagement (all of them with `all`), oldest first.
   */
  async queue(org: Organisation, options: { all?: boolean; limit: number }): Promise<QueueEntry[]> {
    const { store } = this.desk;
    const accounts = (await store.connections.list(org.id))
      .filter((c) => (INTERNAL_NETWORKS as readonly string[]).includes(c.platform))
      .map((c) => c.accountId);
    const out: QueueEntry[] = [];
    for (const accountId of accounts) {
      let cursor: string | null = null;
      do {
        const page = await store.items.inbox(org.id, { accountId, limit: 200, cursor });
        for (const item of page.rows) {
          const reasons = this.assess(org, item);
          if (reasons.length > 0 || options.all) out.push({ item, reasons });
        }
        cursor = page.nextCursor;
      } while (cursor && out.length < options.limit);
    }
    return out
      .sort(
        (a, b) =>
          a.item.receivedAt.getTime() - b.item.receivedAt.getTime() || a.item.id - b.item.id,
      )
      .slice(0, options.limit);
  }

  /** Hide or delete an item's message on its platform, with a reason; audited. */
  async moderate(
    org: Organisation,
    itemId: number,
    input: { action: ModerationAction; reason: string },
    actor: Actor,
  ): Promise<ModerationOutcome> {
    const { store, clock } = this.desk;
    const item = await store.items.get(org.id, itemId);
    if (!item) throw notFound('item');
    const connection =
      item.accountId !== null ? await store.connections.forAccount(org.id, item.accountId) : null;
    if (!connection) {
      throw conflict(
        'moderation_not_connected',
        `This ${item.platform} item did not arrive through a connected account, so the desk cannot ${input.action} it on the platform. Do it on the platform itself.`,
      );
    }
    const factory = connectorFor(connection.platform as ConnectorPlatform);
    const name = factory?.manifest.displayName ?? connection.platform;
    if (!factory?.manifest.capabilities[input.action]) {
      const other: ModerationAction = input.action === 'hide' ? 'delete' : 'hide';
      const alt = factory?.manifest.capabilities[other] ? ` It can ${other} them.` : '';
      throw conflict(
        'moderation_unsupported',
        `${name} does not let the desk ${input.action} messages.${alt}`,
      );
    }
    const { connector } = await this.connections.connector(connection);
    const call = input.action === 'hide' ? connector.hide : connector.delete;
    if (!call) {
      throw conflict(
        'moderation_unsupported',
        `${name} does not let the desk ${input.action} messages.`,
      );
    }
    let alreadyGone = false;
    try {
      await call.call(connector, item.externalId);
    } catch (error) {
      if (
        error instanceof ConnectorError &&
        error.kind === 'not_found' &&
        input.action === 'delete'
      ) {
        alreadyGone = true;
      } else if (error instanceof ConnectorError) {
        await store.audit.append({
          organisationId: org.id,
          actor,
          action: 'item.moderation_failed',
          subjectType: 'item',
          subjectId: item.id,
          after: { action: input.action, platform: item.platform, kind: error.kind },
          at: clock.now(),
        });
        throw new DeskError(
          error.kind === 'permission_missing' ||
            error.kind === 'auth_revoked' ||
            error.kind === 'auth_expired'
            ? 409
            : 502,
          'moderation_failed',
          `${name} refused to ${input.action} the message (${connection.platform} account "${error.account}"): ${error.message} ${error.action}`,
        );
      } else {
        throw error;
      }
    }
    const at = clock.now();
    return store.transaction(async (tx) => {
      // A removed message is done with; a hidden comment stays open for any follow-up.
      const moved =
        input.action === 'delete' && item.status !== 'closed'
          ? await tx.items.setStatus(org.id, item.id, 'closed', { at })
          : null;
      const after = moved ?? item;
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'item.moderated',
        subjectType: 'item',
        subjectId: item.id,
        before: { status: item.status },
        after: {
          action: input.action,
          reason: input.reason,
          platform: item.platform,
          externalId: item.externalId,
          status: after.status,
          ...(alreadyGone ? { alreadyGone: true } : {}),
        },
        at,
      });
      return { item: after, action: input.action, alreadyGone };
    });
  }
}
