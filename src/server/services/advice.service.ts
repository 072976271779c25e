/**
 * "Pause before you post" and "Ask the team for advice" (STF-1).
 *
 * Any member with `draft.check` checks a draft for their personal account: the organisation's
 * profile with the personal-account rules (`personal.disclaimer`, `personal.grievance`,
 * `handle`). A check keeps nothing — no row, no audit entry, no log line carries the text.
 *
 * Only when the person chooses to ask the comms team is the draft stored, with their question.
 * People with `advice.answer` see the requests and answer them; the person sees their own
 * requests and the answers, and may withdraw a request, which deletes it and its text. The audit
 * log records that a request was made, answered or withdrawn — never the draft, the question or
 * the answer.
 */
import type { CheckResult } from '../../core/check/engine.js';
import { toDraft } from '../../core/check/draft.js';
import type { AdviceRequest, AdviceStatus } from '../../store/advice.repository.js';
import type { Organisation } from '../../store/index.js';
import type { OrgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { badRequest, DeskError, notFound } from '../errors.js';

export const MAX_DRAFT = 10_000;
export const MAX_QUESTION = 2_000;
export const MAX_ANSWER = 4_000;
export const MAX_HANDLE = 100;

export interface DraftInput {
  text: string;
  /** The personal account the draft is for (`@NurseKat`), for the handle rule. */
  handle?: string | null;
}

export interface AskInput extends DraftInput {
  question: string;
}

/** A request with its check, as the pages and the team see it. */
export interface AdviceView extends AdviceRequest {
  check: CheckResult;
}

const required = (code: string, field: string, what: string) =>
  badRequest(code, `Enter ${what}.`, [{ path: `/body/${field}`, reason: 'missing' }]);
const tooLong = (field: string, what: string, max: number) =>
  badRequest(
    'advice_too_long',
    `The ${what} must be ${max.toLocaleString('en-GB')} characters or fewer.`,
    [{ path: `/body/${field}`, reason: `over ${max} characters` }],
  );

function vetDraft(input: DraftInput): { text: string; handle: string | null } {
  const text = input.text.trim();
  if (!text) throw required('advice_text_required', 'text', 'the text of your draft');
  if (text.length > MAX_DRAFT) throw tooLong('text', 'draft', MAX_DRAFT);
  const handle = input.handle?.trim() || null;
  if (handle && handle.length > MAX_HANDLE) throw tooLong('handle', 'account name', MAX_HANDLE);
  return { text, handle };
}

export class AdviceService {
  constructor(private readonly desk: Desk) {}

  /**
   * Check a draft for a personal account with the organisation's profile. Pure: nothing is
   * stored, audited or logged.
   */
  check(org: Organisation, input: DraftInput): CheckResult {
    const { text, handle } = vetDraft(input);
    const { checker } = this.desk.profiles.forOrganisation(org);
    return checker.check(
      toDraft({
        text,
        audience: 'personal',
        ...(handle ? { handle, handleKind: 'personal' } : {}),
      }),
    );
  }

  /** Send a draft and a question to the comms team: the only way a checked draft is stored. */
  async ask(access: OrgAccess, input: AskInput): Promise<AdviceView> {
    access.require('draft.check');
    const user = this.personOf(access);
    const draft = vetDraft(input);
    const question = input.question.trim();
    if (!question) throw required('advice_question_required', 'question', 'your question');
    if (question.length > MAX_QUESTION) throw tooLong('question', 'question', MAX_QUESTION);
    const check = this.check(access.org, draft);
    const at = this.desk.clock.now();
    const request = await this.desk.store.transaction(async (tx) => {
      const created = await tx.advice.create(
        access.org.id,
        { userId: user, text: draft.text, handle: draft.handle, question },
        at,
      );
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'advice.ask',
        subjectType: 'advice_request',
        subjectId: created.id,
        // What the check found, never the words.
        after: { verdict: check.verdict, rules: rulesOf(check) },
        at,
      });
      return created;
    });
    return { ...request, check };
  }

  /** The signed-in person's own requests, newest first. */
  async mine(access: OrgAccess): Promise<AdviceView[]> {
    access.require('draft.check');
    if (!access.user) return [];
    const rows = await this.desk.store.advice.byUser(access.org.id, access.user.id);
    return rows.map((r) => this.view(access.org, r));
  }

  /** The requests the team sees: open ones first (oldest first), then the answered ones. */
  async list(access: OrgAccess, statuses: readonly AdviceStatus[]): Promise<AdviceView[]> {
    access.require('advice.answer');
    const rows = await this.desk.store.advice.list(access.org.id, statuses);
    return rows.map((r) => this.view(access.org, r));
  }

  /** One request, for the person who asked or for the team; hidden from everyone else (404). */
  async get(access: OrgAccess, id: number): Promise<AdviceView> {
    const row = await this.desk.store.advice.get(access.org.id, id);
    const own = row !== null && access.user !== null && row.userId === access.user.id;
    if (!row || !(access.can('advice.answer') || (own && access.can('draft.check')))) {
      throw notFound('advice_request');
    }
    return this.view(access.org, row);
  }

  /** Answer a request (a second answer replaces the first). */
  async answer(access: OrgAccess, id: number, answer: string): Promise<AdviceView> {
    access.require('advice.answer');
    const user = this.personOf(access);
    const text = answer.trim();
    if (!text) throw required('advice_answer_required', 'answer', 'your answer');
    if (text.length > MAX_ANSWER) throw tooLong('answer', 'answer', MAX_ANSWER);
    const at = this.desk.clock.now();
    const row = await this.desk.store.transaction(async (tx) => {
      const before = await tx.advice.get(access.org.id, id);
      if (!before) throw notFound('advice_request');
      const updated = await tx.advice.answer(access.org.id, id, { text, by: user }, at);
      if (!updated) throw notFound('advice_request');
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'advice.answer',
        subjectType: 'advice_request',
        subjectId: id,
        before: { status: before.status },
        after: { status: updated.status },
        at,
      });
      return updated;
    });
    return this.view(access.org, row);
  }

  /** The person who asked withdraws their request: the row and its text are deleted. */
  async withdraw(access: OrgAccess, id: number): Promise<void> {
    access.require('draft.check');
    const user = this.personOf(access);
    const at = this.desk.clock.now();
    await this.desk.store.transaction(async (tx) => {
      const row = await tx.advice.get(access.org.id, id);
      // Someone else's request answers like a missing one: nobody learns it exists.
      if (!row || row.userId !== user) throw notFound('advice_request');
      await tx.advice.delete(access.org.id, id);
      await tx.audit.append({
        organisationId: access.org.id,
        actor: access.actor,
        action: 'advice.withdraw',
        subjectType: 'advice_request',
        subjectId: id,
        before: { status: row.status },
        after: { deleted: true },
        at,
      });
    });
  }

  private view(org: Organisation, row: AdviceRequest): AdviceView {
    const { checker } = this.desk.profiles.forOrganisation(org);
    const check = checker.check(
      toDraft({
        text: row.text,
        audience: 'personal',
        ...(row.handle ? { handle: row.handle, handleKind: 'personal' } : {}),
      }),
    );
    return { ...row, check };
  }

  /** Advice is between people: an API token has no requests of its own and answers none. */
  private personOf(access: OrgAccess): number {
    if (!access.user) {
      throw new DeskError(403, 'person_required', 'Only a signed-in person can do this.');
    }
    return access.user.id;
  }
}

function rulesOf(check: CheckResult): string[] {
  return [...new Set(check.findings.map((f) => f.rule))];
}
