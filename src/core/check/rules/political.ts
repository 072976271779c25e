/**
 * political — party-political content, and campaigning or announcements in a restricted period
 * (PUB-3, PUB-5). NHS bodies must stay politically neutral, and staff who can be identified as
 * NHS staff should not use that to campaign. During a pre-election period announcements are held
 * back; during an embargo that blocks publishing, nothing goes out.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { compilePhrases, findPhrases, type PhraseMatch } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';
import type { Profile } from '../../profile/schema.js';
import { execAll } from '../../text/exec-all.js';

const list = phraseList('political-phrases');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });

/**
 * Party names that are also ordinary words, matched with their capital letter: "Labour" (not the
 * labour ward), "Conservatives" (not conservative treatment), "the Greens", "Reform" as a party.
 */
const AMBIGUOUS_PARTY =
  /(?<![\p{L}\p{N}])(?:Labour|Conservatives?|Greens?|Reform)(?:['’]s)?(?![\p{L}\p{N}])/gu;

/** Words after "Labour" that make it childbirth, not the party. */
const LABOUR_BIRTH_AFTER =
  /^\s*(?:ward|wards|suite|unit|room|rooms|pains?|and\s+(?:birth|delivery)|&\s+(?:birth|delivery)|induction|positions?|stages?|support|partners?|team|line|triage|pool|care|signs|begins|starts|started)\b/iu;
/** Words before "Labour" that make it childbirth. */
const LABOUR_BIRTH_BEFORE =
  /\b(?:in|early|active|established|induced|induction\s+of|stages?\s+of|during|onset\s+of|preterm|premature|false|of|your|her|a|the|long|quick|fast|slow|obstructed)\s+$/iu;
/** Words after "Conservative" that make it a clinical approach. */
const CONSERVATIVE_CLINICAL_AFTER =
  /^\s*(?:treatment|management|care|approach|therapy|surgery|measures|options?|estimate)\b/iu;
/** Words after a bare party word that make it the party whatever the position. */
const PARTY_CONTEXT_AFTER =
  /^\s*(?:party|government|MPs?|councillors?|leader|leadership|manifesto|candidates?|voters|supporters|minister|ministers|council|administration|plans?\s+for\s+the\s+NHS|lot|landslide|victory|win|activists?|campaigners?|members?\s+of\s+parliament|peers?)\b/iu;

/** "The minister must go", "the Health Secretary should resign". */
const MUST_GO =
  /\b(?:minister|secretary|prime\s+minister|PM|government|chancellor|leader|they)\s+(?:must|should|needs\s+to|has\s+to|have\s+to)\s+(?:go|resign|quit|be\s+sacked)\b/giu;

/** The government blamed: "this government's failure", "the government has wrecked …". */
const GOVERNMENT_BLAME =
  /\b(?:the|this|current)\s+government(?:['’]s)?\s+(?:has\s+|have\s+)?(?:cuts|failed|failure|failures|wrecked|destroyed|broken|broke|betrayed|lied|lies|incompetence|underfunding|neglect|war\s+on|attack\s+on|attacks\s+on)\b/giu;

/**
 * Who party politics is about when no party is named: the government, ministers, the Prime
 * Minister, an MP. Praise or blame aimed at them (the evaluative list) is party-political.
 */
const ACTOR =
  /\b(?:the|this|our|your|their|current|last|previous|new)\s+(?:government|PM|Prime\s+Minister|Chancellor|Health\s+Secretary|Secretary\s+of\s+State|ministers?|cabinet|MPs?|local\s+MP)\b|\b(?:Westminster|Downing\s+Street|Number\s+10|politicians|ministers)\b/giu;

/** Words about childbirth: a sentence with them uses "labour" in its other sense. */
const BIRTH_WORDS =
  /\b(?:midwi(?:fe|ves)|bab(?:y|ies)|birth|pregnan\w*|contractions?|epidural|induc\w+|newborns?|maternity)\b/iu;

/** Campaigning against the government: "join the rally outside Parliament", "sign the petition to stop ministers". */
const PROTEST =
  /\b(?:rally|march|protest|petition|demo|demonstration|lobby)\b[^.!?\n]{0,60}?\b(?:government|ministers?|Parliament|Downing\s+Street|Westminster|Tories|MPs?)\b/giu;

/** "Vote for …" counts as electioneering only with an election around it, not a staff award. */
const VOTE_FOR = /\bvote\s+for\b/giu;
const ELECTION_CONTEXT =
  /\b(?:elections?|polling|ballot|MPs?|candidates?|party|parties|government|manifesto|Westminster|Downing\s+Street|on\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:May|June|July|December)|next\s+Thursday)\b/iu;
const AWARD_CONTEXT =
  /\b(?:awards?|nominat\w*|shortlist\w*|finalists?|competition|category|prize|winner|name\s+the)\b/iu;

const isSentenceStart = (text: string, at: number): boolean =>
  /(?:^|[.!?:\n]\s*|^\s*["'‘“(]?)$/u.test(text.slice(Math.max(0, at - 4), at)) || at === 0;

/** Find party names that are also ordinary words, where they mean the party. */
function ambiguousParties(text: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  AMBIGUOUS_PARTY.lastIndex = 0;
  for (const m of execAll(AMBIGUOUS_PARTY, text)) {
    const word = m[0];
    const end = m.index + word.length;
    const after = text.slice(end, end + 40);
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const start = isSentenceStart(text, m.index);
    const bare = word.replace(/['’]s$/u, '');
    let party = PARTY_CONTEXT_AFTER.test(after) || /\bvot(?:e|ed|ing)\s+$/iu.test(before);
    if (!party && !start) {
      if (bare === 'Labour')
        party = !LABOUR_BIRTH_AFTER.test(after) && !LABOUR_BIRTH_BEFORE.test(before);
      else if (bare === 'Conservative') party = !CONSERVATIVE_CLINICAL_AFTER.test(after);
      else if (bare === 'Conservatives') party = true;
      else if (bare === 'Greens') party = /\bthe\s+$/iu.test(before);
      // "Reform" and "Green" alone are too often "reform of services" and "green space"; they
      // need party context (checked above).
    } else if (!party && start && bare === 'Conservatives') {
      party = true;
    }
    if (party) out.push({ start: m.index, end, text: word });
  }
  return out;
}

/** The local calendar date of an ISO timestamp in the profile's time zone, or undefined. */
function localDate(iso: string, profile: Profile): string | undefined {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) return undefined;
  return dt.setZone(profile.hours.timeZone).toISODate() ?? undefined;
}

export default defineRule({
  meta: {
    id: 'political',
    description: 'Party-political content, or campaigning and announcements in a restricted period',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3', 'PUB-5'],
  },
  options: z
    .object({
      /** More partisan phrases for the organisation's area (e.g. a local party or campaign name). */
      extraPhrases: z.array(z.string().min(2)).default([]),
      /** Whether a draft scheduled in a pre-election period is checked for announcements. */
      preElectionAnnouncements: z.boolean().default(true),
    })
    .strict(),
  create(options, profile) {
    const party = compilePhrases(phrasesOf('party'));
    const partisan = compilePhrases([...phrasesOf('partisan'), ...options.extraPhrases]);
    const civic = compilePhrases(phrasesOf('civic'));
    const announcement = compilePhrases(phrasesOf('announcement'));
    const politician = compilePhrases(phrasesOf('politician'));
    const evaluative = compilePhrases(phrasesOf('evaluative'));
    const evaluativeWeak = compilePhrases(phrasesOf('evaluative-weak'));
    const note =
      'NHS organisations stay politically neutral; staff should not campaign while identifiable as NHS staff.';

    return (draft, report) => {
      const text = straightQuotes(draft.text);
      const hits: { m: PhraseMatch; why: string }[] = [];
      for (const m of findPhrases(party, text))
        hits.push({ m, why: 'mention of a political party' });
      for (const m of ambiguousParties(text)) hits.push({ m, why: 'mention of a political party' });
      for (const m of findPhrases(partisan, text))
        hits.push({ m, why: 'party-political campaigning' });
      for (const re of [MUST_GO, GOVERNMENT_BLAME]) {
        re.lastIndex = 0;
        for (const m of execAll(re, text))
          hits.push({
            m: { start: m.index, end: m.index + m[0].length, text: m[0] },
            why: 'party-political campaigning',
          });
      }
      PROTEST.lastIndex = 0;
      for (const m of execAll(PROTEST, text)) {
        // Only when nothing more specific ("march against", "the government's cuts") says it.
        const end = m.index + m[0].length;
        if (hits.some((h) => h.m.start < end && m.index < h.m.end)) continue;
        hits.push({
          m: { start: m.index, end: m.index + m[0].length, text: m[0] },
          why: 'campaigning against the government',
        });
      }

      // Praise or blame aimed at a party, a politician or the government: "Keir Starmer is the
      // only one who will fix the NHS", "The Prime Minister has let us down". A politician named
      // without it ("the Health Secretary opened our new ward") is fine.
      // Most posts praise or blame nobody: the sentence pass runs only when some evaluative
      // wording is present.
      const anyEval =
        findPhrases(evaluative, text).length > 0 || findPhrases(evaluativeWeak, text).length > 0;
      VOTE_FOR.lastIndex = 0;
      const sents = anyEval || VOTE_FOR.test(text) ? sentences(text) : [];
      VOTE_FOR.lastIndex = 0;
      let previousActor = false;
      for (const s of anyEval ? sents : []) {
        const evals = findPhrases(evaluative, s.text);
        const actors: PhraseMatch[] = [
          ...findPhrases(party, s.text),
          ...ambiguousParties(s.text),
          ...findPhrases(politician, s.text),
        ];
        // "Reform will ruin the NHS": a party word that also has an ordinary meaning counts as
        // the party when the sentence praises or blames it, unless it is plainly childbirth.
        if (evals.length > 0 && actors.length === 0 && !BIRTH_WORDS.test(s.text)) {
          AMBIGUOUS_PARTY.lastIndex = 0;
          for (const m of execAll(AMBIGUOUS_PARTY, s.text)) {
            const end = m.index + m[0].length;
            const after = s.text.slice(end, end + 40);
            const before = s.text.slice(Math.max(0, m.index - 30), m.index);
            if (LABOUR_BIRTH_AFTER.test(after) || LABOUR_BIRTH_BEFORE.test(before)) continue;
            if (CONSERVATIVE_CLINICAL_AFTER.test(after) || /^\s*(?:of|in|to)\b/iu.test(after))
              continue;
            const hit = { start: m.index, end, text: m[0] };
            actors.push(hit);
            hits.push({
              m: { start: s.start + hit.start, end: s.start + hit.end, text: hit.text },
              why: 'mention of a political party',
            });
          }
        }
        ACTOR.lastIndex = 0;
        for (const m of execAll(ACTOR, s.text))
          actors.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
        // General criticism ("a joke", "a disaster") counts only against a named party,
        // politician or the government, never through the ambiguous words above.
        if (actors.length > 0) evals.push(...findPhrases(evaluativeWeak, s.text));
        const hadActor = previousActor;
        previousActor = actors.length > 0;
        // "… for 14 years. Shame on them.": blame in the next sentence, aimed back at them.
        const aimedBack =
          actors.length === 0 &&
          hadActor &&
          evals.find((e) => /\b(?:them|him|her|they|time\s+for)/iu.test(e.text));
        if (aimedBack) {
          hits.push({
            m: {
              start: s.start + aimedBack.start,
              end: s.start + aimedBack.end,
              text: aimedBack.text,
            },
            why: 'party-political comment',
          });
          continue;
        }
        if (actors.length === 0 || evals.length === 0) continue;
        for (const a of findPhrases(politician, s.text))
          hits.push({
            m: { start: s.start + a.start, end: s.start + a.end, text: a.text },
            why: 'praise or blame of a politician',
          });
        const e = evals[0]!;
        hits.push({
          m: { start: s.start + e.start, end: s.start + e.end, text: e.text },
          why: 'party-political comment',
        });
      }

      if (ELECTION_CONTEXT.test(text) && !AWARD_CONTEXT.test(text)) {
        VOTE_FOR.lastIndex = 0;
        for (const m of execAll(VOTE_FOR, text)) {
          // "Vote for our nurse" in an awards post is fine; so is where to vote.
          const s = sents.find((x) => x.start <= m.index && m.index < x.end);
          if (s && findPhrases(civic, s.text).length > 0) continue;
          hits.push({
            m: { start: m.index, end: m.index + m[0].length, text: m[0] },
            why: 'electioneering',
          });
        }
      }
      hits.sort((a, b) => a.m.start - b.m.start);
      for (const { m, why } of hits) {
        report({
          start: m.start,
          end: m.end,
          message: `Unexpected ${why} ("${m.text}"), expected politically neutral content`,
          note,
        });
      }

      if (!draft.publishAt || profile.restrictedPeriods.length === 0) return;
      const day = localDate(draft.publishAt, profile);
      if (!day) return;
      for (const p of profile.restrictedPeriods) {
        if (day < p.start || day > p.end) continue;
        if (p.kind === 'pre-election') {
          if (!options.preElectionAnnouncements) continue;
          // Neutral "how to vote" information and routine service messages carry on as usual.
          if (findPhrases(civic, text).length > 0) continue;
          const a =
            findPhrases(announcement, text)[0] ??
            (/£\s?\d/u.exec(text)
              ? { start: text.indexOf('£'), end: text.indexOf('£') + 1, text: '£' }
              : undefined);
          if (!a) continue;
          report({
            start: a.start,
            end: a.end,
            message: `Unexpected announcement ("${a.text}") scheduled in the restricted period "${p.name}" (${p.start} to ${p.end}), expected it held back until the period ends`,
            note:
              p.action === 'named-approver' && p.approver
                ? `Publishing in this period needs approval from ${p.approver}.`
                : 'Reschedule after the period ends, or ask the communications team.',
          });
        } else if (p.action === 'block') {
          report({
            start: 0,
            end: 0,
            message: `Unexpected post scheduled in the restricted period "${p.name}" (${p.start} to ${p.end}), expected a publishing time outside it`,
            note: 'Nothing may be published in this period; reschedule it after the period ends.',
          });
        }
      }
    };
  },
});
