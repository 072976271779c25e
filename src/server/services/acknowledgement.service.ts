/**
 * Automatic acknowledgement of direct messages (INB-3): once per conversation, a DM gets the
 * profile's acknowledgement template — working hours and the website — checked like any other
 * draft, then delivered through the platform on the account the DM reached.
 *
 * "Once" holds however often it is asked: the job is keyed by platform and conversation, and the
 * record of the acknowledgement is unique on (organisation, platform, conversation), so
 * concurrent ingests of two messages of one conversation, a replayed webhook or a retried job
 * all end with one record. Delivery is retry-safe the way publishing is (PUB-1): the record is
 * committed (status `recorded`) before the platform is called, the call carries the client
 * reference `commsdesk-ack-<record id>`, and connectors look for an earlier attempt before
 * sending (the sandbox by that reference; Meta's Messenger by the same text to the same person
 * within hours), so a worker that dies between the platform's answer and `sent` ends with one
 * message, not two.
 *
 * The template is `dm_auto_acknowledgement_<platform>` when the profile has one (a per-platform
 * wording), else `dm_auto_acknowledgement` (the profile's wording, or the built-in one). It is
 * governed wording — a template of the organisation's profile that has passed the content check
 * — so it does not go through the approval workflow (MSE 6.4; docs/oncall.md says why).
 */
import {
  ConnectorError,
  type Connector,
  type ConnectorFactory,
  type ConnectorPlatform,
  type PublishResult,
} from '../../connectors/contract.js';
import type { Profile } from '../../core/profile/schema.js';
import { renderTemplate } from '../../core/triage/templates.js';
import type {
  Account,
  DmAcknowledgement,
  Item,
  Job,
  NewJob,
  Organisation,
  Store,
} from '../../store/index.js';
import type { Desk } from '../context.js';
import { connectorForAccount } from './posts.service.js';
import { STALE_MS } from './sla.service.js';

export const ACKNOWLEDGEMENT_JOB = 'acknowledgement.dm';
export const DM_TEMPLATE = 'dm_auto_acknowledgement';

/** The desk's reference for an acknowledgement on the platform (connectors find retries by it). */
export const ackClientRef = (acknowledgementId: number) => `commsdesk-ack-${acknowledgementId}`;

interface AckPayload {
  itemId: number;
  platform: string;
  conversation: string;
}

export interface AcknowledgementOptions {
  /** Factory lookup by platform (tests substitute a failing platform). */
  lookup?: (platform: ConnectorPlatform) => ConnectorFactory | undefined;
  /**
   * Runs after the platform accepted the message and before the desk records it as sent: the
   * crash test throws here to stand for a worker killed at the worst moment.
   */
  afterPlatformCall?: (ack: DmAcknowledgement) => void | Promise<void>;
}

/** The conversation a DM belongs to: the platform's thread id, else its author, else itself. */
export function conversationOf(item: Pick<Item, 'conversationId' | 'authorId' | 'externalId'>) {
  if (item.conversationId) return item.conversationId;
  if (item.authorId !== null) return `author:${item.authorId}`;
  return `item:${item.externalId}`;
}

/** Whether the profile acknowledges DMs on `platform` (`acknowledgements.platforms`; all if absent). */
export function acknowledgesPlatform(profile: Profile, platform: string): boolean {
  const platforms = profile.acknowledgements?.platforms;
  return platforms === undefined || platforms.includes(platform);
}

interface ClientRefLookup {
  findByClientRef(clientRef: string): Promise<PublishResult | null>;
}

function canLookUp(c: Connector): c is Connector & ClientRefLookup {
  return typeof (c as Partial<ClientRefLookup>).findByClientRef === 'function';
}

/** A connector's error in words: what happened and what to do. */
export function inWords(error: ConnectorError): string {
  return `${error.message.replace(/[.\s]+$/, '')}. ${error.action}`;
}

export class AcknowledgementService {
  constructor(
    private readonly desk: Desk,
    private readonly options: AcknowledgementOptions = {},
  ) {}

  /** The jobs a batch of new items needs: one per new DM conversation (none for imports). */
  jobsFor(org: Organisation, items: readonly Item[], at: Date): NewJob[] {
    const { profile } = this.desk.profiles.forOrganisation(org);
    const jobs: NewJob[] = [];
    for (const item of items) {
      if (item.kind !== 'dm' || item.receivedAt.getTime() < at.getTime() - STALE_MS) continue;
      if (!acknowledgesPlatform(profile, item.platform)) continue;
      const conversation = conversationOf(item);
      jobs.push({
        organisationId: org.id,
        type: ACKNOWLEDGEMENT_JOB,
        payload: { itemId: item.id, platform: item.platform, conversation } satisfies AckPayload,
        runAt: at,
        uniqueKey: `dm-ack:${item.platform}:${conversation}`,
      });
    }
    return jobs;
  }

  /** In the ingest transaction: one job per new DM conversation. */
  async scheduleForItems(
    tx: Store,
    org: Organisation,
    items: readonly Item[],
    at: Date,
  ): Promise<void> {
    await tx.jobs.enqueueMany(this.jobsFor(org, items, at), at);
  }

  /** The `acknowledgement.dm` job: record the acknowledgement once, then deliver it. */
  async perform(job: Job): Promise<void> {
    const p = job.payload as AckPayload;
    const { store } = this.desk;
    const org = await store.organisations.get(job.organisationId);
    if (!org) return;
    let ack = await store.oncall.dmAcknowledgement(org.id, p.platform, p.conversation);
    if (!ack) ack = await this.record(org, p);
    // Sent, failed for good or without an account: a retried job has nothing left to do.
    if (!ack || ack.status !== 'recorded') return;
    await this.deliver(org, ack, job);
  }

  /** Render, check and record the acknowledgement (status `recorded`), or audit why not. */
  private async record(org: Organisation, p: AckPayload): Promise<DmAcknowledgement | null> {
    const { store, clock } = this.desk;
    const compiled = this.desk.profiles.forOrganisation(org);
    const at = clock.now();
    const skip = async (reason: string, extra: Record<string, unknown> = {}) => {
      await store.audit.append({
        organisationId: org.id,
        actor: 'system',
        action: 'dm.acknowledgement_skipped',
        subjectType: 'item',
        subjectId: p.itemId,
        after: { reason, ...extra },
        at,
      });
      return null;
    };
    if (!acknowledgesPlatform(compiled.profile, p.platform)) {
      return skip('the profile does not acknowledge DMs on this platform', {
        platform: p.platform,
      });
    }
    const platformId = `${DM_TEMPLATE}_${p.platform.replace(/[^a-z0-9_]/g, '_')}`;
    const rendered =
      renderTemplate(platformId, compiled.profile) ?? renderTemplate(DM_TEMPLATE, compiled.profile);
    if (!rendered) return skip('no acknowledgement template');
    if (rendered.missing.length > 0) {
      return skip('the template has placeholders the profile cannot fill', {
        missing: rendered.missing,
      });
    }
    const check = compiled.checker.check({ text: rendered.text, audience: 'corporate', media: [] });
    if (check.verdict === 'block') {
      return skip('the content check blocks the template', {
        templateId: rendered.id,
        rules: check.findings.map((f) => f.rule),
      });
    }
    const item = await store.items.get(org.id, p.itemId);
    if (item?.authorId != null) {
      const author = await store.authors.get(org.id, item.authorId);
      // INB-13: a do-not-engage author gets no reply from the desk, automatic ones included.
      if (author?.doNotEngage) return skip('the author is marked do-not-engage');
    }
    return store.transaction(async (tx) => {
      const current = await tx.items.get(org.id, p.itemId);
      if (!current || current.erasedAt) return null;
      const { acknowledgement, created } = await tx.oncall.recordDmAcknowledgement(
        org.id,
        {
          platform: p.platform,
          conversation: p.conversation,
          itemId: current.id,
          templateId: rendered.id,
          text: rendered.text,
          status: 'recorded',
        },
        at,
      );
      if (!created) return acknowledgement;
      await tx.audit.append({
        organisationId: org.id,
        actor: 'system',
        action: 'dm.acknowledged',
        subjectType: 'item',
        subjectId: current.id,
        after: {
          acknowledgementId: acknowledgement.id,
          platform: p.platform,
          templateId: rendered.id,
          clause: rendered.clause,
          verdict: check.verdict,
          status: acknowledgement.status,
          // Governed wording: a profile template that passed the check, not a drafted reply.
          approval: 'not required (profile template, MSE 6.4)',
        },
        at,
      });
      return acknowledgement;
    });
  }

  /**
   * The account a DM is answered from: the item's own, else the organisation's only account on
   * that platform. A reason in words when there is none or more than one.
   */
  private async accountFor(
    org: Organisation,
    item: Item,
  ): Promise<{ account: Account } | { problem: string }> {
    const { store } = this.desk;
    if (item.accountId !== null) {
      const account = await store.accounts.get(org.id, item.accountId);
      if (account) return { account };
    }
    const candidates = (await store.accounts.list(org.id)).filter(
      (a) => a.platform === item.platform,
    );
    if (candidates.length === 1) return { account: candidates[0]! };
    return {
      problem:
        candidates.length === 0
          ? `The organisation has no ${item.platform} account in the desk to send the acknowledgement from. Add the account and connect it.`
          : `The message does not say which of the organisation's ${candidates.length} ${item.platform} accounts it reached, so the desk cannot tell which to answer from. Answer it from the inbox.`,
    };
  }

  /** Where the reply goes: the DM thread, else the author's platform id. */
  private async addressOf(org: Organisation, item: Item): Promise<string | null> {
    if (item.conversationId) return item.conversationId;
    if (item.authorId === null) return null;
    return (await this.desk.store.authors.get(org.id, item.authorId))?.platformAuthorId ?? null;
  }

  private async deliver(org: Organisation, ack: DmAcknowledgement, job: Job): Promise<void> {
    const { store, clock } = this.desk;
    const finish = async (
      outcome: 'sent' | 'failed' | 'no_account',
      detail: {
        accountId?: number | null;
        platformMessageId?: string | null;
        error?: string | null;
        audit: Record<string, unknown>;
      },
    ) => {
      await store.transaction(async (tx) => {
        const at = clock.now();
        const done = await tx.oncall.setDmAcknowledgementDelivery(
          org.id,
          ack.id,
          {
            status: outcome,
            ...(detail.accountId !== undefined ? { accountId: detail.accountId } : {}),
            platformMessageId: detail.platformMessageId ?? null,
            error: detail.error ?? null,
          },
          at,
        );
        if (!done) return; // already sent by an attempt that got there first
        await tx.audit.append({
          organisationId: org.id,
          actor: 'system',
          action: `dm.acknowledgement_${outcome}`,
          subjectType: 'item',
          subjectId: ack.itemId,
          after: { acknowledgementId: ack.id, platform: ack.platform, ...detail.audit },
          at,
        });
      });
    };

    const item = await store.items.get(org.id, ack.itemId);
    if (!item || item.erasedAt) {
      const error = 'The message was erased before its acknowledgement could be sent.';
      return finish('failed', { error, audit: { code: 'item_erased' } });
    }
    const found = await this.accountFor(org, item);
    if ('problem' in found) {
      return finish('no_account', { error: found.problem, audit: { reason: found.problem } });
    }
    const { account } = found;
    const conversationId = await this.addressOf(org, item);
    if (!conversationId) {
      const error =
        'The message carries no conversation or author id, so there is nobody to send the acknowledgement to. Answer it on the platform.';
      return finish('failed', {
        accountId: account.id,
        error,
        audit: { accountId: account.id, code: 'no_conversation' },
      });
    }
    try {
      const connector = await connectorForAccount(this.desk, account, this.options.lookup);
      if (!connector.reply) {
        throw new ConnectorError(
          'config',
          account.platform as ConnectorPlatform,
          account.handle,
          `The ${connector.manifest.displayName} connector cannot send replies`,
          'Answer the message on the platform itself.',
        );
      }
      const clientRef = ackClientRef(ack.id);
      let result = canLookUp(connector) ? await connector.findByClientRef(clientRef) : null;
      if (!result) {
        result = await connector.reply({
          clientRef,
          text: ack.text,
          conversationId,
          // A direct message is answered in its conversation, never as a public reply.
          inReplyTo: null,
        });
        await this.options.afterPlatformCall?.(ack);
      }
      return finish('sent', {
        accountId: account.id,
        platformMessageId: result.platformPostId,
        audit: {
          accountId: account.id,
          platformMessageId: result.platformPostId,
          // True when an earlier, interrupted attempt had already sent it: no second message.
          foundExisting: result.alreadyPublished,
          job: job.id,
        },
      });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const words = inWords(error);
      if (error.retryable && job.attempts < job.maxAttempts) {
        // Kept `recorded` with the reason; the worker retries with backoff.
        await store.oncall.setDmAcknowledgementDelivery(
          org.id,
          ack.id,
          { status: 'recorded', accountId: account.id, error: words },
          clock.now(),
        );
        throw error;
      }
      return finish('failed', {
        accountId: account.id,
        error: words,
        audit: { accountId: account.id, code: `platform_${error.kind}`, message: words },
      });
    }
  }
}
