/**
 * Escalations: who is told about an item, in what order, and whether they answered.
 *
 * - On call (INB-4): an urgent item out of hours goes at once to the first person of the shift on
 *   call; if nobody acknowledges it within the profile's `targets.oncallAckMinutes` (halved
 *   while crisis mode is on, INB-5: `crisisMonitoring`), the
 *   `escalation.next` job calls the next person, and after the last the communications
 *   manager(s). Acknowledging stops the chain.
 * - SLA breach (INB-2, INB-12): an item past its due time, still open and unanswered, is raised
 *   with the communications managers; the assignee (or the comms team) is told.
 * - Consultation overdue (INB-9): whoever asked the colleague is told.
 * - Concern (INB-12): the team escalates an item to managers, a team of the profile (Quality,
 *   safeguarding, governance…) or a partner the profile names.
 *
 * Every step is a row keyed so a retried job never repeats it, audited in its transaction, and
 * its notifications are queued in the same transaction (sent by the `notification.send` job).
 */
import { randomUUID } from 'node:crypto';
import type { Profile } from '../../core/profile/schema.js';
import type {
  Actor,
  Consultation,
  Escalation,
  EscalationKind,
  Item,
  Job,
  Organisation,
  Store,
} from '../../store/index.js';
import type { Desk } from '../context.js';
import { crisisMonitoring } from './crisis-monitoring.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { itemMessage } from '../notify/message.js';
import {
  membersWithRole,
  personRecipient,
  queueNotifications,
  type EmailRecipient,
} from './notify.service.js';

export const ESCALATION_JOB = 'escalation.next';
/** The roles told when an escalation reaches management. */
export const MANAGER_ROLES = ['comms_manager'] as const;

interface NextPayload {
  itemId: number;
  level: number;
  shiftId: number | null;
}

function commsTeam(profile: Profile): EmailRecipient[] {
  const email = profile.teams.comms?.email;
  return email ? [{ to: email }] : [];
}

export class EscalationService {
  constructor(private readonly desk: Desk) {}

  private message(org: Organisation, item: Item, headline: string, extra: string[] = []) {
    return itemMessage(this.desk.config.publicUrl, org, item, headline, extra);
  }

  private async audit(
    tx: Store,
    org: Organisation,
    actor: Actor,
    action: string,
    item: Item,
    after: Record<string, unknown>,
    at: Date,
  ): Promise<void> {
    await tx.audit.append({
      organisationId: org.id,
      actor,
      action,
      subjectType: 'item',
      subjectId: item.id,
      after,
      at,
    });
  }

  /** INB-4: an urgent item arrived out of hours — call the person on call now. */
  async startOncall(tx: Store, org: Organisation, item: Item, at: Date): Promise<void> {
    const shift = await tx.oncall.shiftAt(org.id, at);
    await this.oncallStep(
      tx,
      org,
      item,
      { level: 0, shiftId: shift?.id ?? null },
      shift?.people ?? [],
      at,
    );
  }

  /** The `escalation.next` job: nobody acknowledged in time, so call the next level. */
  async next(job: Job): Promise<void> {
    const p = job.payload as NextPayload;
    const { store, clock } = this.desk;
    await store.transaction(async (tx) => {
      const org = await tx.organisations.get(job.organisationId);
      if (!org) return;
      if (await tx.oncall.isAcknowledged(org.id, p.itemId, 'oncall')) return;
      const item = await tx.items.get(org.id, p.itemId);
      if (!item || item.erasedAt) return;
      const shift = p.shiftId !== null ? await tx.oncall.shift(org.id, p.shiftId) : null;
      await this.oncallStep(tx, org, item, p, shift?.people ?? [], clock.now());
    });
  }

  private async oncallStep(
    tx: Store,
    org: Organisation,
    item: Item,
    step: { level: number; shiftId: number | null },
    people: readonly number[],
    at: Date,
  ): Promise<void> {
    const { profile } = this.desk.profiles.forOrganisation(org);
    // The organisation as it is now (the caller's row): in a crisis the target is halved (INB-5).
    const monitoring = crisisMonitoring(org, profile);
    const ackMinutes = monitoring.oncallAckMinutes;
    if (step.level > people.length) return; // the managers were the last level
    for (const e of await tx.oncall.escalationsForItem(org.id, item.id)) {
      if (e.kind === 'oncall' && e.nextAt && e.level < step.level)
        await tx.oncall.clearNextAt(org.id, e.id);
    }
    const key = `oncall:${item.id}:${step.level}`;
    const personId = people[step.level];
    const reason =
      step.level === 0
        ? people.length === 0
          ? 'urgent item out of hours; nobody is on the rota now'
          : 'urgent item out of hours'
        : `not acknowledged within ${ackMinutes} minutes`;
    if (personId !== undefined) {
      const nextAt = new Date(at.getTime() + ackMinutes * 60_000);
      const { escalation, created } = await tx.oncall.addEscalation(
        org.id,
        {
          itemId: item.id,
          kind: 'oncall',
          level: step.level,
          key,
          target: 'person',
          personId,
          recipient: `user ${personId}`,
          reason,
          shiftId: step.shiftId,
          nextAt,
          createdBy: 'system',
        },
        at,
      );
      if (!created) return;
      const person = await personRecipient(tx, personId);
      await queueNotifications(
        tx,
        org,
        {
          key: `escalation:${escalation.id}`,
          content: this.message(org, item, 'Urgent item out of hours: you are on call', [
            `Acknowledge within ${ackMinutes} minutes, or it goes to the next person on the rota.`,
            `Escalation: ${escalation.id} (level ${step.level + 1})`,
          ]),
          emails: person ? [person] : [],
          webhooks: true,
          itemId: item.id,
          escalationId: escalation.id,
        },
        at,
      );
      await tx.jobs.enqueue(
        {
          organisationId: org.id,
          type: ESCALATION_JOB,
          payload: {
            itemId: item.id,
            level: step.level + 1,
            shiftId: step.shiftId,
          } satisfies NextPayload,
          runAt: nextAt,
          uniqueKey: `oncall:${item.id}:${step.level + 1}`,
        },
        at,
      );
      await this.audit(
        tx,
        org,
        'system',
        'escalation.raised',
        item,
        {
          escalationId: escalation.id,
          kind: 'oncall',
          level: step.level,
          target: 'person',
          personId,
          shiftId: step.shiftId,
          nextAt: nextAt.toISOString(),
          reason,
          clause: profile.targets.clause,
          ...(monitoring.extendedHours ? { crisis: true, ackMinutes } : {}),
        },
        at,
      );
      return;
    }
    // Past the last person on the rota (or nobody on it): the communications manager(s).
    const managers = await membersWithRole(tx, org.id, MANAGER_ROLES);
    const { escalation, created } = await tx.oncall.addEscalation(
      org.id,
      {
        itemId: item.id,
        kind: 'oncall',
        level: step.level,
        key,
        target: 'managers',
        recipient: 'communications managers',
        reason,
        shiftId: step.shiftId,
        nextAt: null,
        createdBy: 'system',
      },
      at,
    );
    if (!created) return;
    await queueNotifications(
      tx,
      org,
      {
        key: `escalation:${escalation.id}`,
        content: this.message(
          org,
          item,
          'Urgent item out of hours: nobody on call has acknowledged it',
          [`Escalation: ${escalation.id} (to the communications managers)`],
        ),
        emails: managers.length > 0 ? managers : commsTeam(profile),
        webhooks: true,
        itemId: item.id,
        escalationId: escalation.id,
      },
      at,
    );
    await this.audit(
      tx,
      org,
      'system',
      'escalation.raised',
      item,
      {
        escalationId: escalation.id,
        kind: 'oncall',
        level: step.level,
        target: 'managers',
        managers: managers.map((m) => m.userId),
        shiftId: step.shiftId,
        reason,
        clause: profile.targets.clause,
      },
      at,
    );
  }

  /** An urgent item in working hours: the comms team is told at once. */
  async notifyUrgentInHours(tx: Store, org: Organisation, item: Item, at: Date): Promise<void> {
    const { profile } = this.desk.profiles.forOrganisation(org);
    const { created } = await queueNotifications(
      tx,
      org,
      {
        key: `urgent:${item.id}`,
        content: this.message(org, item, 'Urgent item in the inbox'),
        emails: commsTeam(profile),
        webhooks: true,
        itemId: item.id,
      },
      at,
    );
    if (created)
      await this.audit(tx, org, 'system', 'item.urgent_notified', item, { to: 'comms team' }, at);
  }

  /** Stop an escalation: every open step of that item's chain is acknowledged. */
  async acknowledge(org: Organisation, escalationId: number, actor: Actor): Promise<Escalation[]> {
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const e = await tx.oncall.escalation(org.id, escalationId);
      if (!e) throw notFound('escalation');
      const done = await tx.oncall.acknowledge(org.id, e.itemId, e.kind, actor, at);
      if (done.length === 0) {
        throw conflict('already_acknowledged', 'This escalation was already acknowledged.');
      }
      await tx.audit.append({
        organisationId: org.id,
        actor,
        action: 'escalation.acknowledged',
        subjectType: 'item',
        subjectId: e.itemId,
        before: { acknowledged: false },
        after: {
          acknowledged: true,
          kind: e.kind,
          escalationIds: done.map((d) => d.id),
          levels: done.map((d) => d.level),
          minutesAfterFirst: Math.round((at.getTime() - done[0]!.notifiedAt.getTime()) / 60_000),
        },
        at,
      });
      return done;
    });
  }

  /**
   * INB-2 and INB-12: the item passed its due time unanswered. The communications managers are
   * escalated to, and the assignee (or the comms team when nobody is assigned) is told.
   */
  async raiseBreach(
    tx: Store,
    org: Organisation,
    item: Item,
    dueAt: Date,
    at: Date,
  ): Promise<boolean> {
    const { profile } = this.desk.profiles.forOrganisation(org);
    const managers = await membersWithRole(tx, org.id, MANAGER_ROLES);
    const { escalation, created } = await tx.oncall.addEscalation(
      org.id,
      {
        itemId: item.id,
        kind: 'breach',
        level: 0,
        key: `breach:${item.id}:${dueAt.toISOString()}`,
        target: 'managers',
        recipient: 'communications managers',
        reason: 'response target passed with the item unanswered',
        createdBy: 'system',
      },
      at,
    );
    if (!created) return false;
    const owner = item.assigneeId !== null ? await personRecipient(tx, item.assigneeId) : null;
    const headline = 'Response target missed';
    const extra = [`Was due: ${dueAt.toISOString()} (${profile.targets.clause})`];
    await queueNotifications(
      tx,
      org,
      {
        key: `breach:${item.id}:${dueAt.toISOString()}:owner`,
        content: this.message(org, item, headline, extra),
        emails: owner ? [owner] : commsTeam(profile),
        webhooks: true,
        itemId: item.id,
      },
      at,
    );
    await queueNotifications(
      tx,
      org,
      {
        key: `escalation:${escalation.id}`,
        content: this.message(org, item, `${headline}: escalated to you`, [
          ...extra,
          `Escalation: ${escalation.id}`,
        ]),
        emails: managers,
        webhooks: false,
        itemId: item.id,
        escalationId: escalation.id,
      },
      at,
    );
    await this.audit(
      tx,
      org,
      'system',
      'sla.breach',
      item,
      {
        escalationId: escalation.id,
        dueAt: dueAt.toISOString(),
        status: item.status,
        told: owner ? { assignee: item.assigneeId } : { team: 'comms' },
        managers: managers.map((m) => m.userId),
        clause: profile.targets.clause,
      },
      at,
    );
    return true;
  }

  /** INB-9: a colleague has not answered in time; whoever asked is told. */
  async raiseConsultationOverdue(
    tx: Store,
    org: Organisation,
    item: Item,
    c: Consultation,
    at: Date,
  ): Promise<boolean> {
    const { profile } = this.desk.profiles.forOrganisation(org);
    const askerId = c.askedBy === 'system' ? null : c.askedBy;
    const { escalation, created } = await tx.oncall.addEscalation(
      org.id,
      {
        itemId: item.id,
        kind: 'consultation',
        level: 0,
        key: `consultation:${c.id}`,
        target: askerId !== null ? 'person' : 'team',
        personId: askerId,
        recipient:
          askerId !== null ? `user ${askerId}` : (profile.teams.comms?.name ?? 'comms team'),
        reason: 'the consulted colleague has not answered by the due time',
        createdBy: 'system',
      },
      at,
    );
    if (!created) return false;
    const asker = askerId !== null ? await personRecipient(tx, askerId) : null;
    await queueNotifications(
      tx,
      org,
      {
        key: `escalation:${escalation.id}`,
        content: this.message(org, item, 'A colleague you consulted has not answered in time', [
          `Consultation ${c.id} was due: ${c.dueAt?.toISOString() ?? 'no due time'}`,
        ]),
        emails: asker ? [asker] : commsTeam(profile),
        webhooks: true,
        itemId: item.id,
        escalationId: escalation.id,
      },
      at,
    );
    await this.audit(
      tx,
      org,
      'system',
      'consultation.overdue',
      item,
      {
        consultationId: c.id,
        escalationId: escalation.id,
        dueAt: c.dueAt?.toISOString() ?? null,
        told: asker ? { user: askerId } : { team: 'comms' },
      },
      at,
    );
    return true;
  }

  /**
   * INB-12: escalate a concern about safety, care or behaviour to the managers, to a team of the
   * profile, or to a partner the profile names. The reason stays in the desk; the message that
   * leaves it holds only the link and labels. A partner has no address in the profile, so the
   * managers are told to pass it on through the agreed route, and the record says so.
   */
  async raiseConcern(
    org: Organisation,
    itemId: number,
    input: { to: 'managers' | 'team' | 'partner'; team?: string; partner?: string; reason: string },
    actor: Actor,
  ): Promise<Escalation> {
    const { profile } = this.desk.profiles.forOrganisation(org);
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const item = await tx.items.get(org.id, itemId);
      if (!item) throw notFound('item');
      const managers = await membersWithRole(tx, org.id, MANAGER_ROLES);
      let target: Escalation['target'] = 'managers';
      let recipient = 'communications managers';
      let emails: EmailRecipient[] = managers;
      let headline = 'A concern about an item was escalated to you';
      if (input.to === 'team') {
        const team = input.team ? profile.teams[input.team as keyof Profile['teams']] : undefined;
        if (!team) {
          throw badRequest(
            'team_unknown',
            `This organisation's profile names no team "${input.team ?? ''}".`,
            [{ path: '/body/team', reason: 'no such team in the profile' }],
          );
        }
        target = 'team';
        recipient = team.name;
        emails = team.email ? [{ to: team.email }] : [];
        headline = `A concern about an item was escalated to ${team.name}`;
      } else if (input.to === 'partner') {
        const wanted = (input.partner ?? '').trim().toLowerCase();
        const partner = profile.partners.find(
          (p) =>
            p.name.toLowerCase() === wanted || p.aliases.some((a) => a.toLowerCase() === wanted),
        );
        if (!partner) {
          throw badRequest(
            'partner_unknown',
            `Unexpected partner "${input.partner ?? ''}", expected one the profile names (${profile.partners.map((p) => p.name).join(', ') || 'none'}).`,
            [{ path: '/body/partner', reason: 'not a partner in the profile' }],
          );
        }
        target = 'partner';
        recipient = partner.name;
        headline = `A concern about an item is to be passed to ${partner.name}`;
      }
      const { escalation } = await tx.oncall.addEscalation(
        org.id,
        {
          itemId,
          kind: 'concern',
          level: 0,
          key: `concern:${itemId}:${randomUUID()}`,
          target,
          recipient,
          reason: input.reason,
          createdBy: actor,
        },
        at,
      );
      await queueNotifications(
        tx,
        org,
        {
          key: `escalation:${escalation.id}`,
          content: this.message(org, item, headline, [
            ...(target === 'partner'
              ? ['Pass it on through the route agreed with the partner.']
              : []),
            `Escalation: ${escalation.id}`,
          ]),
          emails,
          webhooks: true,
          itemId,
          escalationId: escalation.id,
        },
        at,
      );
      await this.audit(
        tx,
        org,
        actor,
        'escalation.raised',
        item,
        {
          escalationId: escalation.id,
          kind: 'concern' satisfies EscalationKind,
          target,
          recipient,
          ...(target === 'managers' ? { managers: managers.map((m) => m.userId) } : {}),
        },
        at,
      );
      return escalation;
    });
  }
}
