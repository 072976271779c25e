/**
 * personal.grievance — a staff member's personal post that airs a workplace grievance (STF-1):
 * complaints about managers, rotas, leave, pay or colleagues. Grievances go through the line
 * manager, HR or Freedom to Speak Up, where they can be resolved, not on social media.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';

const list = phraseList('personal-grievance');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });

/** The idiom "couldn't organise a p*ss-up in a brewery", however the middle word is written. */
const IDIOM =
  /\bcould(?:n't|n’t|nt| not)\s+organi[sz]e\s+an?\s+[^\s]{1,20}\s+in\s+an?\s+brewery\b/giu;

/** Praise words that turn "my manager … refused to let me leave without a cake" into a good-news post. */
const PRAISE =
  /\b(?:thank(?:s| you)|grateful|amazing|brilliant|proud|supportive|lovely|fantastic)\b/iu;

export default defineRule({
  meta: {
    id: 'personal.grievance',
    description: 'A personal post that airs a workplace grievance',
    defaultSeverity: 'warn',
    audiences: ['personal'],
    requirements: ['STF-1'],
  },
  options: z
    .object({
      /** Largest gap, in characters, between a workplace target and the complaint about it. */
      window: z.number().int().min(10).max(400).default(120),
    })
    .strict(),
  create(options) {
    const targets = compilePhrases(phrasesOf('target'));
    const complaints = compilePhrases(phrasesOf('complaint'));
    const grievances = compilePhrases(phrasesOf('grievance'));
    const note =
      'Raise workplace concerns with your line manager, HR, a union rep or the Freedom to Speak Up guardian, where they can be acted on.';
    const message = (quote: string): string =>
      `Unexpected workplace grievance ("${quote}") on a personal account, expected it to be raised through your manager, HR or Freedom to Speak Up`;

    return (draft, report) => {
      const text = straightQuotes(draft.text);
      for (const g of findPhrases(grievances, text))
        report({ start: g.start, end: g.end, message: message(g.text), note });
      IDIOM.lastIndex = 0;
      for (const m of text.matchAll(IDIOM))
        report({ start: m.index, end: m.index + m[0].length, message: message(m[0]), note });

      for (const s of sentences(text)) {
        const ts = findPhrases(targets, s.text);
        if (ts.length === 0) continue;
        const cs = findPhrases(complaints, s.text);
        if (cs.length === 0) continue;
        // "Thank you to my manager, who refused to let me go home without a cake" is praise.
        if (PRAISE.test(s.text)) continue;
        // Report the closest target and complaint, so the span quotes the grievance itself.
        let best: { start: number; end: number } | undefined;
        for (const t of ts) {
          for (const c of cs) {
            if (c.start < t.end && t.start < c.end) continue;
            const start = Math.min(t.start, c.start);
            const end = Math.max(t.end, c.end);
            if (end - start - t.text.length - c.text.length > options.window) continue;
            if (!best || end - start < best.end - best.start) best = { start, end };
          }
        }
        if (best)
          report({
            start: s.start + best.start,
            end: s.start + best.end,
            message: message(s.text.slice(best.start, best.end)),
            note,
          });
      }
    };
  },
});
