/**
 * THE PERMISSION MATRIX (GOV-5): every role × every API endpoint, through the API.
 *
 * One row per endpoint: method, route, what it needs (the oracle is core/access/permissions.ts),
 * and how to build a valid request (a valid body matters: an invalid one is refused with 400
 * before anyone's roles are looked at). For each row:
 *   - a role the matrix allows      → not 401/403/404 and not a fault (< 500);
 *   - a role the matrix forbids     → 403 naming the permission (404 where an item is hidden
 *                                     from teams it was not handed to);
 *   - nobody signed in              → 401;
 *   - a member of another organisation (holding every role there) → 404, and nothing of this
 *     organisation in the answer.
 * A last test lists the API routes the app serves and fails on any without a row, so a new
 * endpoint cannot skip the matrix: add a row to ROWS (or, for sign-in itself, to NOT_IN_MATRIX).
 * Rows whose route the app does not serve (yet) are skipped.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission } from '../../src/core/access/permissions.js';
import { ROLES, type Role } from '../../src/store/index.js';
import { startTestDesk, wireItem, type Client, type TestDesk } from '../helpers/desk.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `refused`: the matrix allows it but the organisation's profile does not (403, its own code). */
type Outcome = 'allowed' | 'forbidden' | 'refused' | 'hidden';

type Oracle =
  /** Needs this permission in the organisation. */
  | { permission: Permission }
  /** Needs any of these permissions. */
  | { anyOf: Permission[] }
  /** Any member of the organisation. */
  | { member: true }
  /** Anyone signed in (not tied to one organisation). */
  | { signedIn: true }
  /** Anyone, signed in or not. */
  | { public: true }
  /** Decided per role (item-level visibility). */
  | { custom: (roles: readonly Role[]) => Outcome; orgScoped: true };

interface Fixtures {
  slug: string;
  itemId: number;
  palsItemId: number;
  palsHandoffId: number;
  consultationId: number;
  authorId: number;
  otherAuthorId: number;
  accountId: number;
  postId: number;
  escalationId: number;
  managers: number[];
  approverRoles: readonly string[];
  freshShift(): Promise<number>;
  /** Sets the Slack channel, so there is one to delete. */
  freshChannel(): Promise<void>;
  freshItem(): Promise<number>;
  freshToken(): Promise<number>;
  freshMember(): Promise<number>;
  freshEmail(): string;
}

/** A request: JSON body by default; `csv` sends text/csv instead. */
interface Req {
  url: string;
  body?: unknown;
  csv?: string;
}

interface Row {
  method: Method;
  /** The route exactly as the app registers it. */
  route: string;
  oracle: Oracle;
  request(f: Fixtures): Promise<Req> | Req;
}

const needs = (permission: Permission) => ({ permission });
const o = (f: Fixtures) => `/api/orgs/${f.slug}`;
const REASON = 'Permission matrix check';
const CSV =
  'Date,Author,Full Text,Url\n2026-03-02 09:00,someone,Matrix import row,https://example.org/1\n';

/** Seen by a role: whole inbox, or a hand-off to the role's own team. */
const itemVisibility =
  (handedTo: string | null) =>
  (roles: readonly Role[]): Outcome => {
    if (can(roles, 'inbox.read')) return 'allowed';
    if (handedTo === 'pals' && can(roles, 'handoff.read') && roles.includes('pals'))
      return 'allowed';
    return 'hidden';
  };

/** Recording what happened to a hand-off: the comms team, or the receiving team (PALS here). */
const handoffResponse = (roles: readonly Role[]): Outcome => {
  if (can(roles, 'item.handoff')) return 'allowed';
  if (!can(roles, 'handoff.respond')) return 'forbidden';
  if (roles.includes('pals')) return 'allowed';
  // Another receiving team: it cannot see the item at all unless it reads the whole inbox.
  return can(roles, 'inbox.read') ? 'forbidden' : 'hidden';
};

/** Approving needs `post.approve` and, on top, a role the profile names as approver (PUB-2). */
let approverRoles: readonly string[] = [];
const approver = (roles: readonly Role[]): Outcome =>
  !can(roles, 'post.approve')
    ? 'forbidden'
    : roles.some((r) => approverRoles.includes(r))
      ? 'allowed'
      : 'refused';

const shift = (f: Fixtures) => ({
  starts_at: '2026-03-02T17:00:00.000Z',
  ends_at: '2026-03-03T09:00:00.000Z',
  people: [f.managers[1]],
});

export const ROWS: Row[] = [
  // Who am I
  {
    method: 'GET',
    route: '/api/auth/me',
    oracle: { signedIn: true },
    request: () => ({ url: '/api/auth/me' }),
  },
  {
    method: 'GET',
    route: '/api/auth/oidc',
    oracle: { public: true },
    request: () => ({ url: '/api/auth/oidc' }),
  },
  // Organisations, members, tokens, audit
  {
    method: 'GET',
    route: '/api/orgs',
    oracle: { signedIn: true },
    request: () => ({ url: '/api/orgs' }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org',
    oracle: { member: true },
    request: (f) => ({ url: o(f) }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/members',
    oracle: needs('members.manage'),
    request: (f) => ({ url: `${o(f)}/members` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/members',
    oracle: needs('members.manage'),
    request: (f) => ({
      url: `${o(f)}/members`,
      body: { email: f.freshEmail(), display_name: 'New starter', roles: ['staff'] },
    }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:org/members/:userId',
    oracle: needs('members.manage'),
    request: async (f) => ({
      url: `${o(f)}/members/${await f.freshMember()}`,
      body: { roles: ['staff'] },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:org/members/:userId',
    oracle: needs('members.manage'),
    request: async (f) => ({ url: `${o(f)}/members/${await f.freshMember()}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/tokens',
    oracle: needs('settings.manage'),
    request: (f) => ({ url: `${o(f)}/tokens`, body: { name: 'matrix', roles: ['auditor'] } }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:org/tokens/:tokenId',
    oracle: needs('settings.manage'),
    request: async (f) => ({ url: `${o(f)}/tokens/${await f.freshToken()}` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:org/profile',
    oracle: needs('settings.manage'),
    request: (f) => ({
      url: `${o(f)}/profile`,
      body: { profile_id: 'nhs-default', override: null },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/audit/verify',
    oracle: needs('audit.read'),
    request: (f) => ({ url: `${o(f)}/audit/verify` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/audit',
    oracle: needs('audit.export'),
    request: (f) => ({ url: `${o(f)}/audit` }),
  },
  // Inbox and items
  {
    method: 'POST',
    route: '/api/orgs/:org/items',
    oracle: needs('inbox.ingest'),
    request: (f) => ({
      url: `${o(f)}/items`,
      body: { items: [wireItem(`m-${f.freshEmail()}`, 'Matrix item')] },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/inbox',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/inbox` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/search',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/search?q=parking` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/items/:id',
    oracle: { custom: itemVisibility(null), orgScoped: true },
    request: (f) => ({ url: `${o(f)}/items/${f.itemId}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:org/items/:id',
    oracle: needs('item.work'),
    request: (f) => ({ url: `${o(f)}/items/${f.itemId}`, body: { status: 'in_progress' } }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/handoffs',
    oracle: needs('item.handoff'),
    request: async (f) => ({
      url: `${o(f)}/items/${await f.freshItem()}/handoffs`,
      body: { route: 'pals' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/handoffs',
    oracle: { anyOf: ['inbox.read', 'handoff.read'] },
    request: (f) => ({ url: `${o(f)}/handoffs` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/handoffs/:hid/accept',
    oracle: { custom: handoffResponse, orgScoped: true },
    request: (f) => ({
      url: `${o(f)}/items/${f.palsItemId}/handoffs/${f.palsHandoffId}/accept`,
      body: { reference: 'PALS-1' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/handoffs/:hid/close',
    oracle: { custom: handoffResponse, orgScoped: true },
    request: (f) => ({
      url: `${o(f)}/items/${f.palsItemId}/handoffs/${f.palsHandoffId}/close`,
      body: { outcome: 'Closed for the matrix' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/consultations',
    oracle: needs('item.work'),
    request: (f) => ({
      url: `${o(f)}/items/${f.itemId}/consultations`,
      body: { colleague: 'estates' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/consultations/:cid/answer',
    oracle: { anyOf: ['item.work', 'handoff.respond'] },
    request: (f) => ({
      url: `${o(f)}/items/${f.itemId}/consultations/${f.consultationId}/answer`,
      body: { answer: 'Answered for the matrix' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/steps/:action',
    oracle: needs('item.work'),
    request: (f) => ({ url: `${o(f)}/items/${f.itemId}/steps/acknowledge` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/labels',
    oracle: needs('item.work'),
    request: (f) => ({
      url: `${o(f)}/items/${f.itemId}/labels`,
      body: { add: ['praise'], reason: REASON },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/erase',
    oracle: needs('item.erase'),
    request: async (f) => ({ url: `${o(f)}/items/${await f.freshItem()}/erase` }),
  },
  // Authors
  {
    method: 'GET',
    route: '/api/orgs/:org/authors/:id',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/authors/${f.authorId}` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:org/authors/:id/do-not-engage',
    oracle: needs('author.mark'),
    request: (f) => ({
      url: `${o(f)}/authors/${f.authorId}/do-not-engage`,
      body: { do_not_engage: false, reason: REASON },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/authors/:id/links',
    oracle: needs('author.mark'),
    request: (f) => ({
      url: `${o(f)}/authors/${f.authorId}/links`,
      body: { author_id: f.otherAuthorId },
    }),
  },
  // Account registry and connections
  {
    method: 'GET',
    route: '/api/orgs/:org/accounts',
    oracle: needs('account.read'),
    request: (f) => ({ url: `${o(f)}/accounts` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/accounts/:id',
    oracle: needs('account.read'),
    request: (f) => ({ url: `${o(f)}/accounts/${f.accountId}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/accounts',
    oracle: needs('account.manage'),
    request: (f) => ({
      url: `${o(f)}/accounts`,
      body: {
        platform: 'x',
        handle: `@${f.freshEmail()}`,
        owner_team: 'Communications',
        managers: f.managers,
      },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:org/accounts/:id',
    oracle: needs('account.manage'),
    request: (f) => ({
      url: `${o(f)}/accounts/${f.accountId}`,
      body: { verification_status: 'pending' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/connections',
    oracle: needs('account.read'),
    request: (f) => ({ url: `${o(f)}/connections` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/connections',
    oracle: needs('credentials.manage'),
    request: (f) => ({
      url: `${o(f)}/connections`,
      body: { account_id: f.accountId, credentials: {} },
    }),
  },
  // Crisis mode
  {
    method: 'GET',
    route: '/api/orgs/:org/crisis',
    oracle: { member: true },
    request: (f) => ({ url: `${o(f)}/crisis` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:org/crisis',
    oracle: needs('crisis.manage'),
    request: (f) => ({ url: `${o(f)}/crisis`, body: { on: false, reason: REASON } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/crisis/history',
    oracle: needs('post.read'),
    request: (f) => ({ url: `${o(f)}/crisis/history` }),
  },
  // Posts
  {
    method: 'POST',
    route: '/api/orgs/:org/posts',
    oracle: needs('post.draft'),
    request: (f) => ({
      url: `${o(f)}/posts`,
      body: { account_id: f.accountId, text: 'Our new clinic opens on Monday at 9am.' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/posts',
    oracle: needs('post.read'),
    request: (f) => ({ url: `${o(f)}/posts` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/posts/calendar',
    oracle: needs('post.read'),
    request: (f) => ({
      url: `${o(f)}/posts/calendar?from=2026-03-01T00:00:00.000Z&to=2026-04-01T00:00:00.000Z`,
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/posts/:id',
    oracle: needs('post.read'),
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:org/posts/:id',
    oracle: needs('post.draft'),
    request: (f) => ({
      url: `${o(f)}/posts/${f.postId}`,
      body: { text: 'Our new clinic opens on Tuesday at 9am.' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/posts/:id/submit',
    oracle: needs('post.draft'),
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}/submit`, body: {} }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/posts/:id/approve',
    oracle: { custom: (r) => approver(r), orgScoped: true },
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}/approve`, body: {} }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/posts/:id/reject',
    oracle: { custom: (r) => approver(r), orgScoped: true },
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}/reject`, body: { note: REASON } }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/posts/:id/schedule',
    oracle: needs('post.publish'),
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}/schedule`, body: {} }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/posts/:id/publish',
    oracle: needs('post.publish'),
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}/publish`, body: {} }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/posts/:id/unschedule',
    oracle: needs('post.publish'),
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}/unschedule` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/posts/:id/history',
    oracle: needs('post.read'),
    request: (f) => ({ url: `${o(f)}/posts/${f.postId}/history` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/posts/:id/remove-personal-data',
    oracle: needs('post.remove_personal_data'),
    request: (f) => ({
      url: `${o(f)}/posts/${f.postId}/remove-personal-data`,
      body: { reason: REASON },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/ig-incidents',
    oracle: needs('audit.read'),
    request: (f) => ({ url: `${o(f)}/ig-incidents` }),
  },
  // On-call rota, escalations (INB-4, INB-12), notifications
  {
    method: 'GET',
    route: '/api/orgs/:org/oncall/shifts',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/oncall/shifts` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/oncall/now',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/oncall/now` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/oncall/shifts',
    oracle: needs('oncall.manage'),
    request: (f) => ({ url: `${o(f)}/oncall/shifts`, body: shift(f) }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:org/oncall/shifts/:id',
    oracle: needs('oncall.manage'),
    request: async (f) => ({
      url: `${o(f)}/oncall/shifts/${await f.freshShift()}`,
      body: shift(f),
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:org/oncall/shifts/:id',
    oracle: needs('oncall.manage'),
    request: async (f) => ({ url: `${o(f)}/oncall/shifts/${await f.freshShift()}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/escalations',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/escalations` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/items/:id/escalations',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/items/${f.itemId}/escalations` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/escalations',
    oracle: needs('item.handoff'),
    request: (f) => ({
      url: `${o(f)}/items/${f.itemId}/escalations`,
      body: { to: 'managers', reason: REASON },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/escalations/:id/acknowledge',
    oracle: needs('oncall.acknowledge'),
    request: (f) => ({ url: `${o(f)}/escalations/${f.escalationId}/acknowledge` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/notifications',
    oracle: needs('audit.read'),
    request: (f) => ({ url: `${o(f)}/notifications` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/notifications/channels',
    oracle: needs('settings.manage'),
    request: (f) => ({ url: `${o(f)}/notifications/channels` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:org/notifications/channels/:channel',
    oracle: needs('settings.manage'),
    request: (f) => ({
      url: `${o(f)}/notifications/channels/teams`,
      body: { url: 'https://example.webhook.office.com/webhookb2/matrix' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:org/notifications/channels/:channel',
    oracle: needs('settings.manage'),
    request: async (f) => {
      await f.freshChannel();
      return { url: `${o(f)}/notifications/channels/slack` };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:org/acknowledgements',
    oracle: needs('inbox.read'),
    request: (f) => ({ url: `${o(f)}/acknowledgements` }),
  },
  // CSV imports (connectors)
  {
    method: 'POST',
    route: '/api/orgs/:org/imports/:source/preview',
    oracle: needs('inbox.ingest'),
    request: (f) => ({ url: `${o(f)}/imports/brandwatch/preview`, csv: CSV }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/imports/:source',
    oracle: needs('inbox.ingest'),
    request: (f) => ({ url: `${o(f)}/imports/brandwatch`, csv: CSV }),
  },
  // Moderation (STF-6)
  {
    method: 'GET',
    route: '/api/orgs/:org/moderation',
    oracle: needs('item.moderate'),
    request: (f) => ({ url: `${o(f)}/moderation` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:org/items/:id/moderate',
    oracle: needs('item.moderate'),
    request: (f) => ({
      url: `${o(f)}/items/${f.itemId}/moderate`,
      body: { action: 'delete', reason: REASON },
    }),
  },
];

/** API routes outside the role matrix, and why. */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /api/auth/login': 'signing in itself (sign-in.test.ts)',
  'POST /api/auth/logout': 'signing out itself (sign-in.test.ts)',
  'GET /api/auth/oidc/start': 'redirect to the identity provider (oidc.test.ts)',
  'GET /api/auth/oidc/callback': 'return from the identity provider (oidc.test.ts)',
  'POST /api/items': 'API tokens only; covered below by its own test',
};

function expected(oracle: Oracle, roles: readonly Role[]): Outcome {
  if ('public' in oracle || 'signedIn' in oracle || 'member' in oracle) return 'allowed';
  if ('custom' in oracle) return oracle.custom(roles);
  if ('anyOf' in oracle) return oracle.anyOf.some((p) => can(roles, p)) ? 'allowed' : 'forbidden';
  return can(roles, oracle.permission) ? 'allowed' : 'forbidden';
}

const orgScoped = (oracle: Oracle) => !('public' in oracle) && !('signedIn' in oracle);

function problemWith(outcome: Outcome, res: LightMyRequestResponse): string | null {
  const s = res.statusCode;
  if (outcome === 'allowed') {
    return [401, 403, 404].includes(s) || s >= 500
      ? `expected allowed, got ${s} ${res.body.slice(0, 160)}`
      : null;
  }
  if (outcome === 'forbidden') {
    return s === 403 && res.json().error?.code === 'forbidden'
      ? null
      : `expected 403 forbidden, got ${s} ${res.body.slice(0, 160)}`;
  }
  if (outcome === 'refused') {
    return s === 403
      ? null
      : `expected 403 (the profile refuses), got ${s} ${res.body.slice(0, 160)}`;
  }
  return s === 404 ? null : `expected 404 (hidden), got ${s} ${res.body.slice(0, 160)}`;
}

let t: TestDesk;
let fixtures: Fixtures;
const clients = new Map<Role, Client>();
let outsider: Client;
let secrets: string[];

beforeAll(async () => {
  t = await startTestDesk();
  for (const role of ROLES) clients.set(role, await t.as(role));
  const officer = clients.get('comms_officer')!;
  const admin = clients.get('administrator')!;
  const slug = t.org.slug;
  const base = `/api/orgs/${slug}`;
  let n = 0;
  const ingest = async (text: string, author = `matrix-author-${++n}`) => {
    const res = await officer.post(`${base}/items`, {
      items: [wireItem(`matrix-${++n}`, text, { author: { id: author, name: 'Sam' } })],
    });
    expect(res.statusCode).toBe(200);
    return res.json().results[0].id as number;
  };
  const itemId = await ingest(
    'The parking at the hospital is terrible and nobody answers the phone',
  );
  const palsItemId = await ingest('I want to make a complaint about my mother’s care on ward 7');
  const palsHandoff = await officer.post(`${base}/items/${palsItemId}/handoffs`, { route: 'pals' });
  expect(palsHandoff.statusCode).toBe(201);
  const palsHandoffId = palsHandoff.json().handoff.id as number;
  const consult = await officer.post(`${base}/items/${itemId}/consultations`, {
    colleague: 'estates',
  });
  expect(consult.statusCode).toBe(201);
  const item = (await officer.get(`${base}/items/${itemId}`)).json().item;
  const other = (await officer.get(`${base}/items/${palsItemId}`)).json().item;
  const account = await t.desk.store.accounts.create(
    t.org.id,
    {
      platform: 'sandbox',
      handle: 'matrix-sandbox',
      ownerTeam: 'Communications',
      managers: [t.people.comms_officer.id, t.people.comms_manager.id],
    },
    t.clock.now(),
  );
  let postId = 0;
  const post = await officer.post(`${base}/posts`, {
    account_id: account.id,
    text: 'Our new clinic opens on Monday at 9am.',
  });
  if (post.statusCode === 201) postId = post.json().post?.id ?? post.json().id;
  const manager = clients.get('comms_manager')!;
  const newShift = async () => {
    const res = await manager.post(`${base}/oncall/shifts`, {
      starts_at: '2026-03-02T17:00:00.000Z',
      ends_at: '2026-03-03T09:00:00.000Z',
      people: [t.people.comms_manager.id],
    });
    return (res.json().shift?.id as number | undefined) ?? 999_999;
  };
  const concern = await officer.post(`${base}/items/${itemId}/escalations`, {
    to: 'managers',
    reason: 'Matrix fixture',
  });
  approverRoles = t.desk.profiles.forOrganisation(t.org).profile.approval.roles;
  fixtures = {
    slug,
    escalationId: (concern.json().escalation?.id as number | undefined) ?? 999_999,
    managers: [t.people.comms_officer.id, t.people.comms_manager.id],
    approverRoles,
    freshShift: newShift,
    async freshChannel() {
      await admin.put(`${base}/notifications/channels/slack`, {
        url: 'https://hooks.slack.com/services/T0000/B0000/matrix',
      });
    },
    itemId,
    palsItemId,
    palsHandoffId,
    consultationId: consult.json().consultation.id,
    authorId: item.author_id,
    otherAuthorId: other.author_id,
    accountId: account.id,
    postId,
    freshItem: () => ingest('Thank you to the staff on ward 3'),
    async freshToken() {
      const res = await admin.post(`${base}/tokens`, { name: 'to revoke', roles: ['auditor'] });
      return res.json().token.id;
    },
    async freshMember() {
      const user = await t.desk.store.users.create(
        { email: `member-${++n}-${slug}@example.nhs.uk`, displayName: 'Member' },
        t.clock.now(),
      );
      await t.desk.store.users.setMembership(t.org.id, user.id, ['staff'], t.clock.now());
      return user.id;
    },
    freshEmail: () => `fresh-${++n}-${slug}@example.nhs.uk`,
  };
  // A person of another organisation holding every role there.
  const elsewhere = await t.otherOrganisation();
  await t.desk.store.users.setMembership(
    elsewhere.org.id,
    elsewhere.people.administrator.id,
    [...ROLES],
    t.clock.now(),
  );
  outsider = await t.as(elsewhere.people.administrator.email);
  secrets = [slug, t.org.name, 'parking at the hospital', 'matrix-sandbox'];
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const send = (client: Client | null, method: Method, req: Req) => {
  const { url, body, csv } = req;
  if (!client) {
    return t.app.inject({
      method,
      url,
      ...(csv !== undefined ? { payload: csv, headers: { 'content-type': 'text/csv' } } : {}),
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }
  if (csv !== undefined) return client.post(url, csv, { 'content-type': 'text/csv' });
  switch (method) {
    case 'GET':
      return client.get(url);
    case 'POST':
      return client.post(url, body);
    case 'PUT':
      return client.put(url, body);
    case 'PATCH':
      return client.patch(url, body);
    case 'DELETE':
      return client.delete(url);
  }
};

describe('[GOV-5] role × endpoint permission matrix', () => {
  for (const row of ROWS) {
    it(`[GOV-5] ${row.method} ${row.route}`, async (ctx) => {
      if (!t.app.hasRoute({ method: row.method, url: row.route })) ctx.skip();
      const problems: string[] = [];
      for (const role of ROLES) {
        const res = await send(clients.get(role)!, row.method, await row.request(fixtures));
        const p = problemWith(expected(row.oracle, [role]), res);
        if (p) problems.push(`${role}: ${p}`);
      }
      if (!('public' in row.oracle)) {
        const res = await send(null, row.method, await row.request(fixtures));
        if (res.statusCode !== 401) problems.push(`anonymous: expected 401, got ${res.statusCode}`);
      }
      if (orgScoped(row.oracle)) {
        const res = await send(outsider, row.method, await row.request(fixtures));
        if (res.statusCode !== 404) {
          problems.push(`another organisation: expected 404, got ${res.statusCode}`);
        }
        for (const s of secrets) {
          if (res.body.includes(s)) problems.push(`another organisation: the answer leaks "${s}"`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('[GOV-5] an item handed off to PALS is visible to PALS only among the receiving teams', async () => {
    const url = `/api/orgs/${fixtures.slug}/items/${fixtures.palsItemId}`;
    const problems: string[] = [];
    for (const role of ROLES) {
      const res = await clients.get(role)!.get(url);
      const p = problemWith(itemVisibility('pals')([role]), res);
      if (p) problems.push(`${role}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('[GOV-5] POST /api/items is for API tokens: a person is sent to the organisation route', async () => {
    const body = { items: [wireItem('token-only', 'Hello')] };
    const res = await clients.get('comms_officer')!.post('/api/items', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('organisation_required');
  });

  it('[GOV-5] POST /api/items answers 401 to nobody signed in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      payload: { items: [wireItem('anonymous', 'Hello')] },
    });
    expect(res.statusCode).toBe(401);
  });

  it('[GOV-5] every API route the app serves has a row in the matrix', () => {
    const served = apiRoutes(t.app.printRoutes({ commonPrefix: false }));
    const covered = new Set([
      ...ROWS.map((r) => `${r.method} ${r.route}`),
      ...Object.keys(NOT_IN_MATRIX),
    ]);
    const missing = served.filter((r) => !covered.has(r));
    expect(missing, 'add a row to ROWS in test/server/permissions.test.ts for each').toEqual([]);
    expect(served.length).toBeGreaterThan(20);
  });
});

/** `METHOD /path` of every /api route in Fastify's route tree (documentation routes left out). */
function apiRoutes(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (depth === 0 ? '' : stack[depth - 1]) + m[2];
    stack[depth] = path;
    if (!path.startsWith('/api/') || path.startsWith('/api/docs') || path === '/api/openapi.json') {
      continue;
    }
    for (const method of m[3]!.split(', ')) {
      if (method !== 'HEAD') out.push(`${method} ${path}`);
    }
  }
  return [...new Set(out)].sort();
}
