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
import { compilePhrases } from '../../../text/phrases.js';
import { findPhrases } from '../../text/prefilter.js';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal } from '../../signal.js';
import {
  MAX_MATCHES,
  after,
  imaginedAt,
  matches,
  mentionsPerson,
  mentionsVulnerable,
  negatedLocally,
  sentenceText,
  timeframe,
} from '../../text/risk-context.js';

// A fall: "has fallen", "had a fall", "fell out of bed" — not "fallen asleep" or "fell behind".
const FALL =
  /(?:(?<![\p{L}])(?:has|have)|'s|'ve) (?:already |just |now |also )?fallen(?![\p{L}])(?! asleep| behind| through| apart| pregnant| ill| out with| for| in love)|(?<![\p{L}])(?:had a fall|had (?:two|three|four|several|\d) falls|fallen again|fell again|fell over|fallen over|she fell|he fell|mum fell|dad fell|nan fell)(?![\p{L}])(?! asleep| behind| through| apart| pregnant| ill| out with| for| in love| off (?:my|his|her) (?:bike|horse))/gu;
// Food and drink withheld, in any wording: "nobody's give her a drink all day", "not been offered
// anything to eat since breakfast", "hasn't had a cup of tea or water".
const NO_FOOD =
  /(?<![\p{L}])(?:nobody|no one|noone|no-one|nobody's|no one's|not|never|hasn't|hasnt|haven't|havent|hadn't|didn't|didnt|wasn't|weren't|won't|wont|will not|refuse to|refuses to|refusing to|refused to|stopped)(?: (?:has|have|had|been|even|once|actually|bothered to|bothered|yet|got|gave|give|given|offered|brought|helped)){0,4}(?: (?:her|him|them|my \w+|our \w+|me|us))?(?: with)? (?:a |any |anything to |some |one )?(?:drink|drinks|water|fluids|food|meal|meals|anything to eat|anything to drink|cup of tea|cuppa|tea|supper|breakfast|lunch|dinner|fed)(?![\p{L}])/gu;
const IN_CARE =
  /(?<![\p{L}])(?:ward|bay|bed|hospital|care home|nursing home|a&e|majors|unit|nurses?|staff|carers?|hca|hospice|cubicle|trolley|corridor|dnr|dnacpr|inpatient|in-patient|end of life|palliative|they won't|they wont|they refuse)(?![\p{L}])/u;
// The means to call for help or to eat taken away: "they've taken his call bell away", "still
// haven't let him eat or drink".
const TAKEN_AWAY =
  /(?<![\p{L}])(?:(?:taken|took|removed|moved|unplugged) (?:away )?(?:his|her|their|my|mum's|dad's|nan's) (?:call bell|buzzer|bell|alarm)(?: away| out of (?:his |her )?reach)?|(?:haven't|hasn't|have not|has not|not|won't|wont|didn't) (?:been )?(?:let|allowed|letting|allowing) (?:him|her|them|me|my \w+) (?:to )?(?:eat|drink|have a drink|have anything|have water))(?![\p{L}])/gu;
// A call bell ringing unanswered: "call bell has been going for 40 mins", "pressed the buzzer an hour ago".
const BELL =
  /(?<![\p{L}])(?:(?:call bell|buzzer|bell|alarm|emergency cord|pull cord|pump|drip|monitor|machine)(?: \w+){0,4}? (?:going|going off|ringing|buzzing|beeping|alarming|pressed|pressing|ignored|unanswered|not answered|out of (?:her |his )?reach)(?: (?:for|since) [\p{L}\p{N} ]{1,20})?|(?:press|presses|pressed|pressing|rang|ringing|rings|ring|buzzing|buzzed) (?:the |his |her |my |their )?(?:call )?(?:bell|buzzer)(?: \w+){0,3}?)/gu;
// Help with eating, drinking or the toilet not given: "not been assisted with eating for days",
// "nobody helped him to the loo", "meals removed untouched".
const NO_HELP =
  /(?<![\p{L}])(?:(?:not|n't|never|nobody|no one|no-one|noone|no help)(?: [\p{L}']+){0,3}? (?:assisted|assist|assisting|helped|help|helping|supported|support|prompted|encouraged|taken|took|take)(?: [\p{L}']+){0,2}? (?:with|to) (?:eat|eating|his meals|her meals|meals|food|drink|drinking|fluids|feed|feeding|wash|washing|the toilet|toilet|the loo|loo|the bathroom|toileting|dress|dressing)|(?:meals?|food|tray|trays|dinner|lunch|breakfast)(?: [\p{L}']+){0,3}? (?:removed|taken away|left|cleared)(?: [\p{L}']+){0,2}? untouched|untouched (?:meals|food|trays))(?![\p{L}])/gu;
// Left wet or soiled, in any wording: "same pad on since last night", "sheets soaked", "left my
// mother in her own faeces".
const SOILED =
  /(?<![\p{L}])(?:(?:left|leaving|leave|leaves)(?: (?:him|her|them|my \w+|our \w+|mum|dad|nan))? (?:sitting |lying |laying |sat )?in (?:it|that|the mess|the muck|(?:her|his|their) mess)|in (?:her|his|their|my) own (?:faeces|feces|urine|mess|poo|wee|sick|vomit|filth|excrement|waste|muck)|(?:same|dirty|wet|soiled|soaking|soaked|full|filthy|stinking|smelly) (?:incontinence )?(?:pad|pads|nappy|nappies|sheets|bedding|bed|gown|nightie|nightdress|pyjamas|clothes|trousers|catheter bag)(?: on)?(?: (?:since|for|all|overnight|from)[\p{L}\p{N} ]{0,20})?|(?:pad|pads|nappy|sheets|bedding|catheter bag|commode)(?: \w+){0,3}? (?:not (?:been )?changed|not emptied|overflowing|soaked|soaking|wet through|full to|since last night|since yesterday|all night|all day|for hours))(?![\p{L}])/gu;
// Thirst and hunger voiced by someone in care — weak signs.
const THIRST =
  /(?<![\p{L}])(?:thirsty|parched|starving|dehydrated|gasping for a drink|begging for (?:a drink|water|food)|lips (?:are )?(?:cracked|dry|bleeding))(?![\p{L}])/gu;
// Someone on the floor now: "she's now on the kitchen floor", "he's been lying on the floor".
const ON_FLOOR =
  /(?<![\p{L}])(?:(?:(?:she|he|they|i|mum|mam|dad|nan|gran|grandad|grandma|patient|husband|wife|son|daughter|brother|sister|uncle|aunt|partner)(?:'s|'re|'ve been|'m| am| is| are| was| were| has been| have been| had been| been| is still| has)|(?:^|(?<=[.!?\n]\s{0,3}))(?:been|still))(?: (?:now|still|just|been))? (?:lying |laying |sat |sitting |stuck |collapsed )?on the (?:\p{L}+ )?floor|(?:fell|fallen|collapsed|slipped) (?:on|onto|to) the (?:\p{L}+ )?floor)(?![\p{L}])/gu;
// Left somewhere for a long time: "left my husband in the chair since 8am", "left her on the commode".
const LEFT_IN =
  /(?<![\p{L}])(?:left|leaving|leave|kept|keeping)(?: (?:him|her|them|my \w+|our \w+|residents|patients|the patient|mum|dad|nan))? (?:sat |sitting |lying |stuck |alone )?(?:in|on) (?:a|the|his|her|their) (?:chair|bed|corridor|toilet|commode|bath|wheelchair|trolley|bathroom|floor|bedpan)(?: (?:for|since|all|overnight|till|until)(?: [\p{L}\p{N}:]+){1,3})?/gu;
// Pressure damage described by where it is: "a sore on his sacrum".
const SORE_ON =
  /(?<![\p{L}])(?:sore|sores|ulcer|ulcers|blister|blisters|wound|wounds|broken skin) (?:on|to) (?:his|her|their|my|mum's|dad's) (?:sacrum|heels?|bottom|bum|hips?|buttocks|coccyx|elbows?|ankles?|spine|tailbone)(?![\p{L}])/gu;
// Found in danger: "found on her doorstep this morning", "found collapsed in the street".
const FOUND =
  /(?<![\p{L}])found (?:him |her |them |my \w+ )?(?:collapsed|unconscious|unresponsive|on (?:the|her|his|their) (?:\p{L}+ )?(?:floor|doorstep|ground|stairs|step|steps|drive|path)|in the (?:street|road|garden|snow|rain|bath))(?![\p{L}])/gu;
// Discharge at night or alone: "sent my 90 year old nan home at midnight in a taxi".
const NIGHT_DISCHARGE =
  /(?<![\p{L}])(?:sent|discharged|discharging|sending|put)(?: [\p{L}\p{N}']+){0,5}? (?:home |out )?(?:at|after|in the middle of the|in the early hours|around|about) ?(?:midnight|night|the night|\d{1,2}(?::\d\d)? ?(?:am|a\.m\.)|[1-5] in the morning|early hours)(?![\p{L}])/gu;
// Awareness days, training and campaigns talk about pressure ulcers without anyone having one.
const INFO =
  /(?<![\p{L}])(?:awareness|campaign|conference|training|webinar|workshop|seminar|study day|leaflet|guidance|tips|#\w+|please share|learn about|prevention (?:day|week))(?![\p{L}])/u;
// A question about care in general ("how do you treat a pressure sore?") is not a report of neglect.
const GENERAL_QUESTION = /^\s*(?:how|what|is|are|can|could|should|do|does|why|when|where)\b[^?]*\?/;

export default defineSignal({
  meta: {
    id: 'patient_safety.neglect',
    label: 'patient_safety',
    description:
      'Basic care not given now: food and drink, continence, turning and pressure care, call bells, falls, pain relief, checks',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    const list = triagePhrases('patient_safety-neglect');
    const strong = compilePhrases(
      list.entries.filter((e) => e.kind === 'strong').flatMap((e) => e.phrases),
    );
    const weak = compilePhrases(
      list.entries.filter((e) => e.kind === 'weak').flatMap((e) => e.phrases),
    );

    return (p, report) => {
      const weakHits: { start: number; end: number }[] = [];
      for (const m of findPhrases(strong, p.lower).slice(0, MAX_MATCHES)) {
        // "hasn't turned up" is about an appointment, not pressure care.
        if (
          /turned$/.test(m.text) &&
          /^\s*(?:up|out|away|around|round|over|back)\b/.test(after(p, m.end, 10))
        )
          continue;
        if (imaginedAt(p, m.start) || negatedLocally(p, m.start)) continue;
        const s = sentenceText(p, m.start, m.end);
        // Over and done with, or talk about care in general: no evidence.
        if (
          timeframe(p, m.start, m.end) === 'past' ||
          GENERAL_QUESTION.test(s) ||
          !mentionsPerson(s) ||
          INFO.test(s)
        )
          continue;
        report({
          start: m.start,
          end: m.end,
          weight: 1,
          note: 'Basic care not given to someone who depends on it',
        });
      }
      for (const re of [
        NO_FOOD,
        NO_HELP,
        BELL,
        SOILED,
        ON_FLOOR,
        FOUND,
        LEFT_IN,
        SORE_ON,
        TAKEN_AWAY,
      ]) {
        for (const m of matches(re, p.lower)) {
          const start = m.index;
          const end = start + m[0].length;
          if (imaginedAt(p, start)) continue;
          // A bell pressed once, or a drink not wanted, needs a duration or a person in care to mean neglect.
          const s = sentenceText(p, start, end);
          if (
            re === BELL &&
            !/(?:for|since|ages|hours?|mins?|minutes|nobody|no one|noone|no-one|ignored|unanswered|not answered|out of|no answer|nobody comes|no one comes)/.test(
              s,
            )
          )
            continue;
          if (re === SOILED && !mentionsPerson(s) && !IN_CARE.test(s)) continue;
          // "on the floor laughing" is an idiom for laughing hard.
          if (
            re === ON_FLOOR &&
            /^\s*(?:laughing|crying laughing|in stitches|rolling|lol|lmao|😂|🤣)/u.test(
              p.lower.slice(end, end + 20),
            )
          )
            continue;
          // Left in a chair or bed is neglect when it lasted or hurt: a time, or a person in distress.
          if (
            re === LEFT_IN &&
            !/(?:for|since|all|overnight|till|until|hours|tears|crying|agony|pain|soiled|wet)/.test(
              s,
            )
          )
            continue;
          // A long wait on a trolley or in a corridor is a failure of the system — a complaint —
          // unless something else says the person is at risk.
          if (re === LEFT_IN && /(?:trolley|corridor)/.test(m[0])) {
            weakHits.push({ start, end });
            continue;
          }
          if (
            (re === NO_FOOD || re === NO_HELP) &&
            (!mentionsPerson(s) ||
              !IN_CARE.test(p.lower) ||
              (/\?/.test(s) && GENERAL_QUESTION.test(s)))
          )
            continue;
          // Someone must be the one left: "the tray is on the floor" is not neglect.
          if (timeframe(p, start, end) === 'past') continue;
          if ((re === FOUND || re === LEFT_IN || re === TAKEN_AWAY) && !mentionsPerson(s)) continue;
          report({
            start,
            end,
            weight: 1,
            note: 'Basic care not given to someone who depends on it',
          });
        }
      }
      for (const m of findPhrases(weak, p.lower).slice(0, MAX_MATCHES)) {
        if (
          !imaginedAt(p, m.start) &&
          !negatedLocally(p, m.start) &&
          timeframe(p, m.start, m.end) !== 'past'
        )
          weakHits.push(m);
      }
      for (const m of matches(NIGHT_DISCHARGE, p.lower)) {
        if (imaginedAt(p, m.index) || timeframe(p, m.index, m.index + m[0].length) === 'past')
          continue;
        // Sent home in the night: unsafe for someone frail or alone, a concern for anyone.
        if (mentionsVulnerable(p.lower))
          report({
            start: m.index,
            end: m.index + m[0].length,
            weight: 1,
            note: 'Unsafe discharge of someone at risk',
          });
        else weakHits.push({ start: m.index, end: m.index + m[0].length });
      }
      for (const m of matches(THIRST, p.lower)) {
        if (!imaginedAt(p, m.index) && !negatedLocally(p, m.index) && IN_CARE.test(p.lower))
          weakHits.push({ start: m.index, end: m.index + m[0].length });
      }
      for (const m of matches(FALL, p.lower)) {
        if (
          !imaginedAt(p, m.index) &&
          !negatedLocally(p, m.index) &&
          timeframe(p, m.index) !== 'past'
        )
          weakHits.push({ start: m.index, end: m.index + m[0].length });
      }
      // Two weak signs must be two different things, not one phrase matched twice.
      const distinct = weakHits.filter(
        (h, i) => !weakHits.some((o, j) => j < i && o.start < h.end && h.start < o.end),
      );
      const w = distinct.length >= 2 ? 1 : 0.5;
      for (const h of weakHits)
        report({ ...h, weight: w, note: 'Possibly unsafe care or discharge' });
    };
  },
});
