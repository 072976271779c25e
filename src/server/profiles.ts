/**
 * Each organisation's resolved profile and what is compiled from it (triage engine, content
 * checker, working calendar), built once and reused until the profile changes.
 */
import { createChecker } from '../core/check/engine.js';
import type { Profile } from '../core/profile/schema.js';
import { formatProblem, resolveProfile } from '../core/profile/resolve.js';
import { profileCalendar } from '../core/triage/clock.js';
import { createTriage, type Triage } from '../core/triage/engine.js';
import type { WorkingCalendar } from '../core/sla/calendar.js';
import { BUILT_IN_PROFILES_DIR, folderReader, loadProfile } from '../store/profile-files.js';
import type { Organisation } from '../store/index.js';
import { DeskError } from './errors.js';

export interface CompiledProfile {
  profile: Profile;
  triage: Triage;
  checker: ReturnType<typeof createChecker>;
  calendar: WorkingCalendar;
}

export class ProfileCache {
  private readonly byOrg = new Map<number, { key: string; compiled: CompiledProfile }>();

  constructor(private readonly extraDirs: readonly string[] = []) {}

  forOrganisation(org: Organisation): CompiledProfile {
    const key = `${org.profileId}\u0000${org.profileOverride ?? ''}`;
    const hit = this.byOrg.get(org.id);
    if (hit && hit.key === key) return hit.compiled;
    const resolved = org.profileOverride
      ? this.withOverride(org.profileId, org.profileOverride)
      : loadProfile(org.profileId, this.extraDirs);
    if (!resolved.ok) {
      throw new DeskError(
        500,
        'profile_invalid',
        `The profile "${org.profileId}" of this organisation does not load: ` +
          resolved.problems.map(formatProblem).join('; '),
      );
    }
    const profile = resolved.profile;
    const compiled: CompiledProfile = {
      profile,
      triage: createTriage(profile),
      checker: createChecker(profile),
      calendar: profileCalendar(profile),
    };
    this.byOrg.set(org.id, { key, compiled });
    return compiled;
  }

  /**
   * The organisation's own overrides (YAML edited in the desk) on top of its profile: the override
   * document extends the profile, so every rule of resolving and reporting problems applies to it.
   */
  private withOverride(profileId: string, override: string) {
    const files = folderReader([...this.extraDirs, BUILT_IN_PROFILES_DIR]);
    const id = `${profileId}-organisation-override`;
    const text = `extends: [${JSON.stringify(profileId)}]\nid: ${JSON.stringify(id)}\n${override}`;
    return resolveProfile(id, (wanted) =>
      wanted === id ? { id, file: '(organisation override)', text } : files(wanted),
    );
  }
}
