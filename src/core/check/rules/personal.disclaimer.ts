/**
 * personal.disclaimer — a staff member's personal post that talks about their workplace without
 * saying the views are their own (STF-1). Readers may take a post about "my trust" or a named NHS
 * body as the organisation speaking; a short disclaimer keeps the two apart.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases, type PhraseMatch } from '../../text/phrases.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

const list = phraseList('personal-disclaimer');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });

/**
 * Disclaimers written more loosely than the list: "Views expressed here are entirely my own",
 * "opinions = mine", "all thoughts are my own, not my employer's".
 */
const LOOSE_DISCLAIMER =
  /\b(?:views?|opinions?|thoughts?|tweets?|posts?|words?)\b[^.!?\n]{0,40}?\b(?:my own|mine|personal|not (?:those )?of my employer)\b|\bRTs?\s*(?:≠|!=|=\/=|are not|aren't|not)\s*endorse/iu;

/**
 * Working at or for a named NHS place: "working at the Royal United Hospital", "I work for the
 * NHS", "my placement at Riverside Health Centre". The name (up to six words) must read as a
 * health body, so "working at Glastonbury this weekend" is not about the organisation.
 */
const WORK_AT =
  /\b(?:(?:I|[Ww]e|to)\s+(?:work|worked)\s+(?:at|for|in)|[Ww]orking\s+(?:at|for)|(?:[Mm]y|[Oo]ur)\s+(?:new\s+)?(?:job|role|post|placement|rotation)\s+(?:at|with|in))\s+(?:the\s+)?\p{Lu}[\p{L}&'’-]*(?:\s+(?:(?:of|and|&)\s+)?\p{Lu}[\p{L}&'’-]*){0,5}/gu;
/** Words that make a name a health body: NHS, hospital, trust, health centre, surgery… */
const HEALTH_BODY =
  /\b(?:NHS|Hospitals?|Trust|Infirmary|Health|Healthcare|Clinic|Surgery|Practice|Medical|ICB|CCG|Hospice|Ambulance|Care|Centre|Board)\b/u;

/** "management" meaning the bosses, not "pain management" or "the management of diabetes". */
const MANAGEMENT =
  /\b(?:by|from|our|trust|hospital|senior|ward|upper|top|middle|the)\s+management\b(?!\s+(?:of|plan|plans|programme|course|service|services|clinic)\b)|\bmanagement\s+(?:don't|doesn't|do not|does not|never|won't|have|has|are|keep|keeps|think|want|wants|says|said|told|need|needs)\b/giu;

export default defineRule({
  meta: {
    id: 'personal.disclaimer',
    description:
      'A personal post about the workplace without a line saying the views are the author’s own',
    defaultSeverity: 'warn',
    audiences: ['personal'],
    requirements: ['STF-1'],
  },
  options: z
    .object({
      /** More words that mark a post as being about the workplace (e.g. a hospital's nickname). */
      workplace: z.array(z.string().min(2)).default([]),
      /** More accepted disclaimers. */
      disclaimers: z.array(z.string().min(2)).default([]),
    })
    .strict(),
  create(options, profile) {
    const org = profile.organisation;
    const names = [...org.nameVariants, org.name, ...(org.shortName ? [org.shortName] : [])];
    const workplace = compilePhrases([...phrasesOf('workplace'), ...names, ...options.workplace]);
    const disclaimer = compilePhrases([...phrasesOf('disclaimer'), ...options.disclaimers]);

    return (draft, report) => {
      const text = straightQuotes(draft.text);
      if (findPhrases(disclaimer, text).length > 0 || LOOSE_DISCLAIMER.test(text)) return;
      const hits: PhraseMatch[] = [...findPhrases(workplace, text)];
      WORK_AT.lastIndex = 0;
      for (const m of execAll(WORK_AT, text))
        if (HEALTH_BODY.test(m[0]))
          hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      MANAGEMENT.lastIndex = 0;
      for (const m of execAll(MANAGEMENT, text))
        hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      if (hits.length === 0) return;
      hits.sort((a, b) => a.start - b.start);
      const first = hits[0]!;
      report({
        start: first.start,
        end: first.end,
        message: `Unexpected post about your workplace ("${first.text}") without a disclaimer, expected a line such as "Views my own" so readers do not take it as the organisation speaking`,
        expected: [`${text.trimEnd()} Views my own.`],
        note: 'Add "Views my own" to the post or your bio. A disclaimer does not cover confidential information, grievances or advice.',
      });
    };
  },
});
