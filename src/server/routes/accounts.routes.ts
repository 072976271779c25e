/** The account registry (ACC-1): list, register and change accounts. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../../store/index.js';
import { orgAccess } from '../auth/principal.js';
import type { Desk } from '../context.js';
import { AccountsService, MIN_MANAGERS, type RegistryEntry } from '../services/accounts.service.js';
import { OrgItemParams, OrgParams } from './schemas.js';

const Verification = Type.Union(VERIFICATION_STATUSES.map((s) => Type.Literal(s)));
const Managers = Type.Array(Type.Integer({ minimum: 1 }), {
  maxItems: 50,
  description: `User ids of the managers: at least ${MIN_MANAGERS}, all on the communications team (ACC-1).`,
});
const Team = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

const RegisterBody = Type.Object(
  {
    platform: Type.String({ pattern: '^[a-z_]{1,32}$' }),
    handle: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    owner_team: Team,
    managers: Managers,
    verification_status: Type.Optional(Verification),
  },
  { additionalProperties: false },
);

const UpdateBody = Type.Object(
  {
    owner_team: Type.Optional(Team),
    managers: Type.Optional(Managers),
    verification_status: Type.Optional(Verification),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** An account as the API shows it; connector bookkeeping is never shown. */
export function accountView(e: RegistryEntry) {
  return {
    id: e.account.id,
    platform: e.account.platform,
    handle: e.account.handle,
    owner_team: e.account.ownerTeam,
    managers: e.managers.map((m) => ({
      id: m.id,
      display_name: m.displayName,
      on_comms_team: m.onCommsTeam,
    })),
    verification_status: e.account.verificationStatus,
    created_at: e.account.createdAt.toISOString(),
    meets_acc1: e.problems.length === 0,
    problems: e.problems,
  };
}

export async function accountRoutes(app: FastifyInstance, desk: Desk): Promise<void> {
  const accounts = new AccountsService(desk);

  app.get(
    '/api/orgs/:org/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The account registry, with accounts that no longer meet ACC-1 flagged',
        params: OrgParams,
      },
    },
    async (request) => {
      const { org } = request.params as { org: string };
      const access = await orgAccess(desk, request, org, 'account.read');
      return { accounts: (await accounts.list(access.org)).map(accountView) };
    },
  );

  app.get(
    '/api/orgs/:org/accounts/:id',
    {
      schema: { tags: ['accounts'], summary: 'One account of the registry', params: OrgItemParams },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const access = await orgAccess(desk, request, org, 'account.read');
      return { account: accountView(await accounts.get(access.org, id)) };
    },
  );

  app.post(
    '/api/orgs/:org/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register an account (at least two managers from the communications team)',
        params: OrgParams,
        body: RegisterBody,
      },
    },
    async (request, reply) => {
      const { org } = request.params as { org: string };
      const body = request.body as {
        platform: string;
        handle: string;
        owner_team: string;
        managers: number[];
        verification_status?: VerificationStatus;
      };
      const access = await orgAccess(desk, request, org, 'account.manage');
      const e = await accounts.register(
        access.org,
        {
          platform: body.platform,
          handle: body.handle,
          ownerTeam: body.owner_team,
          managers: body.managers,
          ...(body.verification_status ? { verificationStatus: body.verification_status } : {}),
        },
        access.actor,
      );
      return reply.status(201).send({ account: accountView(e) });
    },
  );

  app.patch(
    '/api/orgs/:org/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change an account’s owner team, managers or verification status',
        params: OrgItemParams,
        body: UpdateBody,
      },
    },
    async (request) => {
      const { org, id } = request.params as { org: string; id: number };
      const body = request.body as {
        owner_team?: string;
        managers?: number[];
        verification_status?: VerificationStatus;
      };
      const access = await orgAccess(desk, request, org, 'account.manage');
      const e = await accounts.update(
        access.org,
        id,
        {
          ...(body.owner_team !== undefined ? { ownerTeam: body.owner_team } : {}),
          ...(body.managers !== undefined ? { managers: body.managers } : {}),
          ...(body.verification_status !== undefined
            ? { verificationStatus: body.verification_status }
            : {}),
        },
        access.actor,
      );
      return { account: accountView(e) };
    },
  );
}
