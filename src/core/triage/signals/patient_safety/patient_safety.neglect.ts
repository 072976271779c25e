/**
 * patient_safety.neglect — basic care not given to someone who depends on it, now: no food or
 * drink, left wet or soiled, not turned or pressure sores, call bell unanswered, left on the floor,
 * not checked on, no pain relief.
 *
 * A described failure that is still going on (or is not placed in the past) is enough on its
 * own. The same words about something long over ("my late mum's pressure sores") are context for
 * the complaint, not an alarm; so are weak signs (sent home confused, a fall) until a second sign
 * or a plea for help backs them.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases } from '../../../text/phrases.js';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal } from '../../signal.js';
import { MAX_MATCHES, after, imaginedAt, matches, mentionsPerson, negatedLocally, sentenceText, timeframe } from '../../text/risk-context.js';

// A fall: "has fallen", "had a fall", "fell out of bed" — not "fallen asleep" or "fell behind".
const FALL =
  /(?:(?<![\p{L}])(?:has|have)|'s|'ve) (?:already |just |now |also )?fallen(?![\p{L}])(?! asleep| behind| through| apart| pregnant| ill| out with| for| in love)|(?<![\p{L}])(?:had a fall|had (?:two|three|four|several|\d) falls|fallen again|fell again|fell over|fallen over|she fell|he fell|mum fell|dad fell|nan fell)(?![\p{L}])(?! asleep| behind| through| apart| pregnant| ill| out with| for| in love| off (?:my|his|her) (?:bike|horse))/gu;
// Food and drink withheld, in any wording: "nobody's give her a drink all day", "not been offered
// anything to eat since breakfast", "hasn't had a cup of tea or water".
const NO_FOOD =
  /(?<![\p{L}])(?:nobody|no one|noone|no-one|nobody's|no one's|not|never|hasn't|hasnt|haven't|havent|hadn't|didn't|didnt|wasn't|weren't)(?: (?:has|have|had|been|even|once|actually|bothered to|bothered|yet|got|gave|give|given|offered|brought|helped)){0,4}(?: (?:her|him|them|my \w+|our \w+|me|us))?(?: with)? (?:a |any |anything to |some |one )?(?:drink|drinks|water|fluids|food|meal|meals|anything to eat|anything to drink|cup of tea|cuppa|breakfast|lunch|dinner|fed)(?![\p{L}])/gu;
const IN_CARE = /(?<![\p{L}])(?:ward|bay|bed|hospital|care home|nursing home|a&e|majors|unit|nurses?|staff|carers?|hca|hospice|cubicle|trolley|corridor)(?![\p{L}])/u;
// A call bell ringing unanswered: "call bell has been going for 40 mins", "pressed the buzzer an hour ago".
const BELL =
  /(?<![\p{L}])(?:(?:call bell|buzzer|bell|alarm|emergency cord|pull cord|pump|drip|monitor|machine)(?: \w+){0,4}? (?:going|going off|ringing|buzzing|beeping|alarming|pressed|pressing|ignored|unanswered|not answered|out of (?:her |his )?reach)(?: (?:for|since) [\p{L}\p{N} ]{1,20})?|(?:press|presses|pressed|pressing|rang|ringing|rings|ring|buzzing|buzzed) (?:the |his |her |my |their )?(?:call )?(?:bell|buzzer)(?: \w+){0,3}?)/gu;
// Left wet or soiled, in any wording: "same pad on since last night", "sheets soaked", "left my
// mother in her own faeces".
const SOILED =
  /(?<![\p{L}])(?:in (?:her|his|their|my) own (?:faeces|feces|urine|mess|poo|wee|sick|vomit|filth|excrement|waste|muck)|(?:same|dirty|wet|soiled|soaking|soaked|full|filthy|stinking|smelly) (?:incontinence )?(?:pad|pads|nappy|nappies|sheets|bedding|bed|gown|nightie|nightdress|pyjamas|clothes|trousers|catheter bag)(?: on)?(?: (?:since|for|all|overnight|from)[\p{L}\p{N} ]{0,20})?|(?:pad|pads|nappy|sheets|bedding|catheter bag|commode)(?: \w+){0,3}? (?:not (?:been )?changed|not emptied|overflowing|soaked|soaking|wet through|full to|since last night|since yesterday|all night|all day|for hours))(?![\p{L}])/gu;
// Thirst and hunger voiced by someone in care — weak signs.
const THIRST = /(?<![\p{L}])(?:thirsty|parched|starving|dehydrated|gasping for a drink|begging for (?:a drink|water|food)|lips (?:are )?(?:cracked|dry|bleeding))(?![\p{L}])/gu;
// A question about care in general ("how do you treat a pressure sore?") is not a report of neglect.
const GENERAL_QUESTION = /^\s*(?:how|what|is|are|can|could|should|do|does|why|when|where)\b[^?]*\?/;

export default defineSignal({
  meta: {
    id: 'patient_safety.neglect',
    label: 'patient_safety',
    description: 'Basic care not given now: food and drink, continence, turning and pressure care, call bells, falls, pain relief, checks',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    const list = triagePhrases('patient_safety-neglect');
    const strong = compilePhrases(list.entries.filter((e) => e.kind === 'strong').flatMap((e) => e.phrases));
    const weak = compilePhrases(list.entries.filter((e) => e.kind === 'weak').flatMap((e) => e.phrases));

    return (p, report) => {
      const weakHits: { start: number; end: number }[] = [];
      for (const m of findPhrases(strong, p.lower).slice(0, MAX_MATCHES)) {
        // "hasn't turned up" is about an appointment, not pressure care.
        if (/turned$/.test(m.text) && /^\s*(?:up|out|away|around|round|over|back)\b/.test(after(p, m.end, 10))) continue;
        if (imaginedAt(p, m.start) || negatedLocally(p, m.start)) continue;
        const s = sentenceText(p, m.start, m.end);
        const past = timeframe(p, m.start, m.end) === 'past';
        const general = GENERAL_QUESTION.test(s) || !mentionsPerson(s);
        report({
          start: m.start,
          end: m.end,
          weight: past || general ? 0.5 : 1,
          note: past ? 'Basic care not given (described as past)' : 'Basic care not given to someone who depends on it',
        });
      }
      for (const re of [NO_FOOD, BELL, SOILED]) {
        for (const m of matches(re, p.lower)) {
          const start = m.index;
          const end = start + m[0].length;
          if (imaginedAt(p, start)) continue;
          // A bell pressed once, or a drink not wanted, needs a duration or a person in care to mean neglect.
          const s = sentenceText(p, start, end);
          if (re === BELL && !/(?:for|since|ages|hours?|mins?|minutes|nobody|no one|noone|no-one|ignored|unanswered|not answered|out of|no answer|nobody comes|no one comes)/.test(s)) continue;
          if (re === SOILED && !mentionsPerson(s) && !IN_CARE.test(s)) continue;
          if (re === NO_FOOD && (!mentionsPerson(s) || !IN_CARE.test(p.lower) || (/\?/.test(s) && GENERAL_QUESTION.test(s)))) continue;
          const past = timeframe(p, start, end) === 'past';
          report({ start, end, weight: past ? 0.5 : 1, note: past ? 'Basic care not given (described as past)' : 'Basic care not given to someone who depends on it' });
        }
      }
      for (const m of findPhrases(weak, p.lower).slice(0, MAX_MATCHES)) {
        if (!imaginedAt(p, m.start) && !negatedLocally(p, m.start) && timeframe(p, m.start, m.end) !== 'past') weakHits.push(m);
      }
      for (const m of matches(THIRST, p.lower)) {
        if (!imaginedAt(p, m.index) && !negatedLocally(p, m.index) && IN_CARE.test(p.lower)) weakHits.push({ start: m.index, end: m.index + m[0].length });
      }
      for (const m of matches(FALL, p.lower)) {
        if (!imaginedAt(p, m.index) && !negatedLocally(p, m.index) && timeframe(p, m.index) !== 'past') weakHits.push({ start: m.index, end: m.index + m[0].length });
      }
      const w = weakHits.length >= 2 ? 1 : 0.5;
      for (const h of weakHits) report({ ...h, weight: w, note: 'Possibly unsafe care or discharge' });
    };
  },
});
