/**
 * Governed reply templates: wording agreed in advance for the replies the action checklist
 * proposes (docs/actions.md). They are checked like any other draft, so they never give medical
 * advice, always signpost, and hold no personal data — only the organisation's published contacts,
 * filled in from the profile through `{placeholders}`.
 *
 * A profile's `templates` entry with the same id replaces the built-in one.
 */
import { routeSchema, type Profile } from '../profile/schema.js';
import { clauseForRequirement } from './policy-clauses.js';

/** A built-in reply template. */
export interface ReplyTemplate {
  /** What it is for, shown to the officer choosing it. */
  purpose: string;
  /** The reply, with `{placeholders}` filled from the profile (see `placeholderValues`). */
  text: string;
  /** The clause it serves; built-ins cite the requirement ID until a profile says otherwise. */
  clause: string;
  /** The requirement it serves. */
  requirement: string;
}

/** Ids of the built-in templates. */
export const BUILT_IN_TEMPLATE_IDS = [
  'thank_you',
  'acknowledge_negative',
  'pals_details',
  'safety_apology',
  'ask_contact_privately',
  'foi_acknowledge',
  'foi_ask_email',
  'complaint_to_pals',
  'medical_signpost',
  'media_redirect',
  'legal_no_comment',
  'abuse_offline_route',
  'dm_auto_acknowledgement',
  'service_signpost',
] as const;

/** A built-in template id. */
export type BuiltInTemplateId = (typeof BUILT_IN_TEMPLATE_IDS)[number];

const PALS = 'Patient Advice and Liaison Service (PALS)';
const FOI_TEAM = 'Freedom of Information (FOI) team';
const SIGNPOST =
  'contact your GP practice or NHS 111 (online or by calling 111). In a life-threatening emergency, call 999';

const template = (requirement: string, purpose: string, text: string): ReplyTemplate => ({
  purpose,
  text,
  clause: requirement,
  requirement,
});

/**
 * The built-in templates. Written for a reading age of about 11: short sentences, everyday words,
 * abbreviations spelt out the first time, no emoji and no capitals for emphasis.
 */
export const BUILT_IN_TEMPLATES: Readonly<Record<BuiltInTemplateId, ReplyTemplate>> = {
  thank_you: template(
    'INB-6',
    'Thank someone for a positive comment',
    "Thank you for taking the time to tell us. We're so pleased to hear it, and we'll pass your kind words on to the team.",
  ),
  acknowledge_negative: template(
    'INB-6',
    'Acknowledge a negative comment that is not serious, and thank the person',
    "Thank you for getting in touch, and we're sorry to hear you're unhappy. Your feedback matters to us and we'll share it with the right team.",
  ),
  pals_details: template(
    'INB-6',
    'Give the contact details of PALS (team judgement on a negative comment)',
    `If you'd like us to look into this, please contact our ${PALS} on {pals_phone} or at {pals_email}. They can listen to your concerns and help put things right.`,
  ),
  safety_apology: template(
    'INB-6',
    'Public reply to a comment about a serious risk to patient safety: apologise and say it is being looked into',
    "We're very sorry to hear this, and thank you for telling us. We've passed it on straight away so that it can be looked into. We'll send you a private message to ask how we can contact you.",
  ),
  ask_contact_privately: template(
    'INB-6',
    'Private message asking for contact details so that PALS can get in touch',
    `Thank you for raising this with us. So that our ${PALS} can contact you directly, please could you reply with the best phone number or email address to reach you? There's no need to share any health details here.`,
  ),
  foi_acknowledge: template(
    'INB-7',
    'Acknowledge a Freedom of Information request and say it has gone to the FOI team',
    `Thank you for your request. We've passed it to our ${FOI_TEAM}, who will reply within {foi_days} working days. You can also contact them at {foi_email}.`,
  ),
  foi_ask_email: template(
    'INB-7',
    'Ask for a name and an email address for correspondence, which an FOI request needs',
    `Thank you for your request. To answer it under the Freedom of Information Act, we need your full name and an email or postal address to send our reply to. Please send these, with your request, to our ${FOI_TEAM} at {foi_email}.`,
  ),
  complaint_to_pals: template(
    'INB-8',
    'Explain that complaints are not handled on social media and point to PALS',
    `We're sorry to hear about your experience. We can't look into complaints on social media, but our ${PALS} can help. Please contact them on {pals_phone} or at {pals_email}. We'll let them know you've been in touch.`,
  ),
  medical_signpost: template(
    'INB-10',
    'Signpost a medical question without giving advice',
    `We're sorry, we can't give medical advice on social media. For help, please ${SIGNPOST} straight away.`,
  ),
  media_redirect: template(
    'INB-15',
    'Point a journalist to the press office instead of answering on social media',
    // Email only: the press line is published but is not among every profile's service numbers,
    // and a written enquiry gives the press office a record to work from.
    "Thanks for getting in touch. Please send media enquiries to our press office at {press_email} and they'll be happy to help.",
  ),
  legal_no_comment: template(
    'INB-14',
    'Holding reply that does not comment on a legal matter',
    "Thank you for your message. We're not able to comment on this on social media.",
  ),
  abuse_offline_route: template(
    'INB-13',
    'Calm reply to an angry or persistent comment offering a route away from social media',
    "We're sorry you're unhappy, and we'd like to help. Social media isn't the best place to sort this out, so please email {pals_email} or call {pals_phone} and we'll make sure the right person gets back to you.",
  ),
  dm_auto_acknowledgement: template(
    'INB-3',
    'Automatic first reply to a direct message: working hours and the website',
    `Thank you for your message. Our team reads messages {hours}, and we'll reply as soon as we can in those hours. We can't give medical advice here. If you need help, please ${SIGNPOST}. For information about our services, visit our website: {website}`,
  ),
  service_signpost: template(
    'INB-9',
    'Answer or signpost a practical question about services',
    "Thanks for your question. If we can't answer it here, we'll point you in the right direction. You'll find the latest information about our services on our website: {website}",
  ),
};

/** A template resolved for a profile: the profile's own wording when it has one, else the built-in. */
export interface ResolvedTemplate {
  id: string;
  purpose: string;
  text: string;
  clause: string;
  source: 'profile' | 'built-in';
}

/** The result of filling a template's placeholders from a profile. */
export interface RenderedTemplate extends ResolvedTemplate {
  /** The text with every known placeholder filled; unknown or empty ones are left as written. */
  text: string;
  /** Placeholders the profile could not fill (e.g. `pals_phone` when PALS has no phone). */
  missing: string[];
}

const isBuiltIn = (id: string): id is BuiltInTemplateId => Object.hasOwn(BUILT_IN_TEMPLATES, id);

/** Every template id available under a profile: the built-ins, then the profile's own. */
export function templateIds(profile: Pick<Profile, 'templates'>): string[] {
  const ids: string[] = [...BUILT_IN_TEMPLATE_IDS];
  for (const id of Object.keys(profile.templates)) if (!isBuiltIn(id)) ids.push(id);
  return ids;
}

/** The template of that id under a profile, before placeholders are filled; undefined if none. */
export function templateFor(
  id: string,
  profile: Pick<Profile, 'id' | 'extends' | 'templates'>,
): ResolvedTemplate | undefined {
  const own = Object.hasOwn(profile.templates, id) ? profile.templates[id] : undefined;
  const builtIn = isBuiltIn(id) ? BUILT_IN_TEMPLATES[id] : undefined;
  if (own) {
    const clause =
      own.clause ?? (builtIn ? clauseForRequirement(profile, builtIn.requirement) : profile.id);
    return { id, purpose: own.purpose, text: own.text, clause, source: 'profile' };
  }
  if (!builtIn) return undefined;
  return {
    id,
    purpose: builtIn.purpose,
    text: builtIn.text,
    clause: clauseForRequirement(profile, builtIn.requirement),
    source: 'built-in',
  };
}

const DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
const DAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** "09:00" → "9am", "17:30" → "5.30pm", "12:00" → "midday", "00:00"/"24:00" → "midnight" (NHS style). */
export function formatClock(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  if (m === 0 && (h === 0 || h === 24)) return 'midnight';
  if (m === 0 && h === 12) return 'midday';
  const suffix = h < 12 ? 'am' : 'pm';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour}${suffix}` : `${hour}.${String(m).padStart(2, '0')}${suffix}`;
}

/**
 * Working hours in plain words, e.g. "Monday to Friday, 9am to 5pm (not on bank holidays)".
 * Consecutive days with the same hours are grouped. Empty when the week has no working time.
 */
export function describeHours(hours: Pick<Profile['hours'], 'week'>): string {
  const groups: { first: number; last: number; times: string }[] = [];
  DAYS.forEach((day, i) => {
    const intervals = hours.week[day];
    if (intervals.length === 0) return;
    const times = intervals
      .map(([from, to]) =>
        from === '00:00' && to === '24:00'
          ? 'all day'
          : `${formatClock(from)} to ${formatClock(to)}`,
      )
      .join(' and ');
    const prev = groups[groups.length - 1];
    if (prev && prev.last === i - 1 && prev.times === times) prev.last = i;
    else groups.push({ first: i, last: i, times });
  });
  if (groups.length === 0) return '';
  const days = (g: { first: number; last: number }): string =>
    g.first === g.last
      ? DAY_NAMES[g.first]!
      : g.last === g.first + 1
        ? `${DAY_NAMES[g.first]} and ${DAY_NAMES[g.last]}`
        : `${DAY_NAMES[g.first]} to ${DAY_NAMES[g.last]}`;
  return `${groups.map((g) => `${days(g)}, ${g.times}`).join('; ')} (not on bank holidays)`;
}

/**
 * Values for every placeholder a profile can fill: `{website}`, `{organisation}`,
 * `{organisation_short}`, `{hours}`, `{foi_days}`, and `{<route>_name|email|phone|url}` for each
 * team (e.g. `{pals_phone}`, `{foi_email}`, `{press_email}`). Missing values are left out.
 */
export function placeholderValues(
  profile: Pick<Profile, 'organisation' | 'hours' | 'targets' | 'teams'>,
): Record<string, string> {
  const values: Record<string, string> = {
    website: profile.organisation.website,
    organisation: profile.organisation.name,
    organisation_short: profile.organisation.shortName ?? profile.organisation.name,
    foi_days: String(profile.targets.foiWorkingDays),
  };
  const hours = describeHours(profile.hours);
  if (hours) values['hours'] = hours;
  for (const route of routeSchema.options) {
    const team = profile.teams[route];
    if (!team) continue;
    for (const field of ['name', 'email', 'phone', 'url'] as const) {
      const value = team[field];
      if (value) values[`${route}_${field}`] = value;
    }
  }
  return values;
}

/** Fill `{placeholders}` in any text from a profile; returns the text and what could not be filled. */
export function fillPlaceholders(
  text: string,
  profile: Pick<Profile, 'organisation' | 'hours' | 'targets' | 'teams'>,
): { text: string; missing: string[] } {
  const values = placeholderValues(profile);
  const missing: string[] = [];
  const filled = text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value !== undefined) return value;
    if (!missing.includes(name)) missing.push(name);
    return whole;
  });
  return { text: filled, missing };
}

/**
 * Render a template for a profile: the profile's own wording of that id if it has one, else the
 * built-in, with placeholders filled from the profile's teams, website and hours. Undefined when no
 * template has that id. A placeholder the profile cannot fill stays in the text and is listed in
 * `missing`, so the officer sees the gap instead of a reply with a hole in it.
 *
 * @example
 * renderTemplate('pals_details', profile)?.text
 * // "If you'd like us to look into this, please contact our Patient Advice and Liaison Service (PALS) on 01632 960001 …"
 */
export function renderTemplate(id: string, profile: Profile): RenderedTemplate | undefined {
  const resolved = templateFor(id, profile);
  if (!resolved) return undefined;
  return { ...resolved, ...fillPlaceholders(resolved.text, profile) };
}
