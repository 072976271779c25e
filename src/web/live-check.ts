/**
 * The live check's data: what the browser needs from an organisation's resolved profile to run
 * the same pure content check as the server (core's `createChecker`) on every keystroke — rule
 * severities, clauses and options, the organisation's names, places, partners, teams and numbers
 * the rules treat as its own, reading age, restricted periods — and which audience to check for.
 *
 * Pages embed it as `<script type="application/json" id="desk-check-config">` (the
 * `_live-check.njk` partial; JSON is not executed, so the CSP allows it). The browser's result is
 * advice only: the server checks again on submit.
 *
 * @example
 * const json = liveCheckJson(liveCheckConfig(desk, org, { audience: 'personal' }));
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../core/check/draft.js';
import type { Profile } from '../core/profile/schema.js';
import type { Desk } from '../server/context.js';
import type { Organisation } from '../store/index.js';

/** The parts of a resolved profile the content rules read. */
export const CHECK_PROFILE_KEYS = [
  'id',
  'organisation',
  'partners',
  'teams',
  'lexicon',
  'readingAge',
  'restrictedPeriods',
  'hours',
  'rules',
] as const satisfies readonly (keyof Profile)[];

export type CheckProfile = Pick<Profile, (typeof CHECK_PROFILE_KEYS)[number]>;

/** What `src/web/client/live-check.ts` reads from the page. */
export interface LiveCheckConfig {
  audience: Audience;
  profile: CheckProfile;
}

export interface LiveCheckOptions {
  audience?: Audience;
  /**
   * The platform the draft is for. The content check has no per-platform rules yet, so it is
   * carried for the page's own use only.
   */
  platform?: string | null;
}

/** The compiled profile object changes when the profile does, so it keys the cache. */
const cache = new WeakMap<object, CheckProfile>();

/** The live check's data for one organisation and audience. */
export function liveCheckConfig(
  desk: Desk,
  org: Organisation,
  options: LiveCheckOptions = {},
): LiveCheckConfig & { platform?: string } {
  const compiled = desk.profiles.forOrganisation(org);
  let profile = cache.get(compiled);
  if (!profile) {
    const full = compiled.profile;
    profile = Object.fromEntries(CHECK_PROFILE_KEYS.map((k) => [k, full[k]])) as CheckProfile;
    cache.set(compiled, profile);
  }
  return {
    audience: options.audience ?? 'corporate',
    profile,
    ...(options.platform ? { platform: options.platform } : {}),
  };
}

/**
 * The config as JSON that is safe inside a `<script>` element: `<`, `>` and `&` are escaped, so
 * no organisation name can close the element.
 */
export function liveCheckJson(config: LiveCheckConfig): string {
  return JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/**
 * A preHandler for the web context: on a page about an organisation, templates get
 * `liveCheck(audience)`, which returns the config's JSON (computed only when a template calls it,
 * and a template renders only after the page's own access check passed).
 */
export function liveCheckLocals(desk: Desk) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const slug = (request.params as { org?: unknown } | undefined)?.org;
    if (typeof slug !== 'string' || !request.principal) return;
    const org = await desk.store.organisations.bySlug(slug);
    if (!org) return;
    const locals = (reply as FastifyReply & { locals?: Record<string, unknown> }).locals ?? {};
    (reply as FastifyReply & { locals?: Record<string, unknown> }).locals = {
      ...locals,
      liveCheck: (audience?: string) =>
        liveCheckJson(
          liveCheckConfig(desk, org, {
            audience: audience === 'personal' ? 'personal' : 'corporate',
          }),
        ),
    };
  };
}
