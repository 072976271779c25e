/**
 * "Pause before you post" and "Ask the team for advice" (STF-1) through AdviceService, on SQLite
 * and PostgreSQL: a check keeps nothing; asking stores the draft and audits without its words;
 * the comms team (`advice.answer`) lists and answers; the person sees the answer; nobody else
 * sees or withdraws their request; withdrawing deletes the row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission } from '../../src/core/access/permissions.js';
import type { OrgAccess } from '../../src/server/auth/principal.js';
import { DeskError } from '../../src/server/errors.js';
import { AdviceService } from '../../src/server/services/advice.service.js';
import type { Role } from '../../src/store/index.js';
import { DIALECTS } from '../store/databases.js';
import { startTestDesk, type TestDesk } from '../helpers/desk.js';

const DRAFT =
  'Working at Example NHS Trust is chaos right now, the new rota system is a total mess. Management don’t care about us at all.';
const QUESTION = 'Can I post this about my ward on my own account?';
const ANSWER = 'Please leave out the complaint about the rota and add that the views are your own.';

async function accessOf(t: TestDesk, role: Role): Promise<OrgAccess> {
  const user = await t.desk.store.users.get(t.people[role].id);
  const roles: Role[] = [role];
  return {
    org: t.org,
    roles,
    actor: user!.id,
    user,
    can: (p: Permission) => can(roles, p),
    require: (p: Permission) => {
      if (!can(roles, p)) throw new DeskError(403, 'forbidden', `needs ${p}`);
    },
  };
}

/** Every audit record of the organisation as one string, to look for words that must not be there. */
async function auditText(t: TestDesk): Promise<string> {
  return JSON.stringify(await t.desk.store.audit.export(t.org.id));
}

async function refusal(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(DIALECTS)('advice requests (%s)', (dialect) => {
  let t: TestDesk;
  let advice: AdviceService;
  let staff: OrgAccess;
  let officer: OrgAccess;
  let lineManager: OrgAccess;
  /** Everything the desk logs during these tests: no draft, question or answer may appear. */
  const logged: string[] = [];

  beforeAll(async () => {
    t = await startTestDesk({ dialect });
    const capture = (obj: object, msg?: string) => logged.push(JSON.stringify([obj, msg]));
    t.desk.log = { info: capture, warn: capture, error: capture };
    advice = new AdviceService(t.desk);
    staff = await accessOf(t, 'staff');
    officer = await accessOf(t, 'comms_officer');
    lineManager = await accessOf(t, 'line_manager');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  afterAll(() => {
    for (const words of ['rota system', QUESTION, ANSWER, 'Proud of my team'])
      expect(logged.join('\n')).not.toContain(words);
  });

  it('[STF-1] a check applies the personal-account rules and keeps nothing', async () => {
    const before = await t.desk.store.audit.export(t.org.id);
    const result = advice.check(t.org, { text: DRAFT, handle: '@ExampleNHSNurse' });
    const rules = result.findings.map((f) => f.rule);
    expect(rules).toContain('personal.disclaimer');
    expect(rules).toContain('personal.grievance');
    expect(rules).toContain('handle');
    expect(result.verdict).toBe('warn');
    expect(await t.desk.store.advice.count(t.org.id)).toBe(0);
    expect(await t.desk.store.audit.export(t.org.id)).toHaveLength(before.length);
  });

  it('[STF-1] the same text checked for the organisation has no personal-account findings', () => {
    const corporate = t.desk.profiles.forOrganisation(t.org).checker.check({
      text: DRAFT,
      audience: 'corporate',
      media: [],
    });
    expect(corporate.findings.some((f) => f.rule.startsWith('personal.'))).toBe(false);
  });

  it('[STF-1] asking stores the draft; the audit says so without its words', async () => {
    const asked = await advice.ask(staff, { text: `  ${DRAFT}  `, question: QUESTION });
    expect(asked.status).toBe('open');
    expect(asked.text).toBe(DRAFT);
    expect(asked.check.findings.map((f) => f.rule)).toContain('personal.grievance');
    expect(await t.desk.store.advice.count(t.org.id)).toBe(1);
    const history = await t.desk.store.audit.history(t.org.id, 'advice_request', asked.id);
    expect(history.map((r) => r.action)).toEqual(['advice.ask']);
    expect(history[0]!.after).toMatchObject({ verdict: 'warn' });
    const audit = await auditText(t);
    expect(audit).not.toContain('rota system');
    expect(audit).not.toContain(QUESTION);

    // Staff see their own requests, not the team's list.
    expect((await advice.mine(staff)).map((r) => r.id)).toEqual([asked.id]);
    expect((await refusal(advice.list(staff, ['open']))).status).toBe(403);
    expect(await advice.mine(lineManager)).toEqual([]);
    expect((await refusal(advice.get(lineManager, asked.id))).status).toBe(404);
  });

  it('[STF-1] the comms team sees and answers; the person sees the answer', async () => {
    const [open] = await advice.list(officer, ['open']);
    expect(open?.question).toBe(QUESTION);
    expect((await refusal(advice.answer(staff, open!.id, 'I say yes'))).status).toBe(403);
    expect((await refusal(advice.answer(officer, open!.id, '   '))).code).toBe(
      'advice_answer_required',
    );
    const answered = await advice.answer(officer, open!.id, ANSWER);
    expect(answered.status).toBe('answered');
    expect(answered.answeredBy).toBe(t.people.comms_officer.id);
    expect(await advice.list(officer, ['open'])).toEqual([]);
    const [mine] = await advice.mine(staff);
    expect(mine).toMatchObject({ status: 'answered', answer: ANSWER });
    expect(await auditText(t)).not.toContain(ANSWER);
  });

  it('[STF-1] only the person who asked withdraws, and withdrawing deletes the text', async () => {
    const asked = await advice.ask(staff, { text: 'Proud of my team today.', question: 'OK?' });
    expect((await refusal(advice.withdraw(officer, asked.id))).status).toBe(404);
    expect((await refusal(advice.withdraw(lineManager, asked.id))).status).toBe(404);
    await advice.withdraw(staff, asked.id);
    expect(await t.desk.store.advice.get(t.org.id, asked.id)).toBeNull();
    expect((await refusal(advice.withdraw(staff, asked.id))).status).toBe(404);
    const history = await t.desk.store.audit.history(t.org.id, 'advice_request', asked.id);
    expect(history.map((r) => r.action)).toEqual(['advice.ask', 'advice.withdraw']);
    expect(await auditText(t)).not.toContain('Proud of my team');
  });

  it('[STF-1] refuses a request without a question or text, too long, or from a token', async () => {
    expect((await refusal(advice.ask(staff, { text: DRAFT, question: ' ' }))).code).toBe(
      'advice_question_required',
    );
    expect((await refusal(advice.ask(staff, { text: '', question: QUESTION }))).code).toBe(
      'advice_text_required',
    );
    const long = await refusal(advice.ask(staff, { text: 'a'.repeat(10_001), question: 'Q' }));
    expect(long.code).toBe('advice_too_long');
    expect(long.details[0]?.path).toBe('/body/text');
    const token: OrgAccess = { ...staff, user: null, actor: 'system' };
    expect((await refusal(advice.ask(token, { text: DRAFT, question: 'Q' }))).status).toBe(403);
    // Another organisation's people never see this one's requests.
    const other = await t.otherOrganisation();
    const outsider = await accessOf(t, 'comms_officer');
    const foreign = { ...outsider, org: other.org };
    expect(await advice.list(foreign, ['open', 'answered'])).toEqual([]);
  });
});
