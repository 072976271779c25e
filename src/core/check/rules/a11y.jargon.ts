/**
 * a11y.jargon — NHS and management jargon, and NHS abbreviations the draft does not explain.
 * Readers outside the NHS do not know what an "ICB", "SDEC" or "discharge to assess" is, and
 * wordy phrases ("in order to", "utilise") make a post slower for everyone (PUB-4).
 *
 * Abbreviations come from a list with their expansions, extended by the profile's
 * `lexicon.abbreviations`. An abbreviation counts as explained when its expansion appears anywhere
 * in the draft, when words in brackets follow it ("PCN (a group of GP practices)"), when it sits in
 * brackets after words that spell it out ("same day emergency care (SDEC)"), or when it is followed
 * by "stands for" or "means". The organisation's own names, partners and places are never read as
 * jargon, nor is anything inside links, handles or hashtags.
 *
 * When the whole draft is over the reading age limit, a11y.reading_age reports it and names the
 * wordy phrases in its advice, so this rule then reports abbreviations only: one warning for one
 * problem.
 */
import { z } from 'zod';
import { phraseList } from '../phrases/index.js';
import { defineRule } from '../rule.js';
import { compilePhrases, findPhrases } from '../../text/phrases.js';
import { maskNonProse } from '../../text/prose-mask.js';
import { readability } from '../../text/readability.js';
import { ruleSettingFor } from '../../profile/rule-settings.js';
import readingAgeRule, { overReadingAge, readingAgeLimit } from './a11y.reading_age.js';
import { execAll } from '../../text/exec-all.js';

interface Abbreviation {
  /** As listed ("ICB", "DoLS"). */
  form: string;
  expansions: string[];
  /** Also an everyday word or another meaning: the words around it decide. */
  context: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower case, words separated by single spaces, punctuation other than & and ' dropped. */
const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}&']+/gu, ' ')
    .trim();

/** Words around an ambiguous abbreviation that show which meaning it has. */
const CONTEXT: Record<string, { before?: RegExp; after?: RegExp; near?: RegExp }> = {
  DNA: {
    near: /\b(?:appointments?|attend\w*|missed|did not)\b/i,
    after: /^(?:s|'s|’s|'d|’d)?\s+(?:rates?|figures?|list|numbers?|patients)\b/i,
  },
  SEND: {
    before: /\b(?:with|and|for|of|our|the|about|on)\s+$/i,
    after:
      /^\s+(?:services?|support|team|provision|pupils?|children|young|reforms?|strategy|families|needs|offer|code|inspections?|partnership)\b/i,
  },
  SALT: { near: /\b(?:speech|swallow\w*|therap\w*|communication|language)\b/i },
};

/** Blank out spans of a text, keeping its length. */
function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start), ' '.repeat(s.end - s.start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The last words of a text, as many as a long form of an `n`-letter abbreviation may have. */
function lastWords(text: string, n: number): string {
  const words = text.trimEnd().split(/\s+/);
  return words.slice(-Math.min(n + 5, n * 2)).join(' ');
}

/**
 * Schwartz–Hearst: do the words before "(" spell out `short`? Each letter of the abbreviation
 * must appear in order, right to left, and its first letter must start a word.
 */
function spellsOut(short: string, before: string): boolean {
  const s = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  const l = before.toLowerCase();
  if (!s) return false;
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si--) {
    const c = s[si]!;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[a-z0-9]/.test(l[li - 1]!)))) li--;
    if (li < 0) return false;
    li--;
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'a11y.jargon',
    description: 'Jargon or an unexplained abbreviation',
    defaultSeverity: 'warn',
    // House style for the organisation's own voice; staff personal accounts are not held to it.
    audiences: ['corporate'],
    requirements: ['PUB-4'],
  },
  options: z
    .object({
      /** Abbreviations and phrases never reported (the organisation's audience knows them). */
      allow: z.array(z.string()).default([]),
      /** Whether to report jargon and wordy phrases as well as abbreviations. */
      phrases: z.boolean().default(true),
    })
    .strict(),
  create(options, profile) {
    const allowed = new Set(options.allow.map((a) => a.toLowerCase()));

    // Abbreviations by lower-case form; the profile's own meanings win.
    const abbreviations = new Map<string, Abbreviation>();
    for (const e of phraseList('jargon-abbreviations').entries)
      for (const form of e.phrases)
        abbreviations.set(form.toLowerCase(), {
          form,
          expansions: e.suggest ?? [],
          context: e.kind === 'context',
        });
    for (const [form, meaning] of Object.entries(profile.lexicon.abbreviations))
      abbreviations.set(form.toLowerCase(), { form, expansions: [meaning], context: false });
    for (const a of allowed) abbreviations.delete(a);
    const forms = [...abbreviations.values()]
      .map((a) => a.form)
      .sort((a, b) => b.length - a.length);
    const abbrRe = forms.length
      ? new RegExp(
          `(?<![\\p{L}\\p{N}&'’])(${forms.map(escape).join('|')})(s|'s|’s|'d|’d)?(?![\\p{L}\\p{N}&])`,
          'giu',
        )
      : null;

    // The organisation's own names, partners and places: never jargon.
    const ownNames = compilePhrases([
      profile.organisation.name,
      ...(profile.organisation.shortName ? [profile.organisation.shortName] : []),
      ...profile.organisation.nameVariants,
      ...profile.partners.flatMap((p) => [p.name, ...p.aliases]),
      ...profile.lexicon.places,
      ...profile.lexicon.services,
    ]);

    // Jargon phrases and their plain replacements.
    const suggestions = new Map<string, string[]>();
    for (const e of phraseList('jargon').entries)
      for (const p of e.phrases)
        if (!allowed.has(p.toLowerCase())) suggestions.set(normalise(p), e.suggest ?? []);
    const jargon = options.phrases
      ? compilePhrases([
          ...phraseList('jargon')
            .entries.flatMap((e) => e.phrases)
            .filter((p) => !allowed.has(p.toLowerCase())),
        ])
      : null;

    // Defer wordy phrases to a11y.reading_age when it runs and the draft is over its limit.
    const ra = ruleSettingFor(profile, readingAgeRule);
    const raLimit =
      ra.severity === 'off'
        ? null
        : readingAgeLimit(profile, readingAgeRule.options.parse(ra.options ?? {}));

    const explainedAfter = /^\s*\(([^()\n]{2,200})\)/u;
    const statedAfter = /^,?\s+(?:stands for|means|is short for|is an abbreviation for)\b/iu;

    return (draft, report) => {
      const text = blank(maskNonProse(draft.text), findPhrases(ownNames, draft.text));
      const whole = ` ${normalise(draft.text)} `;

      // Abbreviations: the first unexplained use of each.
      if (abbrRe) {
        const done = new Set<string>();
        for (const m of execAll(abbrRe, text)) {
          const found = m[1]!;
          const abbr = abbreviations.get(found.toLowerCase());
          if (!abbr || done.has(abbr.form)) continue;
          // Mixed-case forms ("DoLS") must match exactly; capitals forms need capitals ("Ed" is a name).
          if (/\p{Ll}/u.test(abbr.form) ? found !== abbr.form : found !== found.toUpperCase())
            continue;
          const start = m.index;
          const end = start + m[0].length;
          const before = text.slice(Math.max(0, start - 120), start);
          const after = text.slice(end, end + 200);
          const ctx = CONTEXT[abbr.form];
          if (abbr.context && ctx) {
            const near = text.slice(Math.max(0, start - 80), end + 80);
            const fits =
              (ctx.before?.test(before) ?? false) ||
              (ctx.after?.test(after) ?? false) ||
              (ctx.near?.test(near) ?? false);
            if (!fits) continue;
          }
          done.add(abbr.form);
          const bracket = explainedAfter.exec(after);
          if (bracket && (bracket[1]!.match(/\p{L}{2,}/gu) ?? []).length >= 2) continue;
          if (statedAfter.test(after)) continue;
          const opening = /\(\s*$/.exec(before);
          if (
            opening &&
            /^\s*\)/.test(after) &&
            spellsOut(abbr.form, lastWords(before.slice(0, opening.index), abbr.form.length))
          )
            continue;
          if (abbr.expansions.some((x) => whole.includes(` ${normalise(x)} `))) continue;
          const expansion = abbr.expansions[0];
          report({
            start,
            end,
            message: `Unexpected abbreviation "${m[0]}" without an explanation, expected it spelt out${expansion ? `: "${expansion}"` : ''}`,
            expected: expansion ? [...abbr.expansions, `${expansion} (${abbr.form})`] : [],
            note: 'Write it out in full the first time, with the abbreviation in brackets if people will see it again, or just use the plain words.',
          });
        }
      }

      // Jargon and wordy phrases: the first use of each.
      const matches = findPhrases(jargon, text);
      if (matches.length === 0) return;
      if (
        raLimit &&
        draft.audience === 'corporate' &&
        overReadingAge(readability(draft.text), raLimit)
      )
        return;
      const done = new Set<string>();
      for (const m of matches) {
        const key = normalise(m.text);
        if (done.has(key)) continue;
        done.add(key);
        // Explained in brackets straight after: "integrated care board (the NHS organisation…)".
        const bracket = explainedAfter.exec(text.slice(m.end, m.end + 200));
        if (bracket && (bracket[1]!.match(/\p{L}{2,}/gu) ?? []).length >= 2) continue;
        // Part of a proper name: "Example Integrated Care Board".
        if (
          /^\p{Lu}/u.test(m.text) &&
          /\p{Lu}[\p{L}'’-]*\s+$/u.test(text.slice(Math.max(0, m.start - 40), m.start))
        )
          continue;
        const plain = suggestions.get(key) ?? [];
        report({
          start: m.start,
          end: m.end,
          message: `Unexpected jargon "${m.text}", expected plain English${plain[0] ? ` such as "${plain[0]}"` : ''}`,
          expected: plain,
        });
      }
    };
  },
});
