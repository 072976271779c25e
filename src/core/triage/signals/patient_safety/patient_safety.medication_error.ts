/**
 * patient_safety.medication_error — a dangerous error with medicines or treatment: the wrong
 * drug, dose or patient, someone else's medicines, an allergy or diet ignored, critical medicines
 * (insulin, clozapine, anti-epileptics, anticoagulants…) not given or sent home without.
 *
 * An error that may still be harming someone is enough on its own; one that is over ("last year
 * they gave me the wrong tablets but all sorted now") is context. A wrong-site procedure that has
 * already happened is a matter to investigate (complaint) unless something else says it is urgent.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { imaginedAt, matches, negatedLocally, sentenceText, timeframe } from '../../text/risk-context.js';

const MED =
  '(?:medication|medications|medicine|medicines|meds|tablets?|pills?|drugs?|dose|doses|dosage|insulin|injection|injections|drip|iv|infusion|blood|transfusion|prescription|inhaler|patch|patches|vaccine|jab|morphine|antibiotics?|chemo|chemotherapy|methotrexate|warfarin|heparin|oxygen)';
const CRITICAL =
  '(?:insulin|meds|medication|medications|medicines|tablets|clozapine|anti-?epilep\\w*|epilepsy (?:meds|medication|tablets)|seizure (?:meds|medication)|parkinson\'?s (?:meds|medication|tablets)|levodopa|co-?careldopa|madopar|sinemet|warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|blood thinners?|anticoagulants?|heparin|antibiotics|iv antibiotics|oxygen|steroids|hydrocortisone|heart (?:meds|medication|tablets)|inhalers?|epipen|lithium|methadone|anti-?psychotics?|antidepressants|pain ?relief|painkillers|morphine|[a-z]{3,}(?:pine|pril|olol|statin|zole|cillin|mycin|parin|xaban|gatran|azepam|done|sartan|formin))';
const WHOSE = "(?:his|her|my|their|our|any|mum's|dad's|nan's)";

const PATTERNS: readonly [RegExp, string, number][] = [
  [new RegExp(`(?<![\\p{L}])wrong ${MED}(?![\\p{L}])`, 'gu'), 'wrong medicine or dose', 1],
  [/(?<![\p{L}])wrong (?:patient|person|name|baby|bed|blood group|results|notes|wristband)(?![\p{L}])/gu, 'wrong patient', 1],
  [/(?<![\p{L}])wrong (?:eye|leg|arm|side|knee|hip|kidney|tooth|teeth|finger|toe|foot|hand|site|breast|ear|lung|ovary)(?![\p{L}])/gu, 'wrong site', 0.5],
  [new RegExp(`(?<![\\p{L}])(?:someone|somebody) else'?s (?:${MED}|discharge letter|medication bag|bag|results|notes|prescription)|another patient'?s (?:${MED}|discharge letter|bag|results|notes)|(?:tablets|pills|meds|medication|medicines) (?:that|which) (?:weren't|werent|were not|wasn't|are not|aren't) (?:mine|his|hers|theirs|for (?:me|him|her))`, 'gu'), "someone else's medicines", 1],
  [new RegExp(`(?<![\\p{L}])(?:double|twice|two times|three times|ten times|10 times|\\d+x) (?:the |his |her |my |their )?(?:dose|doses|dosage|amount|insulin|morphine)|(?:given|gave|had|got) (?:a |an )?(?:double|extra|second|duplicate) (?:dose|injection|lot)|(?:given|gave) (?:${WHOSE} )?(?:meds|medication|tablets|insulin|morphine|dose) twice|overdosed (?:him|her|me|my \\w+|the patient)|over-?dosed by`, 'gu'), 'wrong dose', 1],
  [new RegExp(`(?<![\\p{L}])(?:hasn't|hasnt|has not|haven't|havent|have not|hadn't|not|never|didn't|didnt|did not)(?: been)? (?:had|given|got|received|gotten|getting|giving) ${WHOSE} ${CRITICAL}(?! review| reviewed| list| letter| check| changed| delivered)`, 'gu'), 'critical medicine not given', 1],
  [new RegExp(`(?<![\\p{L}])(?:without|no|missed|missing) ${WHOSE}?\\s?${CRITICAL}(?! review| reviewed| list| letter| check)(?: (?:for|since) [\\p{L}\\p{N} ]{1,20})?`, 'gu'), 'critical medicine missed', 0.5],
];
// An allergy or special diet named, and something given anyway.
const ALLERGY =
  /(?<![\p{L}])(?:allergic|allergy|allergies|anaphyla\w*|severe reaction|bad reaction|intolerant|intolerance|dairy-free|gluten-free|nut-free|coeliac|nil by mouth|nbm|diabetic diet|thickened fluids|soft diet|pureed|puréed|choking risk)(?![\p{L}])/gu;
const GIVEN =
  /(?<![\p{L}])(?:given|giving|gave|give|gives|hung|hang|hanging|put up|prescribed|administered|injected|fed|feeding|serving|served|brought|offered|keeps being|kept)(?![\p{L}])/u;
// Critical medicines missed become serious when the writer says for how long or that it shows.
const CARE_SETTING = /(?<![\p{L}])(?:ward|wards|hospital|discharged|sent home|unit|care home|nursing home|staff|nurses?|a&e|hospice|bay|bed)(?![\p{L}])/u;
const DURATION = /(?:for|since) (?:\d+|two|three|four|five|several|a few|days|hours|yesterday|last night|this morning|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:sent home|discharged|released)\b/;

export default defineSignal({
  meta: {
    id: 'patient_safety.medication_error',
    label: 'patient_safety',
    description: "Wrong drug, dose or patient; someone else's medicines; an allergy or diet ignored; critical medicines not given",
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      for (const [re, what, base] of PATTERNS) {
        for (const m of matches(re, p.lower)) {
          if (imaginedAt(p, m.index) || (what !== 'critical medicine not given' && negatedLocally(p, m.index))) continue;
          const end = m.index + m[0].length;
          const s = sentenceText(p, m.index, end);
          const past = timeframe(p, m.index, end) === 'past';
          let w = past ? Math.min(base, 0.5) : base;
          if (what === 'critical medicine missed' && !past && DURATION.test(s) && CARE_SETTING.test(p.lower)) w = 1;
          report({ start: m.index, end, weight: w, note: `Possible medication or treatment error (${what})${past ? ', described as past' : ''}` });
        }
      }
      for (const m of matches(ALLERGY, p.lower)) {
        if (negatedLocally(p, m.index) || imaginedAt(p, m.index)) continue;
        const s = sentenceText(p, m.index, m.index + m[0].length);
        // Asking whether one may take something despite an allergy is a medical question.
        if (!GIVEN.test(s) || /\?/.test(s)) continue;
        const past = timeframe(p, m.index) === 'past';
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: past ? 0.5 : 1,
          note: `Allergy or special diet apparently ignored${past ? ' (described as past)' : ''}`,
        });
      }
    };
  },
});
