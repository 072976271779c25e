/**
 * The organisation's settings: its policy profile (the base profile and the organisation's own
 * override document) and its people and their roles (GOV-5).
 *
 * Every change to the profile, whether a whole override from the API or one section edited in the
 * desk, goes through `changeProfile`: the candidate profile is compiled first and refused with its
 * problems if it does not load, so a broken profile is never saved; the change and its audit row
 * commit together. Section edits (working hours, targets, rule severities) check what was entered
 * field by field first, so a refusal can name the field, then write the section into the override
 * document (keeping the rest of it, comments included) and save it the same way.
 *
 * Membership changes keep one rule of their own: an organisation never loses its last
 * administrator, by a role change or by removal, so somebody can always manage its people.
 */
import { Document, isMap, parseDocument } from 'yaml';
import { ROLE_IDS } from '../../core/access/permissions.js';
import { rules as allRules } from '../../core/check/rules/index.js';
import { ruleSettingFor } from '../../core/profile/rule-settings.js';
import { severitySettingSchema, type Profile } from '../../core/profile/schema.js';
import { WEEKDAYS, type Weekday } from '../../core/sla/calendar.js';
import { ROLES, type Organisation, type Role } from '../../store/index.js';
import type { OrgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { DeskError, badRequest, conflict, notFound, type ErrorDetail } from '../errors.js';

/** The profile sections the settings pages show, as the profile names them. */
export const PROFILE_SECTIONS = [
  'nation',
  'hours',
  'targets',
  'teams',
  'rules',
  'restrictedPeriods',
  'acknowledgements',
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/** One weekday as a form gives it: closed all day, or one period from `opens` to `closes`. */
export interface DayHoursInput {
  closed: boolean;
  opens: string;
  closes: string;
}

export interface HoursInput {
  week: Record<Weekday, DayHoursInput>;
  /** Whether the nation's bank holidays are days off (`closed`) or worked (`open`). */
  bankHolidays: string;
  /** Whole days off, `YYYY-MM-DD`, as entered. */
  closures: string[];
}

/** The targets the desk edits, as entered (whole numbers as text). */
export const TARGET_FIELDS = [
  'responseWorkingMinutes',
  'urgentMinutes',
  'foiWorkingDays',
  'consultWorkingMinutes',
  'oncallAckMinutes',
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export type TargetsInput = Record<TargetField, string>;

const TARGET_WORDS: Record<TargetField, { name: string; unit: string; example: string }> = {
  responseWorkingMinutes: {
    name: 'the first response target',
    unit: 'working minutes',
    example: '120',
  },
  urgentMinutes: { name: 'the urgent target', unit: 'minutes', example: '60' },
  foiWorkingDays: { name: 'the FOI deadline', unit: 'working days', example: '20' },
  consultWorkingMinutes: {
    name: 'the consultation target',
    unit: 'working minutes',
    example: '480',
  },
  oncallAckMinutes: { name: 'the on-call acknowledgement time', unit: 'minutes', example: '15' },
};
/** The statutory FOI limit; the profile schema refuses more too. */
const FOI_MAX_DAYS = 20;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const dayName = (d: Weekday) => d[0]!.toUpperCase() + d.slice(1);

/** A whole profile override for the API, or a section for the desk's forms. */
export interface ProfileChange {
  profileId: string;
  override: string | null;
  /** Which section a desk form changed (recorded in the audit entry). */
  section?: ProfileSection;
  /** The override the edit was based on: refused (409) if someone saved another meanwhile. */
  basedOn?: { profileId: string; override: string | null };
}

/** What the settings pages read: the resolved profile and which sections the organisation overrides. */
export interface ProfileSettings {
  profile: Profile;
  baseProfileId: string;
  override: string | null;
  /** Top-level sections present in the organisation's override. */
  overridden: Set<string>;
  /** Rule ids the override sets. */
  overriddenRules: Set<string>;
}

export class SettingsService {
  constructor(private readonly desk: Desk) {}

  // ── The profile ─────────────────────────────────────────────────────────────────────────────

  /** The organisation's resolved profile and what its override changes. */
  profileSettings(org: Organisation): ProfileSettings {
    const { profile } = this.desk.profiles.forOrganisation(org);
    const data = overrideData(org.profileOverride);
    const rules = data['rules'];
    return {
      profile,
      baseProfileId: org.profileId,
      override: org.profileOverride,
      overridden: new Set(Object.keys(data)),
      overriddenRules: new Set(
        rules && typeof rules === 'object' && !Array.isArray(rules) ? Object.keys(rules) : [],
      ),
    };
  }

  /**
   * Change the profile and the organisation's override: compiled first (a profile that does not
   * load is refused with its problems, never saved), then saved with its audit entry.
   */
  async changeProfile(access: OrgAccess, change: ProfileChange): Promise<void> {
    access.require('settings.manage');
    // An empty document is no override (the API's schema turns a JSON null into "").
    const override = change.override?.trim() ? change.override : null;
    const candidate = { ...access.org, profileId: change.profileId, profileOverride: override };
    try {
      this.desk.profiles.forOrganisation(candidate);
    } catch (error) {
      if (error instanceof DeskError && error.code === 'profile_invalid') {
        throw badRequest('profile_invalid', error.message, [
          { path: '/body/override', reason: error.message },
        ]);
      }
      throw error;
    }
    const at = this.desk.clock.now();
    await this.desk.store.transaction(async (tx) => {
      const current = await tx.organisations.get(access.org.id);
      if (!current) throw notFound('organisation');
      if (
        change.basedOn &&
        (current.profileId !== change.basedOn.profileId ||
          (current.profileOverride || null) !== (change.basedOn.override || null))
      ) {
        throw conflict(
          'profile_changed',
          'Someone else changed the profile while you were editing it. Nothing was saved: open the page again and make your change there.',
        );
      }
      await tx.organisations.setProfile(access.org.id, change.profileId, override);
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'profile.changed',
        subjectType: 'organisation',
        subjectId: access.org.id,
        before: { profileId: current.profileId, override: current.profileOverride },
        after: {
          profileId: change.profileId,
          override,
          ...(change.section ? { section: change.section } : {}),
        },
        at,
      });
    });
  }

  /** Working hours per weekday, bank holidays and closure days, as the organisation's override. */
  async setHours(access: OrgAccess, input: HoursInput): Promise<void> {
    access.require('settings.manage');
    const problems: ErrorDetail[] = [];
    const week = {} as Record<Weekday, [string, string][]>;
    for (const day of WEEKDAYS) {
      const d = input.week[day];
      if (!d || d.closed) {
        week[day] = [];
        continue;
      }
      const opens = d.opens.trim();
      const closes = d.closes.trim();
      let ok = true;
      if (!CLOCK.test(opens) || opens === '24:00') {
        problems.push({
          path: `/hours/${day}/opens`,
          reason: `Enter ${dayName(day)}’s opening time as a 24-hour time, such as 09:00, or tick “Closed all day”`,
        });
        ok = false;
      }
      if (!CLOCK.test(closes)) {
        problems.push({
          path: `/hours/${day}/closes`,
          reason: `Enter ${dayName(day)}’s closing time as a 24-hour time, such as 17:00 (24:00 for midnight)`,
        });
        ok = false;
      }
      if (ok && closes <= opens) {
        problems.push({
          path: `/hours/${day}/closes`,
          reason: `${dayName(day)}’s closing time must be after its opening time; for hours past midnight, close at 24:00 and open the next day at 00:00`,
        });
      }
      week[day] = [[opens, closes]];
    }
    if (input.bankHolidays !== 'closed' && input.bankHolidays !== 'open') {
      problems.push({
        path: '/hours/bankHolidays',
        reason: 'Choose whether the team works on bank holidays',
      });
    }
    const closures: string[] = [];
    input.closures.forEach((raw, n) => {
      const date = raw.trim();
      if (!date) return;
      if (!isRealDate(date)) {
        problems.push({
          path: '/hours/closures',
          reason: `Closure day ${n + 1} (“${date.slice(0, 20)}”) must be a real date written like 2026-12-24`,
        });
      } else if (!closures.includes(date)) closures.push(date);
    });
    if (problems.length) throw invalid(problems);
    closures.sort();
    await this.#editSection(access, 'hours', (doc) => {
      for (const day of WEEKDAYS) doc.setIn(['hours', 'week', day], flow(doc, week[day]));
      doc.setIn(['hours', 'bankHolidays'], input.bankHolidays);
      doc.setIn(['hours', 'closures'], flow(doc, closures));
    });
  }

  /** The response targets, as the organisation's override. */
  async setTargets(access: OrgAccess, input: TargetsInput): Promise<void> {
    access.require('settings.manage');
    const problems: ErrorDetail[] = [];
    const values = {} as Record<TargetField, number>;
    for (const field of TARGET_FIELDS) {
      const raw = (input[field] ?? '').trim();
      const words = TARGET_WORDS[field];
      const n = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n <= 0) {
        problems.push({
          path: `/targets/${field}`,
          reason: `Enter ${words.name} as a whole number of ${words.unit}, such as ${words.example}`,
        });
      } else if (field === 'foiWorkingDays' && n > FOI_MAX_DAYS) {
        problems.push({
          path: `/targets/${field}`,
          reason: `The FOI deadline must be ${FOI_MAX_DAYS} working days or fewer (the statutory limit)`,
        });
      }
      values[field] = n;
    }
    if (problems.length) throw invalid(problems);
    await this.#editSection(access, 'targets', (doc) => {
      for (const field of TARGET_FIELDS) doc.setIn(['targets', field], values[field]);
    });
  }

  /**
   * Rule severities: `severities` maps rule id → block/warn/off. Only rules whose severity
   * changes are written, in the object form, so each keeps its clause and options.
   */
  async setRuleSeverities(access: OrgAccess, severities: Record<string, string>): Promise<number> {
    access.require('settings.manage');
    const known = new Set(allRules.map((r) => r.meta.id));
    const problems: ErrorDetail[] = [];
    const { profile } = this.desk.profiles.forOrganisation(access.org);
    const changed: [string, string][] = [];
    for (const [ruleId, severity] of Object.entries(severities)) {
      if (!known.has(ruleId)) {
        problems.push({
          path: `/rules/${ruleId}`,
          reason: `There is no rule “${ruleId.slice(0, 60)}”`,
        });
        continue;
      }
      if (!severitySettingSchema.safeParse(severity).success) {
        problems.push({
          path: `/rules/${ruleId}`,
          reason: `Choose block, warn or off for ${ruleId}`,
        });
        continue;
      }
      if (effectiveSeverity(profile, ruleId) !== severity) changed.push([ruleId, severity]);
    }
    if (problems.length) throw invalid(problems);
    if (changed.length === 0) return 0;
    await this.#editSection(access, 'rules', (doc) => {
      for (const [ruleId, severity] of changed) {
        // A bare severity in the override would drop the inherited clause: write the object form.
        const existing = doc.getIn(['rules', ruleId]);
        if (existing !== undefined && !isMap(existing)) doc.deleteIn(['rules', ruleId]);
        doc.setIn(['rules', ruleId, 'severity'], severity);
      }
    });
    return changed.length;
  }

  /** Drop a section from the organisation's override, so the base profile's applies again. */
  async resetSection(access: OrgAccess, section: ProfileSection): Promise<void> {
    access.require('settings.manage');
    await this.#editSection(access, section, (doc) => {
      doc.deleteIn([section]);
    });
  }

  async #editSection(
    access: OrgAccess,
    section: ProfileSection,
    edit: (doc: Document) => void,
  ): Promise<void> {
    const doc = overrideDocument(access.org.profileOverride);
    edit(doc);
    const data = doc.toJS() as unknown;
    const empty = !data || (typeof data === 'object' && Object.keys(data).length === 0);
    const override = empty
      ? null
      : doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    await this.changeProfile(access, {
      profileId: access.org.profileId,
      override,
      section,
      basedOn: { profileId: access.org.profileId, override: access.org.profileOverride },
    });
  }

  // ── People ──────────────────────────────────────────────────────────────────────────────────

  /** Add a person by email with their roles; a new email creates the person (GOV-5). */
  async addMember(
    access: OrgAccess,
    input: { email: string; displayName: string; roles: readonly string[] },
  ): Promise<{ id: number; roles: Role[]; newPerson: boolean }> {
    access.require('members.manage');
    const email = input.email.trim();
    const displayName = input.displayName.trim();
    const problems: ErrorDetail[] = [];
    if (!EMAIL.test(email) || email.length > 320)
      problems.push({
        path: '/email',
        reason: 'Enter an email address in the correct format, like name@example.nhs.uk',
      });
    if (!displayName || displayName.length > 200)
      problems.push({
        path: '/display_name',
        reason: 'Enter the person’s name (200 characters or fewer)',
      });
    const roles = checkRoles(input.roles, problems);
    if (problems.length) throw invalid(problems);
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const existing = await tx.users.byEmail(email);
      if (existing && (await tx.users.membership(access.org.id, existing.id))) {
        throw conflict(
          'member_exists',
          'That person is already a member; change their roles instead (PUT /api/orgs/{org}/members/{id}).',
        );
      }
      const user = existing ?? (await tx.users.create({ email, displayName }, at));
      const m = await tx.users.setMembership(access.org.id, user.id, roles, at);
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'member.added',
        subjectType: 'user',
        subjectId: user.id,
        before: null,
        after: { roles: m.roles, new_person: existing === null },
        at,
      });
      return { id: user.id, roles: m.roles, newPerson: existing === null };
    });
  }

  /** Give a person their roles here (replacing the ones they had). */
  async setRoles(
    access: OrgAccess,
    userId: number,
    wanted: readonly string[],
  ): Promise<{ id: number; roles: Role[] }> {
    access.require('members.manage');
    const problems: ErrorDetail[] = [];
    const roles = checkRoles(wanted, problems);
    if (problems.length) throw invalid(problems);
    const user = await this.desk.store.users.get(userId);
    if (!user) throw notFound('user');
    const at = this.desk.clock.now();
    return this.desk.store.transaction(async (tx) => {
      const before = await tx.users.membership(access.org.id, userId);
      if (before?.roles.includes('administrator') && !roles.includes('administrator')) {
        await refuseLastAdministrator(tx, access.org.id, userId);
      }
      const after = await tx.users.setMembership(access.org.id, userId, roles, at);
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'member.roles',
        subjectType: 'user',
        subjectId: userId,
        before: { roles: before?.roles ?? [] },
        after: { roles },
        at,
      });
      return { id: userId, roles: after.roles };
    });
  }

  /** Remove a person from the organisation and sign them out. */
  async removeMember(access: OrgAccess, userId: number): Promise<void> {
    access.require('members.manage');
    if (access.user?.id === userId)
      throw badRequest('cannot_remove_self', 'Ask another administrator to remove you.');
    const at = this.desk.clock.now();
    await this.desk.store.transaction(async (tx) => {
      const before = await tx.users.membership(access.org.id, userId);
      if (!before) throw notFound('member');
      if (before.roles.includes('administrator'))
        await refuseLastAdministrator(tx, access.org.id, userId);
      await tx.users.removeMembership(access.org.id, userId);
      await tx.sessions.deleteForUser(userId);
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'member.removed',
        subjectType: 'user',
        subjectId: userId,
        before: { roles: before.roles },
        after: null,
        at,
      });
    });
  }
}

/** The severity a rule runs at under the profile (its entry, else the rule's default). */
export function effectiveSeverity(profile: Pick<Profile, 'id' | 'rules'>, ruleId: string): string {
  const rule = allRules.find((r) => r.meta.id === ruleId);
  return rule ? ruleSettingFor(profile, rule).severity : 'off';
}

async function refuseLastAdministrator(
  tx: Desk['store'],
  organisationId: number,
  userId: number,
): Promise<void> {
  const others = (await tx.users.members(organisationId)).filter(
    (m) => m.id !== userId && m.roles.includes('administrator'),
  );
  if (others.length === 0) {
    throw conflict(
      'last_administrator',
      'This is the organisation’s last administrator. Give someone else the administrator role first, so somebody can still manage people and settings (GOV-5).',
    );
  }
}

function checkRoles(wanted: readonly string[], problems: ErrorDetail[]): Role[] {
  const roles = [...new Set(wanted)];
  if (roles.length === 0) {
    problems.push({ path: '/roles', reason: 'Choose at least one role' });
    return [];
  }
  const unknown = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown !== undefined) {
    problems.push({
      path: '/roles',
      reason: `There is no role “${unknown.slice(0, 40)}”; choose from the list (GOV-5)`,
    });
    return [];
  }
  // ROLE_IDS is the matrix's order: keep roles in it for display and the audit entry.
  return ROLE_IDS.filter((r) => roles.includes(r)) as Role[];
}

function invalid(problems: ErrorDetail[]): DeskError {
  return badRequest('settings_invalid', problems.map((p) => p.reason).join('. ') + '.', problems);
}

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function overrideDocument(text: string | null): Document {
  if (!text || !text.trim()) return new Document({});
  const doc = parseDocument(text);
  if (doc.errors.length || !(doc.contents === null || isMap(doc.contents))) {
    throw badRequest(
      'profile_invalid',
      'The organisation’s override document does not read as a mapping of settings; fix it through PUT /api/orgs/{org}/profile first.',
    );
  }
  if (doc.contents === null) return new Document({});
  return doc;
}

function overrideData(text: string | null): Record<string, unknown> {
  if (!text || !text.trim()) return {};
  try {
    const data = parseDocument(text).toJS() as unknown;
    return data && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function flow(doc: Document, value: unknown) {
  const node = doc.createNode(value);
  (node as { flow?: boolean }).flow = true;
  return node;
}
