/**
 * pii.phone — a UK phone number (or one with another country's code) that belongs to a person.
 * A published service line is not personal data: the profile's own numbers are never reported,
 * and neither is a number the draft itself presents as a service's line ("call our PALS team
 * on …", "our switchboard is …") unless something ties it to an individual ("call you back on",
 * "her mobile", "Lisa's number") (PUB-3).
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { compilePhrases } from '../../text/phrases.js';
import { findPhoneNumbers, ukNationalDigits } from '../../text/uk-phone.js';
import { execAll } from '../../text/exec-all.js';

const RELATIVES =
  'mum|mother|mam|mom|dad|father|husband|wife|partner|son|daughter|brother|sister|nan|nana|nanna|gran|granny|grandma|grandad|granddad|grandpa|grandmother|grandfather|grandson|granddaughter|aunt|auntie|uncle|cousin|niece|nephew|friend|neighbour|carer|child|kid|baby|fianc[eé]e?|boyfriend|girlfriend|patient|relative|family';

const NUMBER_WORDS =
  '(?:mobile|mob|cell|number|no\\.?|phone|telephone|tel|landline|contact\\s+(?:number|details)|direct\\s+line|extension|ext)';

/** Clues, in the text just before a number, that it belongs to a person. */
const PERSONAL_BEFORE: readonly RegExp[] = [
  // "call you back on", "ring me", "text her on", "get back to you on"
  /\b(?:call|ring|phone|text|txt|contact|reach|message|whatsapp|email|speak\s+to|talk\s+to|get\s+(?:back\s+)?to|get\s+hold\s+of)\s+(?:you|u|me|him|her)\b/i,
  /\b(?:you|me|him)\s+(?:back\s+|directly\s+|personally\s+|later\s+|today\s+|tomorrow\s+|again\s+)?(?:on|at)\s*$/i,
  // "my mobile", "your number", "her direct line", "their mobile"
  new RegExp(
    `\\b(?:my|your|his|her|ur)\\s+(?:own\\s+|personal\\s+|home\\s+|work\\s+|new\\s+|private\\s+)?${NUMBER_WORDS}`,
    'i',
  ),
  /\btheir\s+(?:own\s+|personal\s+|home\s+|private\s+)?(?:mobile|mob|cell|landline)\b/i,
  // "your mum's number", "the patient's mobile", "my daughter on"
  new RegExp(
    `\\b(?:${RELATIVES})(?:'s|’s|s')?\\s+(?:${NUMBER_WORDS}|(?:is\\s+)?(?:on|at)\\s*$)`,
    'i',
  ),
  // "mobile: 07700…", "mob 07700…"
  /\b(?:mobile|mob|cell)(?:\s+(?:no\.?|number|phone))?\s*[:\-–]?\s*$/i,
  /\b(?:private\s+number|personal\s+number|home\s+number|home\s+phone)\b/i,
];

// A capitalised name with a possessive before a number word ("Sharon's mobile"); or a call verb
// and a capitalised name ("call Sharon on"). The name is checked against service words after.
const NAME_POSSESSIVE = new RegExp(`(\\p{Lu}\\p{Ll}+)(?:'s|’s)\\s+${NUMBER_WORDS}`, 'gu');
const CALL_NAME =
  /\b(?:[Cc]all|[Rr]ing|[Pp]hone|[Tt]ext|[Cc]ontact|[Rr]each|[Mm]essage|[Aa]sk\s+for)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+(?:directly\s+|personally\s+|back\s+)?(?:on|at)\b/gu;
// A person's title and name: "Dr Okafor", "Mrs Patel", "Nurse Jones".
const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Nurse|Sister|Matron|Prof|Professor)\.?\s+\p{Lu}\p{Ll}+/u;

/** Clues just after a number that it belongs to a person: "07700 900123 (mobile)". */
const PERSONAL_AFTER =
  /^\s*[(,–-]?\s*(?:my|his|her|their|your)?\s*(?:mobile|mob|cell|home|personal|private)\b|^\s*\(?(?:her|his|my|your)\b/i;

/** A label saying the digits are a reference, not a phone number: "order ref 0123456789". */
const REFERENCE_BEFORE =
  /\b(?:ref|reference|order|invoice|ticket|account|acct|tracking|booking|case|claim|serial|policy|transaction|receipt|nhs|hospital|mrn|crime|incident)(?:\s+(?:no\.?|number|num|id|code|ref))?\.?(?:\s+(?:is|was))?\s*[:#.-]?\s*$/i;

/** Non-geographic ranges that individuals do not hold: 03, 08 and 09. */
const NON_GEOGRAPHIC = /^0[389]/;

/** Clues that a number is an organisation's line: "call us on", "our …", opening hours after. */
const SERVICE_BEFORE = /\b(?:us|our)\b/i;
const SERVICE_AFTER =
  /^\s*[(,–-]?\s*(?:(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|weekdays?|daily|open|lines\s+(?:are\s+)?open|24\s*(?:\/\s*7|hours?)|free(?:phone)?|option|press|calls?\s+(?:cost|are\s+free))\b|\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b)|^\s*,?\s*(?:and\s+)?(?:to\s+(?:speak|talk)\s+to|ask\s+for|to\s+reach|to\s+contact)\s+(?:the|our|a|your)\b/i;

/** The text just before `pos` on the same line, at most `max` characters. */
const lineBefore = (text: string, pos: number, max: number): string => {
  const s = text.slice(Math.max(0, pos - max), pos);
  return s.slice(s.lastIndexOf('\n') + 1);
};

export default defineRule({
  meta: {
    id: 'pii.phone',
    description: 'A personal phone number (not a published service line)',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /** More published numbers that may appear, written any way. */
      allow: z.array(z.string()).default([]),
      /**
       * Leave a number alone when the draft presents it as a service's line ("call our PALS team
       * on …") and nothing ties it to a person. Off: only the profile's numbers are left alone.
       */
      serviceContext: z.boolean().default(true),
    })
    .strict(),
  create(options, profile) {
    const own = new Set<string>();
    const addOwn = (n: string | undefined) => {
      const d = n ? ukNationalDigits(n) : null;
      if (d) own.add(d);
    };
    for (const s of profile.organisation.servicePhoneNumbers) addOwn(s.number);
    for (const t of Object.values(profile.teams)) addOwn(t?.phone);
    for (const n of options.allow) addOwn(n);

    const list = phraseList('pii-phone');
    const kindOf = (kind: string): string[] =>
      allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });
    // Words for a line, a team or a place, and named helplines: "helpline", "PALS team", "ward".
    const lineMatcher = compilePhrases([
      ...kindOf('line'),
      ...kindOf('helpline'),
      ...Object.values(profile.teams).map((t) => t?.name ?? ''),
    ]);
    // Staff by role: "our diabetes nurses are on", "call the site manager on".
    const roleMatcher = compilePhrases(kindOf('role'));
    // "Our ward's direct line is", "extension 4417", "the team mobile".
    const directMatcher = compilePhrases(kindOf('direct'));
    const serviceNames = [
      ...kindOf('line'),
      ...kindOf('helpline'),
      ...profile.organisation.nameVariants,
      profile.organisation.name,
      ...(profile.organisation.shortName ? [profile.organisation.shortName] : []),
      ...profile.partners.flatMap((p) => [p.name, ...p.aliases]),
      ...Object.values(profile.teams).map((t) => t?.name ?? ''),
      ...profile.organisation.servicePhoneNumbers.map((s) => s.label.replace(/\(.*?\)/g, '')),
      ...profile.lexicon.places,
      ...profile.lexicon.services,
    ];
    const serviceMatcher = compilePhrases(serviceNames);
    // Given names, to tell "call Sharon on" (a person) from "call Boots on" (a business).
    const givenNames = new Set(
      allPhrases(phraseList('pii-person-care-names')).map((n) => n.toLowerCase()),
    );
    const isServiceWord = (name: string): boolean => {
      if (!serviceMatcher) return false;
      serviceMatcher.lastIndex = 0;
      return serviceMatcher.test(name);
    };

    const personalBefore = (window: string): boolean => {
      if (PERSONAL_BEFORE.some((re) => re.test(window))) return true;
      if (TITLED.test(window)) return true;
      for (const m of execAll(NAME_POSSESSIVE, window)) if (!isServiceWord(m[1]!)) return true;
      for (const m of execAll(CALL_NAME, window)) {
        const first = m[1]!.split(/\s+/)[0]!.toLowerCase();
        if (givenNames.has(first) && !isServiceWord(m[1]!)) return true;
      }
      return false;
    };
    /**
     * A number that reaches people directly: introduced as a direct line or extension, or for
     * staff by role with no line, team or place named ("our diabetes nurses are on …", "call
     * the site manager on …"). Only the profile can make it a published line.
     */
    const roleLine = (window: string): boolean => {
      if (directMatcher) {
        directMatcher.lastIndex = 0;
        if (directMatcher.test(window)) return true;
      }
      if (!roleMatcher) return false;
      roleMatcher.lastIndex = 0;
      if (!roleMatcher.test(window)) return false;
      if (!lineMatcher) return true;
      lineMatcher.lastIndex = 0;
      return !lineMatcher.test(window);
    };
    const serviceBefore = (window: string): boolean => {
      if (SERVICE_BEFORE.test(window)) return true;
      return isServiceWord(window);
    };

    return (draft, report) => {
      const text = draft.text;
      if (!/[0-9]/.test(text)) return;
      let previousEnd = 0;
      for (const m of findPhoneNumbers(text)) {
        const windowStart = previousEnd;
        previousEnd = m.end;
        if (!m.foreign && own.has(m.number)) continue;
        if (REFERENCE_BEFORE.test(lineBefore(text, m.start, 40))) continue;
        if (options.serviceContext) {
          // The clause leading up to the number: back to the previous number or the start of the
          // sentence or line, at most 120 characters; and the rest of its sentence after it.
          let from = Math.max(windowStart, m.start - 120);
          const head = text.slice(from, m.start);
          const stop = Math.max(head.lastIndexOf('\n'), head.search(/[.!?]\s+[^.!?]*$/));
          if (stop >= 0) from += stop + 1;
          const before = text.slice(from, m.start);
          const after = text.slice(m.end, Math.min(text.length, m.end + 60)).split(/[.!?\n]/)[0]!;
          const personal = personalBefore(before) || PERSONAL_AFTER.test(after);
          if (personal) {
            // Reported below.
          } else if (!m.foreign && NON_GEOGRAPHIC.test(m.number)) {
            // 03, 08 and 09 numbers are organisations' lines (Ofcom gives 03 to public bodies and
            // charities, 08 to freephone and business lines): reported only when tied to a person.
            continue;
          } else if (roleLine(before)) {
            // Reported below: a direct line to staff, not a published service line.
          } else if (serviceBefore(before) || SERVICE_AFTER.test(after)) continue;
        }
        const actual = text.slice(m.start, m.end);
        report({
          start: m.start,
          end: m.end,
          message: `Unexpected phone number "${actual}", expected it removed: a person's phone number is personal data`,
          expected: ['[phone number removed]'],
          note: 'Ask the person to send their number by private message. If this is a published service line, introduce it as one ("call our PALS team on …") or add it to the profile’s organisation.servicePhoneNumbers.',
        });
      }
    };
  },
});
