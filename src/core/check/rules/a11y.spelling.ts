/**
 * a11y.spelling — US spellings in a UK organisation's post ("color", "center", "pediatric",
 * "organize"). NHS house style is UK English, and mixed spellings look careless (PUB-4,
 * "UK spelling"). Commsdesk adds this rule id; labels.md does not list it.
 *
 * The rule checks a curated list of US forms rather than a dictionary: it never guesses, so words
 * both countries share (size, advise, fetus) are never reported. Proper names keep their own
 * spelling ("World Health Organization", "Kennedy Center"): a listed word with a capital inside a
 * sentence is left alone, as is anything in links, handles, hashtags or the organisation's names.
 */
import { z } from 'zod';
import { phraseList } from '../phrases/index.js';
import { defineRule } from '../rule.js';
import { compilePhrases, findPhrases } from '../../text/phrases.js';
import { maskNonProse } from '../../text/prose-mask.js';
import { execAll } from '../../text/exec-all.js';

/** "program" is right for software in UK English too. */
const SOFTWARE =
  /\b(?:computer|software|apps?|coding|code|programming|programmer|install\w*|download\w*|algorithm|laptop|excel|python)\b/i;
/** "license" is the UK verb; the noun is "licence". Words that show the noun. */
const NOUN_BEFORE =
  /\b(?:a|an|the|your|my|our|his|her|their|its|this|that|driving|full|provisional|valid|premises|marriage|tv|television|personal|no|practising|fishing|gun|dog|music|software|open)\s+$/i;
const NOUN_AFTER =
  /^\s+(?:holders?|numbers?|fees?|plates?|applications?|renewals?|conditions?|to practise|to practice)\b/i;

export default defineRule({
  meta: {
    id: 'a11y.spelling',
    description: 'US spelling where UK spelling is expected',
    defaultSeverity: 'warn',
    // House style for the organisation's own voice; staff personal accounts are not held to it.
    audiences: ['corporate'],
    requirements: ['PUB-4'],
  },
  options: z
    .object({
      /** US forms the organisation accepts (e.g. a programme's own name). */
      allow: z.array(z.string()).default([]),
    })
    .strict(),
  create(options, profile) {
    const allowed = new Set(options.allow.map((w) => w.toLowerCase()));
    const uk = new Map<string, string>();
    for (const e of phraseList('uk-spelling').entries)
      e.phrases.forEach((p, i) => {
        const s = e.suggest?.[i] ?? e.suggest?.[0];
        if (s && !allowed.has(p.toLowerCase())) uk.set(p.toLowerCase(), s);
      });
    // Every listed form is a single word, so a word scan and a map lookup replace a large
    // alternation: much faster on every keystroke.
    const wordRe = /[\p{L}\p{N}]+/gu;
    const ownNames = compilePhrases([
      profile.organisation.name,
      ...profile.organisation.nameVariants,
      ...profile.partners.flatMap((p) => [p.name, ...p.aliases]),
      ...profile.lexicon.places,
      ...profile.lexicon.services,
    ]);

    /** The UK form, in the case the writer used. */
    const inCase = (found: string, ukForm: string): string => {
      if (found === found.toUpperCase()) return ukForm.toUpperCase();
      if (/^\p{Lu}/u.test(found)) return ukForm.charAt(0).toUpperCase() + ukForm.slice(1);
      return ukForm;
    };

    return (draft, report) => {
      // Most drafts have no listed word: find that out before the costlier masking.
      let any = false;
      for (const w of execAll(wordRe, draft.text))
        if (uk.has(w[0].toLowerCase())) {
          any = true;
          break;
        }
      if (!any) return;
      const text = maskNonProse(draft.text);
      const names = findPhrases(ownNames, text);
      for (const w of execAll(wordRe, text)) {
        const lower = w[0].toLowerCase();
        if (!uk.has(lower)) continue;
        const m = { start: w.index, end: w.index + w[0].length, text: w[0] };
        if (names.some((n) => n.start < m.end && m.start < n.end)) continue;
        const before = text.slice(Math.max(0, m.start - 60), m.start);
        const after = text.slice(m.end, m.end + 60);
        // A capital inside a sentence marks a proper name, which keeps its spelling.
        const trimmed = before.replace(/[ \t"'“‘([]+$/u, '');
        const sentenceStart = (trimmed.length === 0 && m.start <= 60) || /[.!?:\n]$/u.test(trimmed);
        if (/^\p{Lu}/u.test(m.text) && m.text !== m.text.toUpperCase() && !sentenceStart) continue;
        if (
          (lower === 'program' || lower === 'programs') &&
          SOFTWARE.test(text.slice(Math.max(0, m.start - 100), m.end + 100))
        )
          continue;
        if (
          (lower === 'license' || lower === 'licenses') &&
          !NOUN_BEFORE.test(before) &&
          !NOUN_AFTER.test(after)
        )
          continue;
        const ukForm = uk.get(lower);
        if (!ukForm) continue;
        const fix = inCase(m.text, ukForm);
        report({
          start: m.start,
          end: m.end,
          message: `Unexpected US spelling "${m.text}", expected UK spelling "${fix}"`,
          expected: [fix],
        });
      }
    };
  },
});
