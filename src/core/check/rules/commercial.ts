/**
 * commercial — commercially sensitive content (PUB-3): contract values and bids before award,
 * plans not yet announced, and what was said in private. Publishing these can break a
 * procurement, move a market or pre-empt a board decision, and cannot be taken back.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases, type PhraseMatch } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

const list = phraseList('commercial-phrases');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });

/** A sum of money: "£14m", "£2.3 million", "£250k", "£1,200,000". */
const MONEY =
  /£\s?\d[\d,]{0,12}(?:\.\d{1,2})?(?:\s?(?:m|bn|k|million|billion)\b)?|\b\d{1,4}(?:\.\d{1,2})?\s?(?:million|billion)\s+(?:pounds|contract|deal)\b/giu;

/** "Between us, …" meaning a secret, not "the partnership between us and the council". */
const BETWEEN_US =
  /(?:^|[.!?]\s+|\n\s*)between\s+(?:us|you\s+and\s+me|ourselves)\s*(?=[,:;.!—–-])/giu;

/** What a senior person said in private: "chat with the chief exec - she says …", "overheard the CEO". */
const RELAYED =
  /\b(?:heard|overheard|overhearing)\s+(?:the\s+|our\s+|my\s+)?(?:chief\s+exec\w*|CEO|director|finance\s+director|board|chair|boss|execs?)\b|\b(?:chat(?:ted|ting)?|spoke|speaking|talk(?:ed|ing)?|meeting|conversation)\s+with\s+(?:the\s+|our\s+|my\s+)?(?:chief\s+exec\w*|CEO|director|finance\s+director|board|chair|boss|execs?)\b|\b(?:chief\s+exec\w*|CEO|director|the\s+board|chair|boss|execs?)\s+(?:says|said|told\s+(?:me|us)|tells\s+(?:me|us)|mentioned|reckons|let\s+slip)\b/giu;

export default defineRule({
  meta: {
    id: 'commercial',
    description:
      'Commercially sensitive content: bids and contract values before award, unannounced plans, private conversations',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /** Names of live procurements or projects the organisation treats as sensitive until announced. */
      sensitiveProjects: z.array(z.string().min(2)).default([]),
    })
    .strict(),
  create(options) {
    const secret = compilePhrases(phrasesOf('secret'));
    const unannounced = compilePhrases(phrasesOf('unannounced'));
    const plan = compilePhrases(phrasesOf('plan'));
    const negotiation = compilePhrases(phrasesOf('negotiation'));
    const sensitive = compilePhrases(phrasesOf('sensitive'));
    const published = compilePhrases(phrasesOf('published'));
    const ordinary = compilePhrases(phrasesOf('ordinary'));
    const projects = compilePhrases(options.sensitiveProjects);
    const note =
      'Share contract, bid and unannounced plans only once they are published; ask the communications team and the contract lead before posting.';
    const message = (what: string, why: string): string =>
      `Unexpected commercially sensitive content ("${what}": ${why}), expected only information that has been published`;

    return (draft, report) => {
      // Ordinary phrases ("in a bid to", "tender to the touch") are blanked so they match nothing.
      let text = straightQuotes(draft.text);
      for (const o of findPhrases(ordinary, text))
        text = text.slice(0, o.start) + ' '.repeat(o.end - o.start) + text.slice(o.end);

      const strong: PhraseMatch[] = [...findPhrases(secret, text)];
      BETWEEN_US.lastIndex = 0;
      for (const m of execAll(BETWEEN_US, text)) {
        const lead = m[0].search(/between/iu);
        strong.push({ start: m.index + lead, end: m.index + m[0].length, text: m[0].slice(lead) });
      }
      for (const m of strong)
        report({ start: m.start, end: m.end, message: message(m.text, 'marked as private'), note });

      const isPublished = findPhrases(published, text).length > 0;
      const plans = [...findPhrases(plan, text), ...findPhrases(negotiation, text)];
      const weak: PhraseMatch[] = [...findPhrases(unannounced, text)];
      RELAYED.lastIndex = 0;
      for (const m of execAll(RELAYED, text))
        weak.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      if (plans.length > 0 && !isPublished) {
        weak.sort((a, b) => a.start - b.start || b.end - a.end);
        for (const m of weak)
          report({
            start: m.start,
            end: m.end,
            message: message(m.text, 'a plan or deal that is not public yet'),
            note,
          });
      }

      for (const m of findPhrases(projects, text))
        report({
          start: m.start,
          end: m.end,
          message: message(m.text, 'a project not yet announced'),
          note,
        });

      if (isPublished) return;
      for (const s of sentences(text)) {
        const neg = findPhrases(negotiation, s.text);
        if (neg.length === 0) continue;
        const detail = findPhrases(sensitive, s.text)[0];
        MONEY.lastIndex = 0;
        const money = MONEY.exec(s.text);
        // A contract figure alone is often published (a job's salary, an award); with a bid or
        // negotiation, or a pre-award detail, it is not.
        const negotiating = neg.some((n) => !/^contract$/iu.test(n.text));
        if (detail) {
          report({
            start: s.start + detail.start,
            end: s.start + detail.end,
            message: message(detail.text, 'a negotiation or bid before award'),
            note,
          });
        } else if (money && negotiating) {
          report({
            start: s.start + money.index,
            end: s.start + money.index + money[0].length,
            message: message(money[0], 'a figure in a live negotiation or bid'),
            note,
          });
        }
      }
    };
  },
});
