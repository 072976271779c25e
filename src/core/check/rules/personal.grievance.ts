/**
 * personal.grievance — a staff member's personal post that airs a workplace grievance (STF-1):
 * complaints about managers, rotas, leave, pay or colleagues. Grievances go through the line
 * manager, HR or Freedom to Speak Up, where they can be resolved, not on social media.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { addUnlessOverlapping, bySentence } from '../../text/spans.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

const list = phraseList('personal-grievance');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });

/** The idiom "couldn't organise a p*ss-up in a brewery", however the middle word is written. */
const IDIOM =
  /\bcould(?:n't|n’t|nt| not)\s+organi[sz]e\s+an?\s+[^\s]{1,20}\s+in\s+an?\s+brewery\b/giu;

/** "Nobody upstairs cares", "no one on the ward ever listens": nobody, then caring or listening. */
const NOBODY_CARES =
  /\b(?:nobody|no\s+one|no-one)\b[^.!?\n]{0,30}?\b(?:cares?|listens?|bothers?|gives\s+a)\b/giu;

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
      for (const m of execAll(IDIOM, text))
        report({ start: m.index, end: m.index + m[0].length, message: message(m[0]), note });

      // Targets and complaints are found once in the whole text, then shared out by sentence;
      // a post without both skips the sentence pass.
      const allTargets = findPhrases(targets, text);
      if (allTargets.length === 0) return;
      NOBODY_CARES.lastIndex = 0;
      const allComplaints = addUnlessOverlapping(
        findPhrases(complaints, text),
        execAll(NOBODY_CARES, text).map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
        })),
      );
      if (allComplaints.length === 0) return;
      const sents = sentences(text);
      const targetsBy = bySentence(sents, allTargets);
      const complaintsBy = bySentence(sents, allComplaints);
      const found = sents.map((s, i) => ({
        targets: targetsBy[i]!,
        complaints: complaintsBy[i]!,
        praise: PRAISE.test(s.text),
      }));
      let reported = -1;
      for (let i = 0; i < sents.length; i++) {
        const s = sents[i]!;
        const { targets: ts, complaints: cs, praise } = found[i]!;
        if (ts.length === 0 || cs.length === 0) continue;
        // "Thank you to my manager, who refused to let me go home without a cake" is praise.
        if (praise) continue;
        // Report the closest target and complaint, so the span quotes the grievance itself.
        let best: { start: number; end: number; cost: number } | undefined;
        for (const t of ts) {
          for (const c of cs) {
            if (c.start < t.end && t.start < c.end) continue;
            const start = Math.min(t.start, c.start);
            const end = Math.max(t.end, c.end);
            if (end - start - t.text.length - c.text.length > options.window) continue;
            // "My boss is useless and HR never listen": a target before its complaint reads as
            // the subject of it, so it wins over a nearer target that follows the complaint.
            const cost = end - start + (c.start < t.start ? 20 : 0);
            if (!best || cost < best.cost) best = { start, end, cost };
          }
        }
        if (best) {
          reported = i;
          report({
            start: s.start + best.start,
            end: s.start + best.end,
            message: message(s.text.slice(best.start, best.end)),
            note,
          });
        }
      }
      // A workplace target in one sentence and the complaint in the next: "Three months and
      // still no answer about my banding. Nobody seems to care." Neither sentence may praise.
      if (reported >= 0) return;
      for (let i = 0; i + 1 < sents.length; i++) {
        const a = found[i]!;
        const b = found[i + 1]!;
        if (a.praise || b.praise) continue;
        const c =
          a.targets.length > 0 && b.complaints.length > 0
            ? { s: sents[i + 1]!, m: b.complaints[0]! }
            : b.targets.length > 0 && a.complaints.length > 0
              ? { s: sents[i]!, m: a.complaints[0]! }
              : undefined;
        if (!c) continue;
        report({
          start: c.s.start + c.m.start,
          end: c.s.start + c.m.end,
          message: message(c.m.text),
          note,
        });
        return;
      }
    };
  },
});
