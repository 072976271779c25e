/** Organisations: the tenants of a deployment. Everything else hangs off one. */
import { bool, dateOrNull, fromBool, isoOrNull, toDate, toIso, toNumber } from './codec.js';
import type { StoreContext } from './codec.js';
import type { NewOrganisation, Organisation } from './model.js';
import type { OrganisationsTable } from './schema.js';
import type { Selectable } from 'kysely';

export class OrganisationRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(org: NewOrganisation, at: Date): Promise<Organisation> {
    const row = await this.ctx.db
      .insertInto('organisations')
      .values({
        slug: org.slug,
        name: org.name,
        profile_id: org.profileId,
        profile_override: org.profileOverride ?? null,
        crisis_mode: bool(this.ctx.dialect, false),
        created_at: toIso(at),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toOrganisation(row);
  }

  async get(organisationId: number): Promise<Organisation | null> {
    const row = await this.ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', organisationId)
      .executeTakeFirst();
    return row ? toOrganisation(row) : null;
  }

  /** Resolving a slug from a URL; the caller still checks the user's membership. */
  async bySlug(slug: string): Promise<Organisation | null> {
    const row = await this.ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? toOrganisation(row) : null;
  }

  /** Every organisation: for the operator and for workers that sweep each in turn. */
  async list(): Promise<Organisation[]> {
    const rows = await this.ctx.db.selectFrom('organisations').selectAll().orderBy('id').execute();
    return rows.map(toOrganisation);
  }

  async setProfile(
    organisationId: number,
    profileId: string,
    profileOverride: string | null,
  ): Promise<Organisation | null> {
    const row = await this.ctx.db
      .updateTable('organisations')
      .set({ profile_id: profileId, profile_override: profileOverride })
      .where('id', '=', organisationId)
      .returningAll()
      .executeTakeFirst();
    return row ? toOrganisation(row) : null;
  }

  /** Crisis mode on (since `at`) or off (INB-5). Unchanged when already in that state. */
  async setCrisisMode(organisationId: number, on: boolean, at: Date): Promise<Organisation | null> {
    const row = await this.ctx.db
      .updateTable('organisations')
      .set({ crisis_mode: bool(this.ctx.dialect, on), crisis_since: on ? isoOrNull(at) : null })
      .where('id', '=', organisationId)
      .where('crisis_mode', '=', bool(this.ctx.dialect, !on))
      .returningAll()
      .executeTakeFirst();
    return row ? toOrganisation(row) : this.get(organisationId);
  }
}

function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: toNumber(row.id),
    slug: row.slug,
    name: row.name,
    profileId: row.profile_id,
    profileOverride: row.profile_override,
    crisisMode: fromBool(row.crisis_mode),
    crisisSince: dateOrNull(row.crisis_since),
    createdAt: toDate(row.created_at),
  };
}
