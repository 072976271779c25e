import { LABELS } from './labels.js';
import { describe, expect, it } from 'vitest';
import { testProfile } from '../../../test/helpers/profiles.js';
import type { Profile } from '../profile/schema.js';
import { createTriage } from './engine.js';
import { ACTION_IDS, actionsFor, type Action, type ActionsInput } from './actions.js';
import { BUILT_IN_TEMPLATE_IDS } from './templates.js';

const profile = testProfile('nhs-default');

const run = (input: Partial<ActionsInput> & Pick<ActionsInput, 'labels'>): Action[] =>
  actionsFor({ urgent: false, sentiment: 'neutral', routes: [], profile, ...input });
const ids = (actions: Action[]): string[] => actions.map((a) => a.id);
const get = (actions: Action[], id: string): Action => {
  const found = actions.find((a) => a.id === id);
  if (!found) throw new Error(`Expected step ${id} in ${ids(actions).join(', ')}`);
  return found;
};

describe('actionsFor', () => {
  it('[INB-6] positive comment → acknowledge and thank', () => {
    const actions = run({ labels: ['praise'], sentiment: 'positive' });
    expect(ids(actions)).toEqual(['acknowledge_thank', 'flag_good_news']);
    const thank = get(actions, 'acknowledge_thank');
    expect(thank).toMatchObject({
      required: true,
      template: 'thank_you',
      requirement: 'INB-6',
      clause: 'INB-6',
      kind: 'reply',
    });
  });

  it('[INB-6] negative comment, not serious → acknowledge, thank and, at team judgement, PALS details', () => {
    const actions = run({ labels: ['negative_feedback'], sentiment: 'negative' });
    expect(ids(actions)).toEqual(['acknowledge_thank', 'give_pals_details']);
    expect(get(actions, 'acknowledge_thank')).toMatchObject({
      required: true,
      template: 'acknowledge_negative',
    });
    expect(get(actions, 'give_pals_details')).toMatchObject({
      required: false,
      template: 'pals_details',
    });
  });

  it('[INB-6] serious patient-safety comment → apology, Quality, PALS, private contact, statement', () => {
    const actions = run({
      labels: ['patient_safety'],
      urgent: true,
      sentiment: 'negative',
      routes: ['quality', 'pals'],
    });
    expect(ids(actions)).toEqual([
      'public_apology',
      'share_quality',
      'share_pals',
      'ask_contact_privately',
      'short_statement',
    ]);
    expect(actions.map((a) => a.required)).toEqual([true, true, true, true, false]);
    expect(get(actions, 'public_apology')).toMatchObject({
      template: 'safety_apology',
      kind: 'reply',
    });
    expect(get(actions, 'share_quality')).toMatchObject({
      route: 'quality',
      team: { name: profile.teams.quality!.name },
    });
    expect(get(actions, 'share_pals')).toMatchObject({
      route: 'pals',
      team: { email: profile.teams.pals!.email },
    });
    expect(get(actions, 'ask_contact_privately')).toMatchObject({
      template: 'ask_contact_privately',
      kind: 'private',
    });
    for (const a of actions) expect(a.requirement).toBe('INB-6');
  });

  it('[INB-6] the serious branch replaces the ordinary thanks and PALS details', () => {
    const actions = run({
      labels: ['praise', 'complaint', 'patient_safety'],
      urgent: true,
      sentiment: 'negative',
      routes: ['quality', 'pals'],
    });
    expect(ids(actions)).not.toContain('acknowledge_thank');
    expect(ids(actions)).not.toContain('give_pals_details');
    expect(get(actions, 'share_pals').because).toEqual(['patient_safety', 'complaint']);
  });

  it('[INB-6] a highly contentious negative comment (urgent) follows the serious branch', () => {
    const actions = run({ labels: ['negative_feedback'], urgent: true, sentiment: 'negative' });
    expect(ids(actions)).toEqual([
      'public_apology',
      'share_quality',
      'share_pals',
      'ask_contact_privately',
      'short_statement',
    ]);
    expect(get(actions, 'public_apology').because).toEqual(['highly_contentious']);
  });

  it('[INB-6] in a direct message the contact details are asked for in the conversation', () => {
    const actions = run({ labels: ['patient_safety'], urgent: true, kind: 'dm' });
    expect(get(actions, 'ask_contact_privately').title).toMatch(/in this conversation/);
    expect(get(actions, 'public_apology').title).not.toMatch(/public/i);
  });

  it('[INB-6] steps cite the active profile: its policy clause, a team’s clause, or the requirement', () => {
    const bsw = testProfile('bsw');
    const serious = actionsFor({
      labels: ['patient_safety'],
      urgent: true,
      sentiment: 'negative',
      routes: ['quality', 'pals'],
      profile: bsw,
    });
    for (const a of serious) expect(a.clause, a.id).toBe('BSW Appendix B');
    const complaint = actionsFor({
      labels: ['complaint', 'legal_matter'],
      urgent: false,
      sentiment: 'negative',
      routes: ['pals', 'governance'],
      profile: bsw,
    });
    expect(get(complaint, 'share_pals').clause).toBe('BSW 4.4');
    // BSW says nothing about legal matters: the hand-off cites the clause of the team it goes to.
    expect(get(complaint, 'refer_governance').clause).toBe(bsw.teams.governance!.clause);
    const mse = testProfile('mse');
    const media = actionsFor({
      labels: ['media_enquiry', 'medical_question'],
      urgent: false,
      sentiment: 'neutral',
      routes: ['press'],
      profile: mse,
    });
    expect(get(media, 'refer_press').clause).toBe('MSE 6.7');
    expect(get(media, 'signpost_medical').clause).toBe('MSE 6.5');
    // A profile of its own cites its teams' clauses, its own templates' clauses, else the requirement.
    const own: Profile = {
      ...profile,
      teams: { ...profile.teams, governance: { ...profile.teams.governance!, clause: 'LOCAL 7' } },
      templates: { safety_apology: { purpose: 'p', text: 'Sorry.', clause: 'LOCAL 9.9' } },
    };
    const mine = actionsFor({
      labels: ['patient_safety', 'legal_matter'],
      urgent: true,
      sentiment: 'negative',
      routes: ['governance'],
      profile: own,
    });
    expect(get(mine, 'refer_governance').clause).toBe('LOCAL 7');
    expect(get(mine, 'public_apology').clause).toBe('LOCAL 9.9');
    expect(get(mine, 'share_quality').clause).toBe('INB-6');
  });

  it('[INB-6] several labels give one merged list, urgent safety steps first and erasure last', () => {
    const actions = run({
      labels: ['complaint', 'patient_safety', 'personal_data', 'medical_question'],
      urgent: true,
      sentiment: 'negative',
      routes: ['oncall', 'quality', 'safeguarding', 'pals'],
      outOfHours: true,
    });
    const list = ids(actions);
    expect(new Set(list).size).toBe(list.length);
    expect(list.slice(0, 4)).toEqual([
      'escalate_oncall',
      'refer_safeguarding',
      'hide_item',
      'signpost_medical',
    ]);
    expect(list.indexOf('public_apology')).toBeLessThan(list.indexOf('share_quality'));
    expect(list.at(-1)).toBe('erase_personal_data');
    // The order is the fixed ACTION_IDS order, whatever the order of the labels.
    expect(list).toEqual(ACTION_IDS.filter((id) => list.includes(id)));
  });

  it('[INB-7] FOI request → forward to the FOI team with the deadline, acknowledge, ask for an email address', () => {
    const actions = run({
      labels: ['foi_request'],
      routes: ['foi'],
      foiMissing: ['address'],
      foiDueAt: '2026-03-02',
    });
    expect(ids(actions)).toEqual(['forward_foi', 'acknowledge_foi', 'ask_foi_address']);
    const forward = get(actions, 'forward_foi');
    expect(forward).toMatchObject({
      route: 'foi',
      required: true,
      dueAt: '2026-03-02',
      team: { email: 'foi@example.nhs.uk' },
      requirement: 'INB-7',
    });
    expect(forward.detail).toMatch(/2026-03-02/);
    expect(forward.detail).toMatch(/20 working days/);
    expect(forward.detail).toMatch(/lacks: address/);
    expect(get(actions, 'ask_foi_address')).toMatchObject({
      template: 'foi_ask_email',
      required: true,
    });
    expect(get(actions, 'acknowledge_foi').template).toBe('foi_acknowledge');
  });

  it('[INB-7] a complete FOI request without a known due date gets no address step and no due date', () => {
    const actions = run({ labels: ['foi_request'], routes: ['foi'] });
    expect(ids(actions)).toEqual(['forward_foi', 'acknowledge_foi']);
    expect(get(actions, 'forward_foi').dueAt).toBeUndefined();
    expect(get(actions, 'forward_foi').detail).toMatch(/20 working days from the day it arrived/);
  });

  it('[INB-7] a missing name also asks for the details; a missing description only notes it', () => {
    expect(ids(run({ labels: ['foi_request'], foiMissing: ['name'] }))).toContain(
      'ask_foi_address',
    );
    const onlyDescription = run({ labels: ['foi_request'], foiMissing: ['description'] });
    expect(ids(onlyDescription)).not.toContain('ask_foi_address');
    expect(get(onlyDescription, 'forward_foi').detail).toMatch(/lacks: description/);
  });

  it('[INB-8] complaint → advise PALS, pass to PALS, check for earlier contact; not handled on social media', () => {
    const actions = run({ labels: ['complaint'], sentiment: 'negative', routes: ['pals'] });
    expect(ids(actions)).toEqual(['check_prior_pals_contact', 'share_pals', 'give_pals_details']);
    expect(get(actions, 'give_pals_details')).toMatchObject({
      required: true,
      template: 'complaint_to_pals',
      requirement: 'INB-8',
    });
    expect(get(actions, 'give_pals_details').title).toMatch(/do not handle the complaint here/);
    expect(get(actions, 'share_pals')).toMatchObject({
      required: true,
      route: 'pals',
      requirement: 'INB-8',
    });
  });

  it('[INB-8] when PALS is already in touch the step links to that contact; when known not, no check', () => {
    const known = run({ labels: ['complaint'], author: { priorPalsContact: true } });
    expect(get(known, 'check_prior_pals_contact').title).toMatch(/already in touch/);
    expect(ids(run({ labels: ['complaint'], author: { priorPalsContact: false } }))).not.toContain(
      'check_prior_pals_contact',
    );
  });

  it('[INB-10] medical question → signpost to GP, NHS 111 or 999, never advise', () => {
    const actions = run({ labels: ['medical_question'] });
    expect(ids(actions)).toEqual(['signpost_medical']);
    const step = get(actions, 'signpost_medical');
    expect(step).toMatchObject({
      required: true,
      template: 'medical_signpost',
      requirement: 'INB-10',
    });
    expect(step.title).toMatch(/GP.*111.*999.*do not give medical advice/);
  });

  it('[INB-10] an urgent medical question keeps its 999 signpost even for a do-not-engage author', () => {
    const actions = run({
      labels: ['medical_question', 'patient_safety'],
      urgent: true,
      author: { doNotEngage: true },
    });
    expect(ids(actions)).toContain('signpost_medical');
    expect(ids(actions)).not.toContain('public_apology');
  });

  it('[INB-13] do-not-engage author → no replies, the reason shown, hand-offs still made', () => {
    const actions = run({
      labels: ['complaint', 'foi_request'],
      sentiment: 'negative',
      routes: ['pals', 'foi'],
      author: { doNotEngage: true, reason: 'repeated abuse of staff' },
    });
    expect(ids(actions)).toEqual([
      'do_not_engage',
      'check_prior_pals_contact',
      'share_pals',
      'forward_foi',
    ]);
    expect(get(actions, 'do_not_engage').detail).toMatch(/repeated abuse of staff/);
    expect(get(actions, 'forward_foi').detail).toMatch(
      /FOI team corresponds with the requester directly/,
    );
    expect(actions.every((a) => a.kind !== 'reply' && a.kind !== 'private')).toBe(true);
  });

  it('[INB-13] truly threatening content → report to the police and do not reply', () => {
    const actions = run({
      labels: ['abuse'],
      urgent: true,
      sentiment: 'negative',
      routes: ['police'],
    });
    expect(ids(actions)).toEqual(['report_police', 'do_not_engage', 'mark_do_not_engage']);
    expect(get(actions, 'report_police')).toMatchObject({
      required: true,
      route: 'police',
      requirement: 'INB-13',
    });
    expect(get(actions, 'report_police').detail).toMatch(/evidence/);
  });

  it('[INB-13] abuse without a threat → police not involved; an offline route at the team’s judgement', () => {
    const actions = run({ labels: ['abuse'], sentiment: 'negative' });
    expect(ids(actions)).toEqual(['offer_offline_route', 'mark_do_not_engage']);
    expect(actions.every((a) => !a.required)).toBe(true);
    expect(get(actions, 'offer_offline_route').template).toBe('abuse_offline_route');
  });

  it('[INB-13] persistent negative author → check for PALS contact before replying, acknowledge, offer an offline route', () => {
    const actions = run({
      labels: ['negative_feedback'],
      sentiment: 'negative',
      author: { priorItems: 5 },
    });
    const list = ids(actions);
    expect(list).toEqual([
      'check_prior_pals_contact',
      'acknowledge_thank',
      'give_pals_details',
      'offer_offline_route',
      'mark_do_not_engage',
    ]);
    expect(get(actions, 'offer_offline_route').required).toBe(true);
    expect(get(actions, 'check_prior_pals_contact').because).toEqual(['persistent_author']);
    // A newcomer's negative comment gets the ordinary branch only.
    expect(
      ids(run({ labels: ['negative_feedback'], sentiment: 'negative', author: { priorItems: 1 } })),
    ).toEqual(['acknowledge_thank', 'give_pals_details']);
  });

  it('[INB-14] legal matter → no comment, refer to governance; other replies need governance first', () => {
    const actions = run({
      labels: ['legal_matter', 'negative_feedback'],
      sentiment: 'negative',
      routes: ['governance'],
    });
    expect(ids(actions)).toEqual([
      'refer_governance',
      'no_comment_legal',
      'acknowledge_thank',
      'give_pals_details',
    ]);
    expect(get(actions, 'refer_governance')).toMatchObject({
      required: true,
      route: 'governance',
      requirement: 'INB-14',
      team: { email: 'governance@example.nhs.uk' },
    });
    expect(get(actions, 'no_comment_legal')).toMatchObject({
      required: true,
      template: 'legal_no_comment',
    });
    expect(get(actions, 'acknowledge_thank')).toMatchObject({ required: false });
    expect(get(actions, 'acknowledge_thank').detail).toMatch(/governance first/);
  });

  it('[INB-15] media enquiry → refer to the press office, do not answer on social media', () => {
    const actions = run({ labels: ['media_enquiry'], routes: ['press'] });
    expect(ids(actions)).toEqual(['refer_press', 'redirect_to_press']);
    expect(get(actions, 'refer_press')).toMatchObject({
      required: true,
      route: 'press',
      requirement: 'INB-15',
      team: { name: 'Press office' },
    });
    expect(get(actions, 'redirect_to_press')).toMatchObject({
      required: false,
      template: 'media_redirect',
    });
    const withQuestion = run({ labels: ['media_enquiry', 'service_question'], routes: ['press'] });
    expect(get(withQuestion, 'answer_service_question')).toMatchObject({ required: false });
    expect(get(withQuestion, 'answer_service_question').detail).toMatch(/press office first/);
  });

  it('[INB-16] personal data → hidden from general view, passed on, then erased', () => {
    const actions = run({ labels: ['personal_data'] });
    expect(ids(actions)).toEqual(['hide_item', 'pass_on_personal_data', 'erase_personal_data']);
    expect(actions.every((a) => a.required)).toBe(true);
    expect(get(actions, 'hide_item').requirement).toBe('INB-16');
    expect(get(actions, 'pass_on_personal_data')).toMatchObject({
      route: 'governance',
      team: { name: 'Corporate governance' },
    });
  });

  it('[INB-11] personal details go to the team handling the matter and are erased only after the hand-offs', () => {
    const actions = run({ labels: ['personal_data', 'complaint'], routes: ['pals'] });
    expect(get(actions, 'pass_on_personal_data').route).toBe('pals');
    expect(get(actions, 'erase_personal_data').requirement).toBe('INB-11');
    expect(ids(actions).at(-1)).toBe('erase_personal_data');
  });

  it('[INB-17] good news and misinformation are flagged to the communications team', () => {
    const good = get(run({ labels: ['praise'], sentiment: 'positive' }), 'flag_good_news');
    expect(good).toMatchObject({
      route: 'comms',
      requirement: 'INB-17',
      team: { name: 'Communications team' },
    });
    const wrong = run({ labels: ['misinformation'] });
    expect(ids(wrong)).toEqual(['flag_misinformation']);
    expect(get(wrong, 'flag_misinformation')).toMatchObject({
      required: true,
      route: 'comms',
      requirement: 'INB-17',
    });
    expect(get(wrong, 'flag_misinformation').title).toMatch(/correction/);
  });

  it('[INB-4] urgent out of hours → escalate to the on-call manager first', () => {
    const actions = run({
      labels: ['patient_safety'],
      urgent: true,
      outOfHours: true,
      routes: ['quality', 'pals'],
    });
    expect(actions[0]).toMatchObject({
      id: 'escalate_oncall',
      required: true,
      route: 'oncall',
      requirement: 'INB-4',
      team: { phone: '01632 960003' },
    });
    expect(ids(run({ labels: ['patient_safety'], urgent: true, outOfHours: false }))).not.toContain(
      'escalate_oncall',
    );
    expect(
      ids(run({ labels: ['negative_feedback'], urgent: false, outOfHours: true })),
    ).not.toContain('escalate_oncall');
    // The triage's own on-call route counts too.
    expect(ids(run({ labels: ['patient_safety'], urgent: true, routes: ['oncall'] }))[0]).toBe(
      'escalate_oncall',
    );
  });

  it('[INB-4] a profile without an on-call team still gets the step, with a note to set one', () => {
    const noOncall: Profile = { ...profile, teams: { ...profile.teams, oncall: undefined } };
    const step = get(
      actionsFor({
        labels: ['patient_safety'],
        urgent: true,
        sentiment: 'negative',
        routes: [],
        outOfHours: true,
        profile: noOncall,
      }),
      'escalate_oncall',
    );
    expect(step.team).toBeUndefined();
    expect(step.detail).toMatch(/teams\.oncall/);
  });

  it('[INB-12] a route that no label asks for still gets its hand-off (e.g. safeguarding, Quality)', () => {
    const actions = run({
      labels: ['negative_feedback'],
      sentiment: 'negative',
      routes: ['quality', 'safeguarding'],
    });
    expect(get(actions, 'refer_safeguarding')).toMatchObject({
      route: 'safeguarding',
      required: true,
      because: ['safeguarding'],
    });
    expect(get(actions, 'share_quality')).toMatchObject({
      required: true,
      because: ['route:quality'],
    });
  });

  it('a legal matter raised by a journalist needs both governance and the press office before any reply', () => {
    const actions = run({
      labels: ['legal_matter', 'media_enquiry', 'praise'],
      routes: ['governance', 'press'],
    });
    expect(get(actions, 'acknowledge_thank').detail).toMatch(
      /governance and the press office first: this item involves a legal matter and the media/,
    );
  });

  it('spam is hidden or ignored; a service question is answered or signposted', () => {
    expect(ids(run({ labels: ['spam'] }))).toEqual(['ignore_spam']);
    expect(get(run({ labels: ['service_question'] }), 'answer_service_question')).toMatchObject({
      required: true,
      template: 'service_signpost',
    });
  });

  it('with no label the tone decides; a neutral item without labels is left to review', () => {
    expect(ids(run({ labels: [], sentiment: 'positive' }))).toEqual([
      'acknowledge_thank',
      'flag_good_news',
    ]);
    expect(ids(run({ labels: [], sentiment: 'negative' }))).toEqual([
      'acknowledge_thank',
      'give_pals_details',
    ]);
    expect(run({ labels: [] })).toMatchObject([{ id: 'review_item', required: false }]);
  });

  it('every step has a title, detail, clause and requirement, and only known templates', () => {
    const everything = run({
      labels: [...LABELS],
      urgent: true,
      sentiment: 'negative',
      routes: ['oncall', 'quality', 'safeguarding', 'pals', 'foi', 'press', 'governance'],
      outOfHours: true,
      foiMissing: ['address'],
    });
    for (const a of everything) {
      expect(a.title.length).toBeGreaterThan(5);
      expect(a.detail.length).toBeGreaterThan(10);
      expect(a.clause).toMatch(/\S/);
      expect(a.requirement).toMatch(/^INB-\d+$/);
      if (a.template) expect(BUILT_IN_TEMPLATE_IDS as readonly string[]).toContain(a.template);
    }
    expect(new Set(ids(everything)).size).toBe(everything.length);
  });

  it('[INB-6] a triaged comment gets its checklist straight from the triage result', () => {
    const result = createTriage(profile).triage(
      {
        text: 'Thank you so much to the staff on the children’s ward, they were wonderful with my son.',
        kind: 'comment',
      },
      { outOfHours: false },
    );
    const actions = actionsFor({ ...result, kind: 'comment', outOfHours: false, profile });
    expect(ids(actions)[0]).toBe('acknowledge_thank');
    expect(get(actions, 'acknowledge_thank').template).toBe('thank_you');
  });
});
