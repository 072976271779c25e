/**
 * Settings: the organisation's policy profile in words, with the sections an administrator edits
 * most (working hours and closure days, response targets, rule severities), and its people and
 * their roles (GOV-5).
 *
 * Every comms colleague can read the profile (`inbox.read` or `settings.manage`); changes need
 * `settings.manage` and go through SettingsService — the same compile-first, audited path as
 * `PUT /api/orgs/:org/profile` — which saves each section as the organisation's override on top
 * of its base profile. People are managed with `members.manage`; the service keeps the
 * organisation's last administrator. A refusal re-renders the form with the NHS.UK error summary
 * and the message beside the field; nothing is saved.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROLE_IDS, type RoleId } from '../../core/access/permissions.js';
import { rules as allRules } from '../../core/check/rules/index.js';
import { ruleSettingFor } from '../../core/profile/rule-settings.js';
import type { Profile } from '../../core/profile/schema.js';
import { WEEKDAYS, type Weekday } from '../../core/sla/calendar.js';
import type { Desk } from '../../server/context.js';
import { DeskError, forbidden, notFound } from '../../server/errors.js';
import {
  PROFILE_SECTIONS,
  SettingsService,
  TARGET_FIELDS,
  type ProfileSection,
  type ProfileSettings,
} from '../../server/services/settings.service.js';
import { orgPage, type OrgPage } from '../render.js';
import { type Form, one, many, type FormProblem } from '../forms.js';

/** Role names in words, and what each may do in a line (the matrix is core's GOV-5). */
export const ROLE_WORDS: Record<RoleId, { name: string; does: string }> = {
  comms_officer: {
    name: 'Communications officer',
    does: 'Works the inbox, hands items off, drafts posts and replies',
  },
  comms_manager: {
    name: 'Communications manager',
    does: 'As an officer, and approves and publishes posts, crisis mode, the on-call rota, reads the audit log',
  },
  oncall_manager: {
    name: 'On-call manager',
    does: 'Works urgent items and approves and publishes out of hours',
  },
  staff: { name: 'Staff member', does: 'Checks their own drafts against the policy' },
  line_manager: { name: 'Line manager', does: 'Checks drafts and reads reports' },
  pals: { name: 'PALS', does: 'Sees and answers items handed to PALS' },
  foi: { name: 'FOI team', does: 'Sees and answers items handed to the FOI team' },
  quality: {
    name: 'Quality team',
    does: 'Sees and answers items handed to quality and safeguarding',
  },
  governance: {
    name: 'Governance',
    does: 'Reads the inbox and the audit log, exports it, erases personal data after hand-off',
  },
  it: { name: 'IT', does: 'Connects accounts and holds their credentials' },
  auditor: {
    name: 'Auditor',
    does: 'Reads everything and exports the audit log; changes nothing',
  },
  administrator: { name: 'Administrator', does: 'Manages people, roles and settings' },
};
export const roleName = (r: string) => ROLE_WORDS[r as RoleId]?.name ?? r;

const ROUTE_WORDS: Record<string, string> = {
  pals: 'PALS',
  foi: 'Freedom of Information',
  quality: 'Quality',
  press: 'Press and media',
  governance: 'Governance',
  safeguarding: 'Safeguarding',
  police: 'Police',
  oncall: 'On call',
  comms: 'Communications',
};
const NATION_WORDS: Record<string, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};
const SECTION_WORDS: Record<ProfileSection, string> = {
  nation: 'bank-holiday region',
  hours: 'working hours',
  targets: 'response targets',
  teams: 'routes and teams',
  rules: 'rule severities',
  restrictedPeriods: 'restricted periods',
  acknowledgements: 'acknowledgements',
};
const TARGET_LABELS: Record<(typeof TARGET_FIELDS)[number], { label: string; hint: string }> = {
  responseWorkingMinutes: {
    label: 'First response, in working minutes',
    hint: 'For comments and messages that are not urgent. Paused out of hours. 120 is two working hours.',
  },
  urgentMinutes: {
    label: 'Urgent items, in minutes',
    hint: 'Counted whatever the hour, evenings and weekends included.',
  },
  foiWorkingDays: {
    label: 'FOI requests, in working days',
    hint: 'At most 20, the statutory limit.',
  },
  consultWorkingMinutes: {
    label: 'A consulted colleague’s answer, in working minutes',
    hint: 'How long a colleague asked for advice has to answer.',
  },
  oncallAckMinutes: {
    label: 'On-call acknowledgement, in minutes',
    hint: 'Before an escalation goes to the next person on the rota.',
  },
};

const dayWords = (d: Weekday) => d[0]!.toUpperCase() + d.slice(1);
const fieldId = (path: string): string => {
  // Service error paths → the form field they concern.
  const parts = path.replace(/^\/(body\/)?/, '').split('/');
  if (parts[0] === 'hours' && parts.length === 3) return `${parts[1]}-${parts[2]}`;
  if (parts[0] === 'hours' && parts[1] === 'bankHolidays') return 'bank-holidays';
  if (parts[0] === 'hours' && parts[1] === 'closures') return 'closures';
  if (parts[0] === 'targets') return `target-${parts[1]}`;
  if (parts[0] === 'rules') return ruleFieldId(parts.slice(1).join('/'));
  if (parts[0] === 'display_name') return 'display-name';
  return parts[0] ?? '';
};
const ruleFieldId = (ruleId: string) => `rule-${ruleId.replace(/[^a-z0-9]+/gi, '-')}`;

function problemsOf(error: DeskError, fallback: string): FormProblem[] {
  if (error.code === 'settings_invalid' && error.details.length) {
    return error.details.map((d) => ({ field: fieldId(d.path) || fallback, text: d.reason }));
  }
  return [{ field: fallback, text: error.message }];
}
const isRefusal = (error: unknown): error is DeskError =>
  error instanceof DeskError && [400, 404, 409].includes(error.status);

const intervalWords = (intervals: readonly (readonly [string, string])[]) =>
  intervals.length === 0
    ? 'Closed'
    : intervals.map(([a, b]) => (b === '24:00' ? `${a} to midnight` : `${a} to ${b}`)).join(', ');

function minutesWords(n: number, working: boolean): string {
  const unit = working ? 'working ' : '';
  if (n % 60 === 0 && n >= 60) {
    const h = n / 60;
    return `${h} ${unit}hour${h === 1 ? '' : 's'}`;
  }
  return `${n} ${unit}minute${n === 1 ? '' : 's'}`;
}

/** The profile in words, section by section, with where each section comes from. */
function profileView(view: ProfileSettings) {
  const p = view.profile;
  const from = (section: ProfileSection | ProfileSection[]) => {
    const sections = Array.isArray(section) ? section : [section];
    return sections.some((s) => view.overridden.has(s))
      ? { text: 'Organisation override', classes: 'nhsuk-tag--purple', override: true }
      : {
          text: `Base profile (${view.baseProfileId})`,
          classes: 'nhsuk-tag--grey',
          override: false,
        };
  };
  const ack = p.acknowledgements?.platforms;
  return {
    policy: {
      title: p.policy.title,
      reference: p.policy.reference ?? '',
      version: p.policy.version,
      base: view.baseProfileId,
      hasOverride: view.overridden.size > 0,
      overriddenWords: [...view.overridden]
        .map((s) => SECTION_WORDS[s as ProfileSection] ?? s)
        .join(', '),
    },
    hours: {
      from: from(['hours', 'nation']),
      days: WEEKDAYS.map((d) => ({ day: dayWords(d), text: intervalWords(p.hours.week[d]) })),
      timeZone: p.hours.timeZone,
      nation: NATION_WORDS[p.nation] ?? p.nation,
      bankHolidays:
        p.hours.bankHolidays === 'closed'
          ? `Days off: the clock pauses on ${NATION_WORDS[p.nation] ?? p.nation} bank holidays`
          : 'Worked: the team works bank holidays',
      closures: p.hours.closures,
      clause: p.hours.clause,
    },
    targets: {
      from: from('targets'),
      rows: [
        {
          what: 'First response to a comment or message',
          value: minutesWords(p.targets.responseWorkingMinutes, true),
        },
        {
          what: 'Urgent items (patient safety, abuse, threats and the like)',
          value: `${minutesWords(p.targets.urgentMinutes, false)}, whatever the hour`,
        },
        {
          what: 'FOI requests',
          value: `${p.targets.foiWorkingDays} working days (${p.targets.foiRegime === 'foisa' ? 'Freedom of Information (Scotland) Act' : 'Freedom of Information Act 2000'})`,
        },
        {
          what: 'A consulted colleague’s answer',
          value: minutesWords(p.targets.consultWorkingMinutes, true),
        },
        {
          what: 'On-call acknowledgement of an escalation',
          value: minutesWords(p.targets.oncallAckMinutes, false),
        },
      ],
      clause: p.targets.clause,
    },
    teams: {
      from: from('teams'),
      rows: Object.entries(p.teams).map(([route, team]) => ({
        route: ROUTE_WORDS[route] ?? route,
        name: team?.name ?? '',
        email: team?.email ?? '',
        phone: team?.phone ?? '',
        url: team?.url ?? '',
        clause: team?.clause ?? '',
      })),
    },
    rules: {
      from: from('rules'),
      rows: allRules.map((r) => {
        const s = ruleSettingFor(p, r);
        return {
          id: r.meta.id,
          fieldId: ruleFieldId(r.meta.id),
          description: r.meta.description,
          severity: s.severity,
          tag: SEVERITY_TAGS[s.severity],
          clause: s.clause,
          overridden: view.overriddenRules.has(r.meta.id),
        };
      }),
    },
    restricted: {
      from: from('restrictedPeriods'),
      rows: p.restrictedPeriods.map((r) => ({
        name: r.name,
        kind:
          r.kind === 'pre-election'
            ? 'Pre-election period'
            : r.kind === 'embargo'
              ? 'Embargo'
              : 'Other',
        dates: `${r.start} to ${r.end}`,
        action:
          r.action === 'block'
            ? 'Nothing may be published'
            : `Publishing needs ${r.approver ?? 'the named approver'}`,
        clause: r.clause,
      })),
    },
    acknowledgements: {
      from: from('acknowledgements'),
      text:
        ack === undefined
          ? 'Direct messages are acknowledged automatically on every platform, once per conversation (INB-3).'
          : ack.length === 0
            ? 'Automatic acknowledgement of direct messages is switched off.'
            : `Direct messages are acknowledged automatically on ${ack.join(', ')} only, once per conversation (INB-3).`,
    },
  };
}

const SEVERITY_TAGS: Record<string, { text: string; classes: string }> = {
  block: { text: 'Block', classes: 'nhsuk-tag--red' },
  warn: { text: 'Warn', classes: 'nhsuk-tag--orange' },
  off: { text: 'Off', classes: 'nhsuk-tag--grey' },
};

export async function settingsPages(web: FastifyInstance, desk: Desk): Promise<void> {
  const settings = new SettingsService(desk);
  const slugOf = (request: FastifyRequest) => (request.params as { org: string }).org;
  const baseOf = (page: OrgPage) => `/orgs/${encodeURIComponent(page.org.slug)}/settings`;
  const doneOf = (request: FastifyRequest) => one((request.query ?? {}) as Form, 'done');

  /** Comms staff read the profile; administrators manage it. */
  const readerPage = async (request: FastifyRequest) => {
    const page = await orgPage(desk, request, slugOf(request), undefined, 'settings');
    if (!page.access.can('inbox.read') && !page.access.can('settings.manage'))
      throw forbidden('inbox.read');
    return page;
  };
  const errorsOf = (problems: FormProblem[]) => ({
    errors: problems.map((p) => ({ text: p.text, href: `#${p.field}` })),
    errorFor: Object.fromEntries(problems.map((p) => [p.field, { text: p.text }])),
  });

  // ── The hub ─────────────────────────────────────────────────────────────────────────────────
  web.get('/orgs/:org/settings', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), undefined, 'settings');
    const a = page.access;
    const canProfile = a.can('inbox.read') || a.can('settings.manage');
    if (!canProfile && !a.can('members.manage')) throw forbidden('inbox.read');
    const base = baseOf(page);
    return reply.view('settings.njk', {
      ...page.layout,
      title: 'Settings',
      links: [
        canProfile
          ? {
              href: `${base}/profile`,
              text: 'Policy profile',
              description: a.can('settings.manage')
                ? 'Working hours, response targets, routes and teams, rule severities: read and change them'
                : 'Working hours, response targets, routes and teams, rule severities and the rest of the policy the desk follows',
            }
          : null,
        a.can('members.manage')
          ? {
              href: `${base}/people`,
              text: 'People and roles',
              description: 'Add people, give them roles, remove them from the organisation',
            }
          : null,
        a.can('audit.read')
          ? {
              href: `/orgs/${encodeURIComponent(page.org.slug)}/audit`,
              text: 'Audit log',
              description: 'Who changed what and when, with a check that nothing was altered',
            }
          : null,
      ].filter((x) => x !== null),
    });
  });

  // ── The profile ─────────────────────────────────────────────────────────────────────────────
  web.get('/orgs/:org/settings/profile', { schema: { hide: true } }, async (request, reply) => {
    const page = await readerPage(request);
    const view = settings.profileSettings(page.org);
    return reply.view('settings-profile.njk', {
      ...page.layout,
      title: 'Policy profile',
      base: baseOf(page),
      canManage: page.access.can('settings.manage'),
      done: doneOf(request),
      p: profileView(view),
    });
  });

  type EditForm = 'hours' | 'targets' | 'rules';
  const renderEdit = async (
    page: OrgPage,
    reply: FastifyReply,
    form: EditForm,
    values: Record<string, string>,
    problems: FormProblem[] = [],
  ) => {
    const view = settings.profileSettings(page.org);
    const p = profileView(view);
    const profile: Profile = view.profile;
    const defaults: Record<string, string> = {};
    if (form === 'hours') {
      for (const d of WEEKDAYS) {
        const intervals = profile.hours.week[d];
        defaults[`${d}_closed`] = intervals.length === 0 ? 'yes' : '';
        defaults[`${d}_opens`] = intervals[0]?.[0] ?? '';
        defaults[`${d}_closes`] = intervals.at(-1)?.[1] ?? '';
      }
      defaults.bank_holidays = profile.hours.bankHolidays;
      defaults.closures = profile.hours.closures.join('\n');
    } else if (form === 'targets') {
      for (const f of TARGET_FIELDS) defaults[f] = String(profile.targets[f]);
    } else {
      for (const r of p.rules.rows) defaults[`rule_${r.id}`] = r.severity;
    }
    const v = { ...defaults, ...values };
    const titles: Record<EditForm, string> = {
      hours: 'Change working hours and closure days',
      targets: 'Change response targets',
      rules: 'Change rule severities',
    };
    return reply.view('settings-profile-edit.njk', {
      ...page.layout,
      title: titles[form],
      form,
      action: `${baseOf(page)}/profile/${form}`,
      backHref: `${baseOf(page)}/profile`,
      ...errorsOf(problems),
      values: v,
      p,
      days: WEEKDAYS.map((d) => ({
        id: d,
        name: dayWords(d),
        // A day of several periods (a lunch break) is saved as one: say so before it happens.
        several: profile.hours.week[d].length > 1 ? intervalWords(profile.hours.week[d]) : '',
        closed: v[`${d}_closed`] === 'yes',
        opens: v[`${d}_opens`] ?? '',
        closes: v[`${d}_closes`] ?? '',
      })),
      targets: TARGET_FIELDS.map((f) => ({
        id: `target-${f}`,
        name: f,
        label: TARGET_LABELS[f].label,
        hint: TARGET_LABELS[f].hint,
        value: v[f] ?? '',
      })),
      ruleRows: p.rules.rows.map((r) => ({
        ...r,
        items: ['block', 'warn', 'off'].map((s) => ({
          value: s,
          text: SEVERITY_TAGS[s]!.text,
          selected: v[`rule_${r.id}`] === s,
        })),
      })),
    });
  };

  const FIRST_FIELD: Record<EditForm, string> = {
    hours: 'monday-opens',
    targets: 'target-responseWorkingMinutes',
    rules: ruleFieldId(allRules[0]!.meta.id),
  };

  for (const form of ['hours', 'targets', 'rules'] as const) {
    web.get(
      `/orgs/:org/settings/profile/${form}`,
      { schema: { hide: true } },
      async (request, reply) => {
        const page = await orgPage(desk, request, slugOf(request), 'settings.manage', 'settings');
        return renderEdit(page, reply, form, {});
      },
    );

    web.post(
      `/orgs/:org/settings/profile/${form}`,
      { schema: { hide: true } },
      async (request, reply) => {
        const page = await orgPage(desk, request, slugOf(request), 'settings.manage', 'settings');
        const body = (request.body ?? {}) as Form;
        const values: Record<string, string> = {};
        try {
          if (form === 'hours') {
            const week = {} as Record<Weekday, { closed: boolean; opens: string; closes: string }>;
            for (const d of WEEKDAYS) {
              values[`${d}_closed`] = one(body, `${d}_closed`);
              values[`${d}_opens`] = one(body, `${d}_opens`);
              values[`${d}_closes`] = one(body, `${d}_closes`);
              week[d] = {
                closed: values[`${d}_closed`] === 'yes',
                opens: values[`${d}_opens`]!,
                closes: values[`${d}_closes`]!,
              };
            }
            values.bank_holidays = one(body, 'bank_holidays');
            values.closures = (typeof body.closures === 'string' ? body.closures : '').slice(
              0,
              5000,
            );
            await settings.setHours(page.access, {
              week,
              bankHolidays: values.bank_holidays,
              closures: values.closures.split(/[\n,]+/),
            });
          } else if (form === 'targets') {
            for (const f of TARGET_FIELDS) values[f] = one(body, f);
            await settings.setTargets(
              page.access,
              values as Record<(typeof TARGET_FIELDS)[number], string>,
            );
          } else {
            const severities: Record<string, string> = {};
            for (const key of Object.keys(body)) {
              if (!key.startsWith('rule_')) continue;
              values[key] = one(body, key);
              severities[key.slice('rule_'.length)] = values[key]!;
            }
            await settings.setRuleSeverities(page.access, severities);
          }
        } catch (error) {
          if (!isRefusal(error)) throw error;
          return renderEdit(
            page,
            reply.status(error.status),
            form,
            values,
            problemsOf(error, FIRST_FIELD[form]),
          );
        }
        return reply.redirect(`${baseOf(page)}/profile?done=${form}#${form}`, 303);
      },
    );
  }

  web.post(
    '/orgs/:org/settings/profile/reset',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'settings.manage', 'settings');
      const section = one((request.body ?? {}) as Form, 'section');
      if (!(PROFILE_SECTIONS as readonly string[]).includes(section)) throw notFound('section');
      await settings.resetSection(page.access, section as ProfileSection);
      return reply.redirect(`${baseOf(page)}/profile?done=reset#${section}`, 303);
    },
  );

  // ── People ──────────────────────────────────────────────────────────────────────────────────
  const roleItems = (chosen: readonly string[]) =>
    ROLE_IDS.map((r) => ({
      value: r,
      text: ROLE_WORDS[r].name,
      hint: { text: ROLE_WORDS[r].does },
      checked: chosen.includes(r),
    }));

  const renderPeople = async (
    page: OrgPage,
    reply: FastifyReply,
    values: { email?: string; display_name?: string; roles?: string[] } = {},
    problems: FormProblem[] = [],
    done = '',
  ) => {
    const members = await desk.store.users.members(page.org.id);
    const base = baseOf(page);
    return reply.view('settings-people.njk', {
      ...page.layout,
      title: 'People and roles',
      backHref: base,
      action: `${base}/people`,
      done,
      ...errorsOf(problems),
      values,
      roleItems: roleItems(values.roles ?? []),
      members: members.map((m) => ({
        href: `${base}/people/${m.id}`,
        name: m.displayName,
        email: m.email,
        roles: m.roles.map(roleName).join(', '),
        you: m.id === page.user.id,
      })),
    });
  };

  web.get('/orgs/:org/settings/people', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'members.manage', 'settings');
    return renderPeople(page, reply, {}, [], doneOf(request));
  });

  web.post('/orgs/:org/settings/people', { schema: { hide: true } }, async (request, reply) => {
    const page = await orgPage(desk, request, slugOf(request), 'members.manage', 'settings');
    const body = (request.body ?? {}) as Form;
    const values = {
      email: one(body, 'email'),
      display_name: one(body, 'display_name'),
      roles: many(body, 'roles'),
    };
    try {
      await settings.addMember(page.access, {
        email: values.email,
        displayName: values.display_name,
        roles: values.roles,
      });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return renderPeople(page, reply.status(error.status), values, problemsOf(error, 'email'));
    }
    return reply.redirect(`${baseOf(page)}/people?done=added`, 303);
  });

  const userIdOf = (request: FastifyRequest) => {
    const raw = (request.params as { userId: string }).userId;
    if (!/^\d{1,12}$/.test(raw)) throw notFound('member');
    return Number(raw);
  };

  const renderPerson = async (
    page: OrgPage,
    reply: FastifyReply,
    userId: number,
    options: { roles?: string[]; problems?: FormProblem[]; done?: string } = {},
  ) => {
    const member = (await desk.store.users.members(page.org.id)).find((m) => m.id === userId);
    if (!member) throw notFound('member');
    const base = baseOf(page);
    return reply.view('settings-person.njk', {
      ...page.layout,
      title: member.displayName,
      backHref: `${base}/people`,
      action: `${base}/people/${member.id}`,
      done: options.done ?? '',
      ...errorsOf(options.problems ?? []),
      member: {
        name: member.displayName,
        email: member.email,
        roles: member.roles.map(roleName).join(', '),
        you: member.id === page.user.id,
      },
      roleItems: roleItems(options.roles ?? member.roles),
    });
  };

  web.get(
    '/orgs/:org/settings/people/:userId',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'members.manage', 'settings');
      return renderPerson(page, reply, userIdOf(request), { done: doneOf(request) });
    },
  );

  web.post(
    '/orgs/:org/settings/people/:userId/roles',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'members.manage', 'settings');
      const userId = userIdOf(request);
      const roles = many((request.body ?? {}) as Form, 'roles');
      if (!(await desk.store.users.membership(page.org.id, userId))) throw notFound('member');
      try {
        await settings.setRoles(page.access, userId, roles);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        return renderPerson(page, reply.status(error.status), userId, {
          roles,
          problems: problemsOf(error, 'roles'),
        });
      }
      return reply.redirect(`${baseOf(page)}/people/${userId}?done=roles`, 303);
    },
  );

  web.post(
    '/orgs/:org/settings/people/:userId/remove',
    { schema: { hide: true } },
    async (request, reply) => {
      const page = await orgPage(desk, request, slugOf(request), 'members.manage', 'settings');
      const userId = userIdOf(request);
      try {
        await settings.removeMember(page.access, userId);
      } catch (error) {
        if (!isRefusal(error) || error.status === 404) throw error;
        return renderPerson(page, reply.status(error.status), userId, {
          problems: problemsOf(error, 'remove'),
        });
      }
      return reply.redirect(`${baseOf(page)}/people?done=removed`, 303);
    },
  );
}
