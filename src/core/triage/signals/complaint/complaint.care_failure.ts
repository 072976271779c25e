/**
 * complaint.care_failure — something went wrong in someone's care or with a service, in a case
 * someone could investigate: a failure (cancelled, lost, wrong, not told, refused, rude, rolled
 * her eyes…) next to a specific case (a relative or the author's own care, a named or singled-out
 * member of staff, a date, a ward, a reference). Enough on its own with a specific case; without
 * one it is only supporting — "your staff are rude" is negative feedback, "the receptionist at
 * Elm Lodge rolled her eyes at my mum this morning" is a complaint (INB-8).
 */
import { z } from 'zod';
import { type PreparedItem } from '../../prepare.js';
import { isSarcastic } from '../../sentiment.js';
import { defineSignal } from '../../signal.js';
import {
  hypotheticalAt,
  isNegatedNear,
  matchesIn,
  quotedAt,
  sentenceIndexAt,
} from '../../text/desk-cues.js';
import { GatedPattern, hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { asksForFigures, specificNear } from './cues.js';

// The author's own doing is not a failure of care: "I missed my appointment", "we cancelled".
const OWN_DOING =
  /(?<![\p{L}])(?:i|we|i've|we've|i\s+have|we\s+have|i\s+had)\s+(?:just\s+|accidentally\s+|had\s+to\s+)?$/u;
// Text-speak drops the subject: "…, lost the letter" is the author's own paperwork.
const OWN_PAPERWORK =
  /^\s+(?:the|my|our)\s+(?:[\p{L}]+\s+)?(?:letter|card|form|paperwork|password|details|number|login|book|red\s+book|slip|receipt)(?![\p{L}])/u;
// Calls and chasers counted: "she's rung four times", "chased it 3 times".
const CHASED = new GatedPattern([
  {
    triggers: ['times'],
    source: String.raw`(?<![\p{L}])(?:rung|rang|called|phoned|chased|emailed|written|wrote)\s+(?:[\p{L}]+\s+){0,2}?(?:\d{1,2}|two|three|four|five|six|several|numerous|countless|many)\s+times(?![\p{L}])`,
  },
]);
// A long wait for one service stated as a fact: "been waiting 11 weeks for the district nurse",
// "waited three months for a call back". Ordinary waits in hours are opinion, not a case.
const LONG_WAIT = new GatedPattern([
  {
    triggers: ['waiting', 'waited', 'wait', 'waitin'],
    source: String.raw`(?<![\p{L}])(?:been\s+waiting|waiting|waited|waitin)\s+(?:for\s+)?(?:over\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many)\s+(?:weeks|months|years|wks|mths)(?![\p{L}])`,
  },
  // A fall in care is an incident to look into: "my mother's fall on Ward 3", "her fall in the bay".
  {
    triggers: ['fall'],
    source: String.raw`(?<![\p{L}])(?:[\p{L}]+'s|his|her|their)\s+fall\s+(?:on|in|at|while|whilst)\s`,
  },
]);
// A failure worded as an absence ("nobody rang", "hasn't had her hearing aids", "without my
// permission") carries its own negation: a "no" earlier in the clause does not undo it.
const NEGATIVE_FORM =
  /^(?:no|nobody|naebody|no-one|never|not|without|hasn't|hasnt|haven't|havent|has\s+not|didn't|did\s+not|wouldn't|still)(?![\p{L}])/u;
// "lost my mum", "losing weight": bereavement and bodies, not property or records.
const LOST_PERSON =
  /^\s+(?:my|our|his|her|their)?\s*(?:mum|mom|mam|mother|dad|father|husband|wife|partner|son|daughter|child|baby|nan|gran|grandad|grandma|brother|sister|friend|him|her|them|weight|a\s+stone|\d+\s*(?:kg|lbs?|pounds|stone))(?!['’\p{L}])/u;
// A thank-you sentence mentions old failures as background ("after years of being fobbed off").
const THANKS = /(?<![\p{L}])(?:thank|thanks|grateful|shout\s+out|hats\s+off)(?![\p{L}])/u;

/** Does the sentence thank someone in earnest (not "thanks so much 😒")? */
function thanksInEarnest(p: PreparedItem, start: number, end: number): boolean {
  const m = THANKS.exec(p.lower.slice(start, end));
  return m !== null && !isSarcastic(p, start + m.index);
}

export default defineSignal({
  meta: {
    id: 'complaint.care_failure',
    label: 'complaint',
    description: "A failure in someone's care or a service, tied to a specific case",
    requirements: ['INB-8'],
  },
  options: z.object({}).strict(),
  create() {
    const failure = phraseIndex('complaint-grievance', ['failure', 'lapse']);
    return (p, report) => {
      let weak: { start: number; end: number } | undefined;
      const chased = matchesIn(p, CHASED).map((m) => ({
        index: m.index!,
        end: m.index! + m[0].length,
        text: m[0],
        kind: 'failure',
      }));
      for (const m of matchesIn(p, LONG_WAIT))
        chased.push({ index: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'failure' });
      const found = [...hitsOf(p, failure), ...chased].sort((a, b) => a.index - b.index);
      for (const m of found) {
        const at = m.index;
        const end = m.end;
        // Only a negation right before the failure undoes it ("wasn't rude"); a clause-long scope
        // would also swallow "nothing says 'we care' like cancelling my op".
        const negated = !NEGATIVE_FORM.test(m.text) && isNegatedNear(p, at, 25);
        if (negated || hypotheticalAt(p, at) || quotedAt(p, at)) continue;
        if (OWN_DOING.test(p.lower.slice(Math.max(0, at - 20), at))) continue;
        if (/^los/.test(m.text) && LOST_PERSON.test(p.lower.slice(end, end + 30))) continue;
        if (
          /^(?:lost|misplaced|mislaid)$/.test(m.text) &&
          /(?:^|[,.;:!?]\s*)$/u.test(p.lower.slice(Math.max(0, at - 3), at)) &&
          OWN_PAPERWORK.test(p.lower.slice(end, end + 30))
        )
          continue;
        if (m.text === 'wrong' && /^\s+with(?![\p{L}])/u.test(p.lower.slice(end, end + 8)))
          continue;
        const s = sentenceIndexAt(p, at);
        // "How many operations were cancelled in December?" asks for figures, not about a case.
        if (asksForFigures(p, s)) continue;
        // Things go missing at home too ("the red book's gone missing"): in care, a ward or a
        // member of staff is named.
        if (/missing$/.test(m.text) && !specificNear(p, s, 0, ['place', 'staff'])) continue;
        const sentence = p.sentences[s];
        if (sentence && thanksInEarnest(p, sentence.start, sentence.end)) continue;
        // Something that never arrived is often the reason for a service request ("never got my
        // letter, please email it"): supporting evidence only.
        if (m.kind === 'lapse') {
          // …except when the thing never answered is a complaint already made ("no reply from PALS").
          if (specificNear(p, s, 1, ['reference'])) {
            report({
              start: at,
              end,
              weight: 1,
              note: `No answer on an existing case: "${m.text}"`,
            });
            return;
          }
          weak ??= { start: at, end };
          continue;
        }
        if (specificNear(p, s)) {
          report({ start: at, end, weight: 1, note: `Failure in a specific case: "${m.text}"` });
          return;
        }
        weak ??= { start: at, end };
      }
      if (weak) report({ ...weak, weight: 0.5, note: 'Failure without a specific case' });
    };
  },
});
