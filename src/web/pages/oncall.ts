/**
 * The on-call page (INB-4): who is on call now and how they are reached, the rota for the coming
 * weeks, open escalations with an "Acknowledge" button, and recent acknowledgements. People with
 * `oncall.manage` add and remove shifts. Every change goes through OncallService or
 * EscalationService (they check shifts, membership and repeated acknowledgements); a refusal in
 * words re-renders the page with an NHS.UK error summary linking to the field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { Desk } from '../../server/context.js';
import { DeskError, notFound } from '../../server/errors.js';
import { EscalationService } from '../../server/services/escalation.service.js';
import { OncallService } from '../../server/services/oncall.service.js';
import type { Actor, Escalation } from '../../store/index.js';
import { orgPage, type OrgPage } from '../render.js';
import { formatTime, labelName, type StoredEvidence } from '../view-models.js';
import { type Form, one, type FormProblem } from '../forms.js';

/** How far ahead the rota table looks. */
const ROTA_DAYS = 28;
const DAY_MS = 24 * 60 * 60_000;

const KIND_NAMES: Record<string, string> = {
  oncall: 'On-call escalation',
  breach: 'Response target missed',
  consultation: 'Consultation overdue',
  concern: 'Concern escalated',
};

const CHANNEL_NAMES: Record<string, string> = { teams: 'Microsoft Teams', slack: 'Slack' };

/** Service error paths → the rota form's fields. */
const SHIFT_FIELDS: Record<string, string> = {
  starts_at: 'starts-at',
  ends_at: 'ends-at',
  'people/0': 'first-person',
  'people/1': 'second-person',
};

/** One item's chain of one kind: the steps, oldest first. */
interface Chain {
  itemId: number;
  kind: string;
  steps: Escalation[];
}

function chainsOf(list: readonly Escalation[]): Chain[] {
  const byKey = new Map<string, Chain>();
  for (const e of list) {
    const key = `${e.itemId}:${e.kind}`;
    let chain = byKey.get(key);
    if (!chain) {
      chain = { itemId: e.itemId, kind: e.kind, steps: [] };
      byKey.set(key, chain);
    }
    chain.steps.push(e);
  }
  for (const c of byKey.values()) c.steps.sort((a, b) => a.id - b.id);
  return [...byKey.values()];
}

export async function oncallPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const oncall = new OncallService(desk);
  const escalations = new EscalationService(desk);
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;
  const idOf = (request: FastifyRequest, what: string) => {
    const raw = (request.params as { id: string }).id;
    if (!/^\d{1,12}$/.test(raw)) throw notFound(what);
    return Number(raw);
  };
  const baseOf = (page: OrgPage) => `/orgs/${encodeURIComponent(page.org.slug)}/oncall`;

  const render = async (
    page: OrgPage,
    reply: FastifyReply,
    options: { problems?: FormProblem[]; values?: Record<string, string>; done?: string } = {},
  ) => {
    const org = page.org;
    const zone = desk.profiles.forOrganisation(org).profile.hours.timeZone;
    const now = desk.clock.now();
    const [current, shifts, members, open, recent, channels] = await Promise.all([
      oncall.now(org),
      oncall.list(org, { from: now, to: new Date(now.getTime() + ROTA_DAYS * DAY_MS) }),
      desk.store.users.members(org.id),
      desk.store.oncall.escalations(org.id, { open: true, limit: 200 }),
      desk.store.oncall.escalations(org.id, { open: false, limit: 200 }),
      desk.store.notifications.channels(org.id),
    ]);
    const people = new Map(members.map((m) => [m.id, m]));
    const nameOf = (id: number) => people.get(id)?.displayName ?? `person ${id}`;
    const actorName = (a: Actor | null) =>
      a === 'system' ? 'Commsdesk' : a === null ? '' : nameOf(a);
    const recipientOf = (e: Escalation) =>
      e.target === 'person' && e.personId !== null ? nameOf(e.personId) : e.recipient;
    const itemHref = (id: number) => `/orgs/${encodeURIComponent(org.slug)}/items/${id}`;
    const channelNames = channels.map((c) => CHANNEL_NAMES[c.channel] ?? c.channel);

    // Why the item is urgent: its triage evidence (labels), never its text.
    const whyOf = async (itemId: number) => {
      const item = await desk.store.items.get(org.id, itemId);
      if (!item) return { labels: [] as string[], urgent: false, erased: false };
      const triage = (item.triage ?? {}) as { urgentBecause?: StoredEvidence[] };
      const labels = [...new Set((triage.urgentBecause ?? []).map((e) => labelName(e.label)))];
      return { labels, urgent: item.urgent, erased: item.erasedAt !== null };
    };

    const openChains = await Promise.all(
      chainsOf(open).map(async (c) => {
        const last = c.steps[c.steps.length - 1]!;
        const why = await whyOf(c.itemId);
        return {
          id: last.id,
          itemId: c.itemId,
          href: itemHref(c.itemId),
          kind: KIND_NAMES[c.kind] ?? c.kind,
          reason: c.steps[0]!.reason,
          why: why.labels,
          notified: c.steps.map((s) => ({
            who: recipientOf(s),
            level: s.level + 1,
            at: formatTime(s.notifiedAt, zone),
          })),
          nextAt: last.nextAt ? formatTime(last.nextAt, zone) : '',
        };
      }),
    );
    openChains.sort((a, b) => b.id - a.id);

    const acknowledged = chainsOf(recent.filter((e) => e.acknowledgedAt !== null))
      .map((c) => {
        const first = c.steps[0]!;
        const ack = c.steps.reduce((a, b) =>
          (b.acknowledgedAt?.getTime() ?? 0) > (a.acknowledgedAt?.getTime() ?? 0) ? b : a,
        );
        return { c, first, ack };
      })
      .sort((a, b) => b.ack.acknowledgedAt!.getTime() - a.ack.acknowledgedAt!.getTime())
      .slice(0, 10)
      .map(({ c, first, ack }) => ({
        itemId: c.itemId,
        href: itemHref(c.itemId),
        kind: KIND_NAMES[c.kind] ?? c.kind,
        by: actorName(ack.acknowledgedBy),
        at: formatTime(ack.acknowledgedAt, zone),
        minutes: Math.round((ack.acknowledgedAt!.getTime() - first.notifiedAt.getTime()) / 60_000),
        steps: c.steps.length,
      }));

    const manage = page.access.can('oncall.manage');
    const problems = options.problems ?? [];
    const values = options.values ?? {};
    const base = baseOf(page);
    const memberItems = (chosen: string, empty: string) => [
      { value: '', text: empty },
      ...members.map((m) => ({
        value: String(m.id),
        text: m.displayName,
        selected: String(m.id) === chosen,
      })),
    ];
    return reply.view('oncall.njk', {
      ...page.layout,
      title: 'On call',
      errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
      errorFor: Object.fromEntries(problems.map((p) => [p.field, { text: p.text }])),
      values,
      done: options.done ?? '',
      base,
      zone,
      now: formatTime(now, zone),
      duty: current
        ? {
            until: formatTime(current.endsAt, zone),
            note: current.note ?? '',
            people: current.people.map((id, i) => ({
              name: nameOf(id),
              email: people.get(id)?.email ?? '',
              order: i + 1,
            })),
          }
        : null,
      channels: channelNames,
      rota: shifts
        .slice()
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((s) => ({
          id: s.id,
          starts: formatTime(s.startsAt, zone),
          ends: formatTime(s.endsAt, zone),
          people: s.people.map(nameOf),
          note: s.note ?? '',
          current: current?.id === s.id,
        })),
      rotaDays: ROTA_DAYS,
      open: openChains,
      acknowledged,
      can: { manage, acknowledge: page.access.can('oncall.acknowledge') },
      firstPersonItems: manage ? memberItems(values.first_person ?? '', 'Choose a person') : [],
      secondPersonItems: manage ? memberItems(values.second_person ?? '', 'Nobody else') : [],
    });
  };

  web.get('/orgs/:org/oncall', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'inbox.read', 'oncall');
    return render(page, reply, { done: one((request.query ?? {}) as Form, 'done') });
  });

  /** Read a `datetime-local` value as the organisation's local time. */
  const localTime = (page: OrgPage, raw: string): Date | null => {
    const zone = desk.profiles.forOrganisation(page.org).profile.hours.timeZone;
    const t = DateTime.fromISO(raw, { zone });
    return t.isValid ? t.toJSDate() : null;
  };

  web.post('/orgs/:org/oncall/shifts', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'oncall.manage', 'oncall');
    const body = (request.body ?? {}) as Form;
    const values = {
      starts_at: one(body, 'starts_at'),
      ends_at: one(body, 'ends_at'),
      first_person: one(body, 'first_person'),
      second_person: one(body, 'second_person'),
      note: one(body, 'note'),
    };
    const problems: FormProblem[] = [];
    const startsAt = values.starts_at ? localTime(page, values.starts_at) : null;
    const endsAt = values.ends_at ? localTime(page, values.ends_at) : null;
    if (!startsAt)
      problems.push({
        field: 'starts-at',
        text: values.starts_at
          ? 'Enter the start as a date and time, like 2026-03-06 17:00'
          : 'Enter when the shift starts',
      });
    if (!endsAt)
      problems.push({
        field: 'ends-at',
        text: values.ends_at
          ? 'Enter the end as a date and time, like 2026-03-09 09:00'
          : 'Enter when the shift ends',
      });
    const idText = /^\d{1,12}$/;
    if (!values.first_person)
      problems.push({ field: 'first-person', text: 'Choose who is called first' });
    else if (!idText.test(values.first_person))
      problems.push({ field: 'first-person', text: 'Choose a person from the list' });
    if (values.second_person && !idText.test(values.second_person))
      problems.push({ field: 'second-person', text: 'Choose a person from the list' });
    if (values.note.length > 500)
      problems.push({ field: 'note', text: 'The note must be 500 characters or fewer' });
    if (problems.length) return render(page, reply.status(400), { problems, values });
    const people = [Number(values.first_person)];
    if (values.second_person) people.push(Number(values.second_person));
    try {
      await oncall.create(
        page.org,
        { startsAt: startsAt!, endsAt: endsAt!, people, note: values.note || null },
        page.access.actor,
      );
    } catch (error) {
      if (!(error instanceof DeskError) || error.status !== 400) throw error;
      const path = error.details[0]?.path.replace(/^\/(body\/)?/, '') ?? '';
      const field = SHIFT_FIELDS[path] ?? 'starts-at';
      // The service names the person by id; the page says it in words.
      const text =
        error.code === 'person_not_member'
          ? 'The person chosen is not a member of this organisation: choose someone from the list'
          : error.message;
      return render(page, reply.status(400), {
        problems: [{ field, text }],
        values,
      });
    }
    return reply.redirect(`${baseOf(page)}?done=shift-added#rota`, 303);
  });

  web.post(
    '/orgs/:org/oncall/shifts/:id/remove',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'oncall.manage', 'oncall');
      await oncall.remove(page.org, idOf(request, 'shift'), page.access.actor);
      return reply.redirect(`${baseOf(page)}?done=shift-removed#rota`, 303);
    },
  );

  web.post(
    '/orgs/:org/oncall/escalations/:id/acknowledge',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'oncall.acknowledge', 'oncall');
      const id = idOf(request, 'escalation');
      try {
        await escalations.acknowledge(page.org, id, page.access.actor);
      } catch (error) {
        if (!(error instanceof DeskError) || error.status !== 409) throw error;
        return render(page, reply.status(409), {
          problems: [{ field: 'open-escalations', text: error.message }],
        });
      }
      return reply.redirect(`${baseOf(page)}?done=acknowledged#acknowledged`, 303);
    },
  );
}
