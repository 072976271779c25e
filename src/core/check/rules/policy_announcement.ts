/**
 * policy_announcement — a corporate post that announces a new policy or a change to a service
 * without pointing to the official statement (PUB-3). Social media should not be the first or
 * only place a change is announced: the post should link to the decision and what it means.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';

const list = phraseList('policy-announcement');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });

/**
 * A link: a URL, "www.", or a bare domain with a path or a public suffix ("nhs.uk/visiting",
 * "gwh.nhs.uk"). Each part is bounded so the expression stays linear.
 */
const LINK =
  /\bhttps?:\/\/\S|\bwww\.[\p{L}\p{N}-]|\b[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,6}\.(?:uk|com|org|net|gov|nhs|info|scot|wales|io|co)\b(?:\/[^\s]{0,200})?/iu;

/** A sentence that starts "From <date>," and says what will be: "From next Monday, all appointments will be by phone". */
const FROM_DATE_WILL =
  /^(?:from|starting|as\s+of)\s+(?:(?:next|this)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|week|month|year|spring|summer|autumn|winter|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}{0,6}(?:\s+\d{1,2})?)\b[^.!?]{0,120}?\bwill\s+(?:be|only|need|have|go|take|run|open|move)\b/iu;

/**
 * A date a change takes effect, anywhere in the sentence: "from 1 April", "starting next month",
 * "as of Monday".
 */
const FROM_DATE =
  /\b(?:from|starting|as\s+of|beginning)\s+(?:(?:next|this|the)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|week|month|year|new\s+year|spring|summer|autumn|winter|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}{0,6}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}{0,6}(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)\b/iu;

/** A limit or rule that applies from then on: "only two visitors", "you must", "no one may". */
const RESTRICTION =
  /\b(?:only|must|cannot|can['’]t|won['’]t|will\s+not|no\s+one|nobody|no\s+longer|no\s+more|not\s+be\s+allowed|not\s+allowed|need\s+to|needs\s+to|have\s+to|has\s+to|limited\s+to|restricted\s+to|maximum\s+of|up\s+to\s+\w+\s+(?:visitors|people))\b/iu;

/** More of a service rather than a change to it: "will also be open on Saturdays", "extra clinics". */
const EXPANSION = /\b(?:also|too|as\s+well|extra|additional|more|new|open)\b/iu;

/** A single day ("this Saturday", "on Monday"): a weak change word then reads as a one-off notice. */
const ONE_DAY = /\b(?:this|on)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!s)/iu;

export default defineRule({
  meta: {
    id: 'policy_announcement',
    description:
      'Announces a new policy or service change without a link to the official statement',
    defaultSeverity: 'warn',
    audiences: ['corporate'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /** More phrases that announce a change on their own. */
      changePhrases: z.array(z.string().min(2)).default([]),
      /** More phrases that count as pointing to the statement (e.g. "see the pinned post"). */
      linkPhrases: z.array(z.string().min(2)).default([]),
    })
    .strict(),
  create(options, profile) {
    const strong = compilePhrases([...phrasesOf('change'), ...options.changePhrases]);
    const weak = compilePhrases(phrasesOf('change-weak'));
    const service = compilePhrases([
      ...phrasesOf('service'),
      ...profile.lexicon.services,
      ...profile.lexicon.places,
    ]);
    const temporary = compilePhrases(phrasesOf('temporary'));
    const linkWords = compilePhrases([...phrasesOf('link'), ...options.linkPhrases]);
    const website = profile.organisation.website;

    return (draft, report) => {
      const text = straightQuotes(draft.text);
      if (LINK.test(text) || findPhrases(linkWords, text).length > 0) return;
      for (const s of sentences(text)) {
        if (findPhrases(temporary, s.text).length > 0) continue;
        let hit = findPhrases(strong, s.text)[0];
        if (
          !hit &&
          FROM_DATE_WILL.test(s.text) &&
          !EXPANSION.test(s.text) &&
          findPhrases(service, s.text).length > 0
        ) {
          const at = s.text.search(/\bwill\s/iu);
          const m = /^will\s+\p{L}+/iu.exec(s.text.slice(at));
          if (m) hit = { start: at, end: at + m[0].length, text: m[0] };
        }
        if (!hit && !EXPANSION.test(s.text) && findPhrases(service, s.text).length > 0) {
          // "From 1 April, only two people per bed can visit": a dated limit on a service.
          const from = FROM_DATE.exec(s.text);
          const limit = from ? RESTRICTION.exec(s.text) : null;
          if (from && limit)
            hit = { start: from.index, end: from.index + from[0].length, text: from[0] };
        }
        if (!hit) {
          const w = findPhrases(weak, s.text)[0];
          if (w && !ONE_DAY.test(s.text) && findPhrases(service, s.text).length > 0) hit = w;
        }
        if (!hit) continue;
        report({
          start: s.start + hit.start,
          end: s.start + hit.end,
          message: `Unexpected change of policy or service ("${hit.text}") announced without a link, expected a link to the official statement`,
          expected: [`${text.trimEnd()} Full details: ${website}`],
          note: 'Publish the decision on the website first and link to it, so people can read what changes, why, and what to do.',
        });
        return;
      }
    };
  },
});
