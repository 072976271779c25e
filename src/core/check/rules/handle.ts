/**
 * handle — the account naming rule (ACC-6). A staff member's personal handle must not carry the
 * organisation's name, so nobody mistakes a private account for an official one; a departmental
 * account's handle must carry it, so people can tell it is official.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';

/** One name variant, reduced to lower-case letters and digits for comparison. */
interface Variant {
  label: string;
  key: string;
}

/** Lower-case letters and digits only: "Hillingdon Hospitals" → "hillingdonhospitals". */
const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Where the words of a handle begin and end, in squashed coordinates. Underscores, dots and
 * digits separate words, and so do camel-case joins ("NurseKat") and the end of a run of capitals
 * ("CCGPhysio" → CCG | Physio). A short variant must sit on these boundaries so "BSW" is not found
 * inside an unrelated word.
 */
function boundaries(handle: string): Set<number> {
  const cuts = new Set<number>([0]);
  let pos = 0;
  const chars = [...handle.replace(/^@+/, '')];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!/[\p{L}\p{N}]/u.test(c)) {
      cuts.add(pos);
      continue;
    }
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const upper = /\p{Lu}/u.test(c);
    if (upper && /\p{Ll}/u.test(prev)) cuts.add(pos);
    // "CCGPhysio": the capital that starts "Physio" begins a word.
    if (upper && /\p{Lu}/u.test(prev) && /\p{Ll}/u.test(next)) cuts.add(pos);
    if (/\p{N}/u.test(c) !== /\p{N}/u.test(prev) && prev !== '') cuts.add(pos);
    pos += c.toLowerCase().length;
  }
  cuts.add(pos);
  return cuts;
}

/** The first variant found in the handle, or undefined. */
function findVariant(
  handle: string,
  variants: readonly Variant[],
  longKey: number,
): Variant | undefined {
  const key = squash(handle);
  if (!key) return undefined;
  const cuts = boundaries(handle);
  for (const v of variants) {
    if (v.key.length >= longKey) {
      if (key.includes(v.key)) return v;
      continue;
    }
    for (let i = key.indexOf(v.key); i >= 0; i = key.indexOf(v.key, i + 1)) {
      if (cuts.has(i) && cuts.has(i + v.key.length)) return v;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'handle',
    description:
      "A personal handle that carries the organisation's name, or a departmental handle that lacks it",
    defaultSeverity: 'warn',
    audiences: ['corporate', 'personal'],
    requirements: ['ACC-6'],
  },
  options: z
    .object({
      /** More ways the organisation's name appears in handles (e.g. "RUH"), on top of the profile's. */
      extraVariants: z.array(z.string().min(2)).default([]),
      /**
       * Variants at least this long (letters and digits) are matched anywhere in a handle; shorter
       * ones must stand as a word of their own, so "BSW" does not match inside "BSWimmer".
       */
      looseMatchLength: z.number().int().min(3).default(6),
    })
    .strict(),
  create(options, profile) {
    const org = profile.organisation;
    const seen = new Set<string>();
    const variants: Variant[] = [];
    for (const label of [
      ...org.nameVariants,
      org.name,
      ...(org.shortName ? [org.shortName] : []),
      ...options.extraVariants,
    ]) {
      const key = squash(label);
      if (key.length < 2 || seen.has(key)) continue;
      seen.add(key);
      variants.push({ label, key });
    }
    // Longest first: report "Hillingdon Hospitals" rather than "Hillingdon".
    variants.sort((a, b) => b.key.length - a.key.length);
    // Suggest the profile's own joined-up spelling (e.g. "ExampleNHS") as the handle's prefix.
    const joined =
      [...(org.shortName ? [org.shortName] : []), ...org.nameVariants].find((v) => !/\s/.test(v)) ??
      org.nameVariants[0] ??
      '';
    const prefix = joined.replace(/[^\p{L}\p{N}]/gu, '');

    return (draft, report) => {
      const raw = draft.handle?.trim();
      if (!raw || !/[\p{L}\p{N}]/u.test(raw)) return;
      const handle = raw.startsWith('@') ? raw : `@${raw}`;
      const kind =
        draft.handleKind ?? (draft.audience === 'personal' ? 'personal' : 'departmental');
      const found = findVariant(handle, variants, options.looseMatchLength);
      if (kind === 'personal' && found) {
        report({
          start: 0,
          end: 0,
          message: `Unexpected organisation name "${found.label}" in the personal handle ${handle}, expected a handle without it: a personal account must not look like an official one`,
          note: "Personal accounts should not use the organisation's name or logo. Say where you work in your bio, with a line that your views are your own.",
        });
      } else if (kind === 'departmental' && !found && variants.length > 0) {
        const bare = handle.slice(1).replace(/^[Tt]he(?=\p{Lu})/u, '');
        report({
          start: 0,
          end: 0,
          message: `Unexpected departmental handle ${handle} without the organisation's name, expected one that includes it (for example "${variants
            .slice(0, 3)
            .map((v) => v.label)
            .join('", "')}")`,
          expected: prefix ? [`@${prefix}${bare}`] : [],
          note: 'A departmental account needs the organisation name in its handle so people can tell it is official; agree the new handle with the communications team.',
        });
      }
    };
  },
});
