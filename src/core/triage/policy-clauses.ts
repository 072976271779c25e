/**
 * Which clause of an organisation's own policy carries each inbound requirement, so a checklist
 * step or a reply template can name the clause of the active profile rather than a Commsdesk ID.
 *
 * The profile schema has per-team and per-template clauses but no general "requirement → clause"
 * map yet, so the five seed policies' references are kept here (from the citations in
 * `shared/spec/policy-requirements.md`). A profile is matched to a seed policy by its id or by a
 * profile it extends (`bsw`, `bsw-north`, `extends: [bsw]`, `hillingdon` …). Anything else — the
 * `nhs-default` preset included — cites the requirement ID itself.
 */
import type { Profile } from '../profile/schema.js';

/** Inbound requirement → clause, per seed policy short name. */
const SEED_POLICY_CLAUSES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  bsw: {
    'INB-4': 'BSW 4.5',
    'INB-6': 'BSW Appendix B',
    'INB-7': 'BSW 4.3',
    'INB-8': 'BSW 4.4',
    'INB-10': 'BSW 3.2',
    'INB-13': 'BSW 3.4.1, Appendix A',
    'INB-15': 'BSW 3.2',
    'INB-16': 'BSW 3.2',
  },
  mse: {
    'INB-3': 'MSE 6.4',
    'INB-4': 'MSE 6.4',
    'INB-9': 'MSE 6.4',
    'INB-10': 'MSE 6.5',
    'INB-11': 'MSE 6.5',
    'INB-12': 'MSE 6.3',
    'INB-14': 'MSE 6.7',
    'INB-15': 'MSE 6.7',
  },
  shf: {
    'INB-15': 'SHF 5',
    'INB-17': 'SHF 5',
  },
  sty: {},
  thh: {
    'INB-8': 'THH 5.6',
    'INB-16': 'THH 5.1',
    'INB-17': 'THH 5.6',
  },
};

/** Profile ids of the seed organisations (`profiles/*.yml`) and their policies' short names. */
const SEED_PROFILE_IDS: Readonly<Record<string, string>> = {
  bsw: 'bsw',
  mse: 'mse',
  sheffield: 'shf',
  shf: 'shf',
  'south-tyneside': 'sty',
  sty: 'sty',
  hillingdon: 'thh',
  thh: 'thh',
};

const seedOfId = (id: string): string | undefined =>
  Object.entries(SEED_PROFILE_IDS).find(
    ([prefix]) => id === prefix || id.startsWith(`${prefix}-`),
  )?.[1];

/** The seed policy a profile follows (`bsw`, `mse`, `shf`, `sty`, `thh`), by its id or what it extends. */
export function seedPolicyOf(profile: Pick<Profile, 'id' | 'extends'>): string | undefined {
  for (const id of [profile.id, ...profile.extends]) {
    const seed = seedOfId(id);
    if (seed) return seed;
  }
  return undefined;
}

/** The clause a seed policy gives a requirement, if the profile follows a seed policy that has one. */
export function seedClauseFor(
  profile: Pick<Profile, 'id' | 'extends'>,
  requirement: string,
): string | undefined {
  const seed = seedPolicyOf(profile);
  return seed === undefined ? undefined : SEED_POLICY_CLAUSES[seed]?.[requirement];
}

/**
 * The clause of the active profile's policy for a requirement, e.g. `BSW Appendix B` for INB-6 under
 * a BSW profile; the requirement ID itself when the policy has no such clause.
 */
export function clauseForRequirement(
  profile: Pick<Profile, 'id' | 'extends'>,
  requirement: string,
): string {
  return seedClauseFor(profile, requirement) ?? requirement;
}
