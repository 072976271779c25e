/**
 * The action checklist: what the desk should do about one triaged item, step by step, each step
 * naming the clause of the active profile that asks for it.
 *
 * It follows the comment flowchart of BSW Appendix B (INB-6) — thank for praise; acknowledge a
 * negative comment and, at the team's judgement, give PALS details; for a serious safety risk or a
 * highly contentious comment, apologise in public, share with Quality and PALS, ask privately for
 * contact details and consider a short statement — and adds the steps the other inbound
 * requirements ask for (FOI, complaints, medical questions, media, legal, abuse and persistent
 * authors, personal data, good news, misinformation, spam, service questions, on-call).
 *
 * Several labels give one merged list: a step asked for twice appears once (required if any asker
 * requires it), and the list is in a fixed order with urgent safety steps first and erasure last.
 * See docs/actions.md.
 */
import type { Profile, Route } from '../profile/schema.js';
import type { ItemKind, Label, Sentiment } from './labels.js';
import { seedClauseFor } from './policy-clauses.js';

/** Every step the checklist can propose, in the order they are listed and done. */
export const ACTION_IDS = [
  // Safety first: people and evidence before any reply.
  'escalate_oncall',
  'report_police',
  'refer_safeguarding',
  'hide_item',
  'do_not_engage',
  'check_prior_pals_contact',
  'signpost_medical',
  // The serious branch of the flowchart, in its own order.
  'public_apology',
  'share_quality',
  'share_pals',
  'ask_contact_privately',
  'pass_on_personal_data',
  // Hand-offs that change who answers.
  'forward_foi',
  'acknowledge_foi',
  'ask_foi_address',
  'refer_governance',
  'no_comment_legal',
  'refer_press',
  'redirect_to_press',
  // Ordinary replies.
  'acknowledge_thank',
  'give_pals_details',
  'offer_offline_route',
  'answer_service_question',
  'short_statement',
  // For the communications team.
  'flag_misinformation',
  'flag_good_news',
  'share_comms',
  'mark_do_not_engage',
  'ignore_spam',
  'review_item',
  // Only once every hand-off that needs the details is done.
  'erase_personal_data',
] as const;

/** A checklist step id. Stable: stored with the record of what was done. */
export type ActionId = (typeof ACTION_IDS)[number];

/**
 * What sort of step it is: `escalate`/`handoff` send the item to someone, `moderate` changes what
 * is shown, `check` is something to find out or respect before acting, `reply` is a public reply
 * (or the reply in a direct message), `private` is a private message to the author.
 */
export type ActionKind = 'escalate' | 'handoff' | 'moderate' | 'check' | 'reply' | 'private';

/** A team of the profile, as the profile names it. */
export type Team = NonNullable<Profile['teams'][Route]>;

/** One step of the checklist. */
export interface Action {
  id: ActionId;
  /** What to do, in the imperative. */
  title: string;
  /** Why and how, in plain words. */
  detail: string;
  /** The clause of the active profile that asks for it (a requirement ID under `nhs-default`). */
  clause: string;
  /** The Commsdesk requirement it serves, e.g. `INB-6`. */
  requirement: string;
  kind: ActionKind;
  /** Where the item goes, for hand-offs. */
  route?: Route;
  /** The profile's team for that route (name and published contacts). */
  team?: Team;
  /** The reply template to start from (`templates.ts`; a profile may override it). */
  template?: string;
  /** False where the policy leaves it to the team's judgement. */
  required: boolean;
  /** When it is due, where the input gave a date (the FOI deadline). */
  dueAt?: string;
  /** Labels and situations that asked for this step, e.g. `complaint`, `out_of_hours`. */
  because: string[];
}

/** What is known about the author of the item (INB-13). */
export interface AuthorContext {
  /** The author is marked "do not engage". */
  doNotEngage?: boolean;
  /** Why they were marked. */
  reason?: string;
  /** Earlier items from the same author, across platforms. */
  priorItems?: number;
  /** Whether the author is known to be in touch with PALS already; undefined when not known. */
  priorPalsContact?: boolean;
}

/** Everything the checklist is worked out from. */
export interface ActionsInput {
  labels: readonly Label[];
  urgent: boolean;
  sentiment: Sentiment;
  routes: readonly Route[];
  kind?: ItemKind;
  author?: AuthorContext;
  /** Whether the item arrived out of hours; urgent items then go to the on-call manager (INB-4). */
  outOfHours?: boolean;
  /** What an FOI request still lacks to be valid (INB-7), e.g. `['address']`. */
  foiMissing?: readonly string[];
  /** The FOI deadline (ISO-8601), worked out by the caller from the working calendar. */
  foiDueAt?: string;
  profile: Profile;
}

/** Earlier items from one author after which their negative items get the Appendix A guidance. */
export const PERSISTENT_AUTHOR_ITEMS = 3;

interface ActionDef {
  kind: ActionKind;
  requirement: string;
  route?: Route;
  template?: string;
  title: string;
  detail: string;
}

const DEFS: Readonly<Record<ActionId, ActionDef>> = {
  escalate_oncall: {
    kind: 'escalate',
    requirement: 'INB-4',
    route: 'oncall',
    title: 'Escalate to the duty communications manager on call now',
    detail:
      'This item is urgent and arrived out of hours, so it cannot wait for the next working day. Call the on-call manager and record when they acknowledged it.',
  },
  report_police: {
    kind: 'handoff',
    requirement: 'INB-13',
    route: 'police',
    title: 'Report the threat to the police',
    detail:
      'Only for content that is truly threatening. Call 999 if someone is in immediate danger, otherwise 101. Keep a copy of the post as evidence: do not delete it.',
  },
  refer_safeguarding: {
    kind: 'handoff',
    requirement: 'INB-12',
    route: 'safeguarding',
    title: 'Refer to the safeguarding team',
    detail:
      'The item suggests someone may be at risk of harm or abuse. Pass it to safeguarding straight away, with the link to the post.',
  },
  hide_item: {
    kind: 'moderate',
    requirement: 'INB-16',
    title: 'Hide the personal details from general view',
    detail:
      "The item shows someone's personal details. It is hidden in the desk for everyone except the people handling it; hide the comment on the platform too where the platform allows, and tell your manager.",
  },
  do_not_engage: {
    kind: 'check',
    requirement: 'INB-13',
    title: 'Do not reply to this author',
    detail:
      'The organisation may choose not to respond to some authors. Make no public or private reply; the internal hand-offs below still go ahead.',
  },
  check_prior_pals_contact: {
    kind: 'check',
    requirement: 'INB-13',
    route: 'pals',
    title: 'Check whether PALS is already in touch before replying',
    detail:
      'Ask PALS, or look at the author’s history, in case this is already being handled offline, so the reply does not contradict it.',
  },
  signpost_medical: {
    kind: 'reply',
    requirement: 'INB-10',
    template: 'medical_signpost',
    title: 'Signpost to the GP, NHS 111 or 999: do not give medical advice',
    detail:
      'Never answer a clinical question on social media, even in general terms. Point the person to their GP practice or NHS 111, and to 999 if it could be life-threatening.',
  },
  public_apology: {
    kind: 'reply',
    requirement: 'INB-6',
    template: 'safety_apology',
    title: 'Reply in public: apologise and say it is being looked into',
    detail:
      'Keep it short and kind. Say sorry, say it will be looked into or passed to the service responsible, and say you will message them privately. Do not discuss the details in public.',
  },
  share_quality: {
    kind: 'handoff',
    requirement: 'INB-6',
    route: 'quality',
    title: 'Share with the relevant colleague or the Quality team',
    detail:
      'Send the post and what you know to the Quality team (or the colleague responsible for the service) so the risk can be acted on now.',
  },
  share_pals: {
    kind: 'handoff',
    requirement: 'INB-6',
    route: 'pals',
    title: 'Share with PALS',
    detail:
      'Pass the post to PALS so the concern is logged and someone can follow it up with the person directly.',
  },
  ask_contact_privately: {
    kind: 'private',
    requirement: 'INB-6',
    template: 'ask_contact_privately',
    title: 'Message the person privately for their contact details',
    detail:
      'Ask for the best phone number or email so PALS can contact them directly. Pass the details on, then they are erased from the desk.',
  },
  pass_on_personal_data: {
    kind: 'handoff',
    requirement: 'INB-11',
    title: 'Pass the personal details on to the team that needs them',
    detail:
      'Send the details to the team handling the matter through a secure route (not a public reply), and raise the exposure with your manager.',
  },
  forward_foi: {
    kind: 'handoff',
    requirement: 'INB-7',
    route: 'foi',
    title: 'Forward the request to the FOI team now',
    detail:
      'Requests for recorded information made on social media are valid Freedom of Information requests. Forward it as soon as possible: the legal deadline counts from the day it arrived.',
  },
  acknowledge_foi: {
    kind: 'reply',
    requirement: 'INB-7',
    template: 'foi_acknowledge',
    title: 'Acknowledge the request and say the FOI team will reply',
    detail:
      'Tell the person their request has gone to the FOI team and when to expect an answer. Do not answer it yourself.',
  },
  ask_foi_address: {
    kind: 'reply',
    requirement: 'INB-7',
    template: 'foi_ask_email',
    title: 'Ask for a name and an email address for the reply',
    detail:
      'A social media handle alone may not count as an address for correspondence, so ask for an email (or postal) address and a real name.',
  },
  refer_governance: {
    kind: 'handoff',
    requirement: 'INB-14',
    route: 'governance',
    title: 'Refer to the governance team',
    detail:
      'Anything about legal action, claims, solicitors or court goes to governance (or the Chief of Staff), who decide what, if anything, is said.',
  },
  no_comment_legal: {
    kind: 'reply',
    requirement: 'INB-14',
    template: 'legal_no_comment',
    title: 'Do not comment on the legal matter',
    detail:
      'Say nothing about the substance, in public or in private. If a reply is needed at all, use the holding reply and nothing more.',
  },
  refer_press: {
    kind: 'handoff',
    requirement: 'INB-15',
    route: 'press',
    title: 'Refer to the press office',
    detail:
      'Journalists and media outlets are answered by the press office, never on social media. Send them the post and the outlet’s name.',
  },
  redirect_to_press: {
    kind: 'reply',
    requirement: 'INB-15',
    template: 'media_redirect',
    title: 'Point the journalist to the press office',
    detail:
      'If a reply helps, give the press office contacts only. Do not answer any of the questions.',
  },
  acknowledge_thank: {
    kind: 'reply',
    requirement: 'INB-6',
    template: 'thank_you',
    title: 'Acknowledge the comment and thank them',
    detail: 'A short, warm reply that thanks them for getting in touch.',
  },
  give_pals_details: {
    kind: 'reply',
    requirement: 'INB-6',
    template: 'pals_details',
    title: 'Give the PALS contact details',
    detail: 'Use your judgement: offer PALS where the person may want the matter looked into.',
  },
  offer_offline_route: {
    kind: 'reply',
    requirement: 'INB-13',
    template: 'abuse_offline_route',
    title: 'Acknowledge once and offer a way to talk away from social media',
    detail:
      'Say sorry they are unhappy, offer to help and give an email address or phone number. Keep it to one calm reply; do not argue in public.',
  },
  answer_service_question: {
    kind: 'reply',
    requirement: 'INB-9',
    template: 'service_signpost',
    title: 'Answer the question or signpost to the right place',
    detail:
      'Answer from published information. If you do not know, ask the service and let the person know you are finding out.',
  },
  short_statement: {
    kind: 'reply',
    requirement: 'INB-6',
    route: 'comms',
    title: 'Consider a short public statement',
    detail:
      'If many people are talking about it, a short statement explaining the situation may help. Agree it with the communications manager before posting.',
  },
  flag_misinformation: {
    kind: 'handoff',
    requirement: 'INB-17',
    route: 'comms',
    title: 'Flag the misleading claim to the communications team with a correction',
    detail:
      'Note what is wrong and the correct position, with a link to the official source, so the team can decide whether and how to correct it.',
  },
  flag_good_news: {
    kind: 'handoff',
    requirement: 'INB-17',
    route: 'comms',
    title: 'Flag a possible good-news story to the communications team',
    detail:
      'If the person has a story worth telling, let the team know. Ask the person before sharing anything about them.',
  },
  share_comms: {
    kind: 'handoff',
    requirement: 'INB-17',
    route: 'comms',
    title: 'Share with the communications team',
    detail: 'The triage routed this item to the communications team.',
  },
  mark_do_not_engage: {
    kind: 'check',
    requirement: 'INB-13',
    title: 'Consider marking the author "do not engage"',
    detail:
      'If the author is prolific, consistently negative or offensive, a manager can mark them so the desk stops replying. Record the reason.',
  },
  ignore_spam: {
    kind: 'moderate',
    requirement: 'INB-1',
    title: 'Hide or ignore the spam',
    detail:
      'Do not reply or open its links. Hide it on the platform where you can, and report scams to the platform.',
  },
  review_item: {
    kind: 'check',
    requirement: 'INB-1',
    title: 'Read the item and decide whether it needs a reply',
    detail: 'No label applied, so there is no set step. Add a label if one fits.',
  },
  erase_personal_data: {
    kind: 'moderate',
    requirement: 'INB-11',
    title: 'Erase the personal details once they have been passed on',
    detail:
      'When every hand-off is done, erase the content from the desk. A record that it existed and was erased is kept for the audit.',
  },
};

/** Routes whose hand-off step is implied by the route alone. */
const ROUTE_STEPS: Readonly<Record<Route, ActionId>> = {
  oncall: 'escalate_oncall',
  police: 'report_police',
  safeguarding: 'refer_safeguarding',
  quality: 'share_quality',
  pals: 'share_pals',
  foi: 'forward_foi',
  press: 'refer_press',
  governance: 'refer_governance',
  comms: 'share_comms',
};

/** Reply steps that need the press office's or governance's say-so when media or the law is involved. */
const CAUTIONED: ReadonlySet<ActionId> = new Set<ActionId>([
  'acknowledge_thank',
  'give_pals_details',
  'public_apology',
  'offer_offline_route',
  'answer_service_question',
  'short_statement',
]);

/** A step as it is built up: the first asker sets the wording, any asker can make it required. */
interface Step {
  id: ActionId;
  required: boolean;
  because: string[];
  title?: string;
  detail?: string;
  template?: string;
  route?: Route;
  requirement?: string;
  dueAt?: string;
  notes: string[];
}

type StepOverrides = Partial<
  Pick<Step, 'title' | 'detail' | 'template' | 'route' | 'requirement' | 'dueAt'>
>;

const FOI_ADDRESS = /address|email|correspondence|contact/i;
const FOI_NAME = /name/i;

/**
 * The checklist for one item.
 *
 * @example
 * actionsFor({ labels: ['praise'], urgent: false, sentiment: 'positive', routes: [], profile })
 * // → [acknowledge_thank (required), flag_good_news (team judgement)]
 */
export function actionsFor(input: ActionsInput): Action[] {
  const { urgent, sentiment, routes, profile, author = {} } = input;
  // With no label the tone decides, as the triage fallback does.
  const labels: readonly Label[] =
    input.labels.length > 0
      ? input.labels
      : sentiment === 'positive'
        ? ['praise']
        : sentiment === 'negative'
          ? ['negative_feedback']
          : [];
  const has = (l: Label): boolean => labels.includes(l);
  const isDm = input.kind === 'dm';

  const steps = new Map<ActionId, Step>();
  const add = (
    id: ActionId,
    because: string,
    required: boolean,
    overrides: StepOverrides = {},
  ): void => {
    const step = steps.get(id);
    if (step) {
      step.required ||= required;
      if (!step.because.includes(because)) step.because.push(because);
      return;
    }
    steps.set(id, { id, required, because: [because], notes: [], ...overrides });
  };
  const note = (id: ActionId, text: string): void => {
    const step = steps.get(id);
    if (step && !step.notes.includes(text)) step.notes.push(text);
  };

  const negativeItem =
    has('negative_feedback') || has('complaint') || has('abuse') || sentiment === 'negative';
  const persistent = negativeItem && (author.priorItems ?? 0) >= PERSISTENT_AUTHOR_ITEMS;
  const threat = routes.includes('police');
  // Appendix B's "yes" branch: a serious risk to patient safety, or a negative item urgent enough
  // to be highly contentious (a serious reputational risk).
  const contentious =
    !has('patient_safety') && urgent && (has('complaint') || has('negative_feedback'));
  const serious = has('patient_safety') || contentious;
  const seriousBecause = has('patient_safety') ? 'patient_safety' : 'highly_contentious';
  const doNotEngage = author.doNotEngage === true;

  // Situations before labels: they carry the most urgent steps.
  if (urgent && (input.outOfHours === true || routes.includes('oncall')))
    add('escalate_oncall', 'out_of_hours', true);
  if (threat) {
    add('report_police', 'threat', true);
    add('do_not_engage', 'threat', true, {
      title: 'Do not reply to the threat',
      detail:
        'Replying to threatening content can make things worse. Leave it to the police and keep the post as evidence.',
    });
  }
  if (routes.includes('safeguarding')) add('refer_safeguarding', 'safeguarding', true);
  if (doNotEngage) {
    add('do_not_engage', 'do_not_engage', true, {
      detail: `This author is marked "do not engage"${author.reason ? ` (${author.reason})` : ''}. Make no public or private reply; the internal hand-offs below still go ahead.`,
    });
  }

  if (serious) {
    add(
      'public_apology',
      seriousBecause,
      true,
      isDm ? { title: 'Reply apologising and saying it is being looked into' } : {},
    );
    add('share_quality', seriousBecause, true);
    add('share_pals', seriousBecause, true);
    add(
      'ask_contact_privately',
      seriousBecause,
      true,
      isDm
        ? {
            title: 'Ask for their contact details in this conversation',
            detail:
              'You are already talking privately: ask for the best phone number or email so PALS can contact them directly.',
          }
        : {},
    );
    add('short_statement', seriousBecause, false);
  }

  if (has('personal_data')) {
    add('hide_item', 'personal_data', true);
    // The details go wherever the matter itself is going; information governance otherwise.
    const to =
      (['safeguarding', 'quality', 'pals', 'foi'] as const).find(
        (r) => routes.includes(r) || (serious && r === 'quality'),
      ) ?? 'governance';
    add('pass_on_personal_data', 'personal_data', true, { route: to });
    add('erase_personal_data', 'personal_data', true);
  }

  if (has('medical_question')) add('signpost_medical', 'medical_question', true);

  if (has('complaint')) {
    if (!serious) {
      add('give_pals_details', 'complaint', true, {
        requirement: 'INB-8',
        template: 'complaint_to_pals',
        title: 'Advise them to contact PALS: do not handle the complaint here',
        detail:
          'Complaints are not dealt with on social media. Say sorry, give the PALS contacts and say you are letting PALS know.',
      });
    }
    add('share_pals', 'complaint', true, {
      requirement: 'INB-8',
      detail: 'Pass the post to PALS so the complaint is logged and followed up offline.',
    });
  }
  // Before a reply, not before an urgent one: on the serious branch PALS is told anyway.
  if ((has('complaint') && !serious) || persistent) {
    if (author.priorPalsContact === true) {
      add('check_prior_pals_contact', has('complaint') ? 'complaint' : 'persistent_author', true, {
        title: 'Tell PALS about this post: the author is already in touch with them',
        detail:
          'Link this item to the existing PALS contact and agree the reply with PALS, so the person does not get two different answers.',
      });
    } else if (author.priorPalsContact === undefined) {
      add('check_prior_pals_contact', has('complaint') ? 'complaint' : 'persistent_author', true);
    }
  }

  if (has('foi_request')) {
    const missing = input.foiMissing ?? [];
    const days = profile.targets.foiWorkingDays;
    const due = input.foiDueAt
      ? ` It is due by ${input.foiDueAt} (${days} working days).`
      : ` The deadline is ${days} working days from the day it arrived.`;
    const lacks = missing.length > 0 ? ` As written it lacks: ${missing.join(', ')}.` : '';
    add('forward_foi', 'foi_request', true, {
      detail: `Requests for recorded information made on social media are valid Freedom of Information requests. Forward it as soon as possible.${due}${lacks}`,
      ...(input.foiDueAt ? { dueAt: input.foiDueAt } : {}),
    });
    add('acknowledge_foi', 'foi_request', true);
    if (missing.some((m) => FOI_ADDRESS.test(m) || FOI_NAME.test(m)))
      add('ask_foi_address', 'foi_request', true);
  }

  if (has('legal_matter')) {
    add('refer_governance', 'legal_matter', true);
    add('no_comment_legal', 'legal_matter', true);
  }

  if (has('media_enquiry')) {
    add('refer_press', 'media_enquiry', true);
    add('redirect_to_press', 'media_enquiry', false);
  }

  if (has('abuse') && !threat) {
    add('offer_offline_route', 'abuse', false, {
      detail:
        'Only if there is a real grievance behind the anger: say sorry they are unhappy and offer an email address or phone number, once. If it is simply offensive, do not reply.',
    });
  }
  if ((has('abuse') || persistent) && !doNotEngage)
    add('mark_do_not_engage', has('abuse') ? 'abuse' : 'persistent_author', false);
  if (persistent && !threat) add('offer_offline_route', 'persistent_author', true);

  if (has('negative_feedback') && !serious) {
    add('acknowledge_thank', 'negative_feedback', true, {
      template: 'acknowledge_negative',
      detail:
        'Acknowledge their unhappiness and thank them for getting in touch, without going into detail in public.',
    });
    add('give_pals_details', 'negative_feedback', false);
  }

  if (has('misinformation')) add('flag_misinformation', 'misinformation', true);

  if (has('praise')) {
    if (!serious) add('acknowledge_thank', 'praise', true);
    add('flag_good_news', 'praise', false);
  }

  if (has('service_question')) add('answer_service_question', 'service_question', true);
  if (has('spam')) add('ignore_spam', 'spam', true);

  // Hand-offs the routes ask for that no label has covered (e.g. a signal routing to Quality).
  for (const route of routes) {
    const id = ROUTE_STEPS[route];
    if (id === 'escalate_oncall' && !urgent) continue;
    if (id === 'share_comms' && (steps.has('flag_misinformation') || steps.has('flag_good_news')))
      continue;
    if (!steps.has(id)) add(id, `route:${route}`, true);
  }

  if (steps.size === 0) add('review_item', 'no_label', false);

  // Constraints that change other steps.
  if (doNotEngage || threat) {
    for (const step of [...steps.values()]) {
      const kind = DEFS[step.id].kind;
      // Someone possibly in danger still gets pointed to 999, whoever they are.
      const lifeline = step.id === 'signpost_medical' && urgent;
      if ((kind === 'reply' || kind === 'private') && !lifeline) steps.delete(step.id);
    }
    note(
      'forward_foi',
      'The FOI team corresponds with the requester directly; the desk does not reply.',
    );
  }
  if (has('legal_matter') || has('media_enquiry')) {
    const who = [
      has('legal_matter') ? 'governance' : '',
      has('media_enquiry') ? 'the press office' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const what = [
      has('legal_matter') ? 'a legal matter' : '',
      has('media_enquiry') ? 'the media' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    for (const step of steps.values()) {
      if (!CAUTIONED.has(step.id)) continue;
      step.required = false;
      step.notes.push(`Agree any reply with ${who} first: this item involves ${what}.`);
    }
  }
  for (const step of steps.values()) {
    const route = step.route ?? DEFS[step.id].route;
    if (route && !profile.teams[route])
      step.notes.push(`The profile names no team for "${route}": set teams.${route}.`);
  }

  return ACTION_IDS.filter((id) => steps.has(id)).map((id) => toAction(steps.get(id)!, profile));
}

function toAction(step: Step, profile: Profile): Action {
  const def = DEFS[step.id];
  const route = step.route ?? def.route;
  const template = step.template ?? def.template;
  const requirement = step.requirement ?? def.requirement;
  const team = route ? profile.teams[route] : undefined;
  const detail = [step.detail ?? def.detail, ...step.notes].join(' ');
  return {
    id: step.id,
    title: step.title ?? def.title,
    detail,
    clause: clauseOf(team, template, requirement, profile),
    requirement,
    kind: def.kind,
    ...(route ? { route } : {}),
    ...(team ? { team } : {}),
    ...(template ? { template } : {}),
    required: step.required,
    ...(step.dueAt ? { dueAt: step.dueAt } : {}),
    because: step.because,
  };
}

/**
 * The clause a step cites, most specific first: the profile's own template's clause (for a reply
 * it has reworded), the clause the profile's policy gives the requirement (e.g. BSW Appendix B for
 * every step of the flowchart), the clause of the team a hand-off goes to, else the requirement ID.
 */
function clauseOf(
  team: Team | undefined,
  template: string | undefined,
  requirement: string,
  profile: Profile,
): string {
  const own =
    template !== undefined && Object.hasOwn(profile.templates, template)
      ? profile.templates[template]
      : undefined;
  return own?.clause ?? seedClauseFor(profile, requirement) ?? team?.clause ?? requirement;
}
