/**
 * Automatic acknowledgement of direct messages (INB-3): once per conversation, a DM gets the
 * profile's acknowledgement template — working hours and the website — checked like any other
 * draft before it goes.
 *
 * "Once" holds however often it is asked: the job is keyed by platform and conversation, and the
 * record of the acknowledgement is unique on (organisation, platform, conversation), so
 * concurrent ingests of two messages of one conversation, a replayed webhook or a retried job
 * all end with one acknowledgement.
 *
 * The template is `dm_auto_acknowledgement_<platform>` when the profile has one (a per-platform
 * wording), else `dm_auto_acknowledgement` (the profile's wording, or the built-in one).
 *
 * The acknowledgement is recorded as an outbound reply (status `recorded`), ready for a connector
 * to deliver; sending it through the platform belongs to the posts machinery.
 */
import { renderTemplate } from '../../core/triage/templates.js';
import type { Item, Job, Organisation, Store } from '../../store/index.js';
import type { Desk } from '../context.js';
import { STALE_MS } from './sla.service.js';

export const ACKNOWLEDGEMENT_JOB = 'acknowledgement.dm';
export const DM_TEMPLATE = 'dm_auto_acknowledgement';

interface AckPayload {
  itemId: number;
  platform: string;
  conversation: string;
}

/** The conversation a DM belongs to: the platform's thread id, else its author, else itself. */
export function conversationOf(item: Pick<Item, 'conversationId' | 'authorId' | 'externalId'>) {
  if (item.conversationId) return item.conversationId;
  if (item.authorId !== null) return `author:${item.authorId}`;
  return `item:${item.externalId}`;
}

export class AcknowledgementService {
  constructor(private readonly desk: Desk) {}

  /** In the ingest transaction: one job per new DM conversation. */
  async scheduleForItems(
    tx: Store,
    org: Organisation,
    items: readonly Item[],
    at: Date,
  ): Promise<void> {
    for (const item of items) {
      if (item.kind !== 'dm' || item.receivedAt.getTime() < at.getTime() - STALE_MS) continue;
      // Ingest hands hooks the rows as written, without the author id it resolved: read it back
      // when the author is what identifies the conversation.
      const stored = item.conversationId ? item : ((await tx.items.get(org.id, item.id)) ?? item);
      const conversation = conversationOf(stored);
      await tx.jobs.enqueue(
        {
          organisationId: org.id,
          type: ACKNOWLEDGEMENT_JOB,
          payload: { itemId: item.id, platform: item.platform, conversation } satisfies AckPayload,
          runAt: at,
          uniqueKey: `dm-ack:${item.platform}:${conversation}`,
        },
        at,
      );
    }
  }

  /** The `acknowledgement.dm` job. */
  async perform(job: Job): Promise<void> {
    const p = job.payload as AckPayload;
    const { store, clock } = this.desk;
    const org = await store.organisations.get(job.organisationId);
    if (!org) return;
    if (await store.oncall.dmAcknowledgement(org.id, p.platform, p.conversation)) return;
    const compiled = this.desk.profiles.forOrganisation(org);
    const platformId = `${DM_TEMPLATE}_${p.platform.replace(/[^a-z0-9_]/g, '_')}`;
    const rendered =
      renderTemplate(platformId, compiled.profile) ?? renderTemplate(DM_TEMPLATE, compiled.profile);
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
    };
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
    await store.transaction(async (tx) => {
      const item = await tx.items.get(org.id, p.itemId);
      if (!item || item.erasedAt) return;
      const { acknowledgement, created } = await tx.oncall.recordDmAcknowledgement(
        org.id,
        {
          platform: p.platform,
          conversation: p.conversation,
          itemId: item.id,
          templateId: rendered.id,
          text: rendered.text,
          status: 'recorded',
        },
        at,
      );
      if (!created) return;
      await tx.audit.append({
        organisationId: org.id,
        actor: 'system',
        action: 'dm.acknowledged',
        subjectType: 'item',
        subjectId: item.id,
        after: {
          acknowledgementId: acknowledgement.id,
          platform: p.platform,
          templateId: rendered.id,
          clause: rendered.clause,
          verdict: check.verdict,
          status: acknowledgement.status,
        },
        at,
      });
    });
  }
}
