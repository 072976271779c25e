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
import {
  imaginedAt,
  matches,
  negatedLocally,
  sentenceText,
  timeframe,
} from '../../text/risk-context.js';

const MED =
  '(?:medication|medications|medicine|medicines|meds|tablets?|pills?|drugs?|dose|doses|dosage|insulin|injection|injections|drip|iv|infusion|blood|transfusion|prescription|inhaler|patch|patches|vaccine|jab|morphine|antibiotics?|chemo|chemotherapy|methotrexate|warfarin|heparin|oxygen)';
const CRITICAL =
  "(?:insulin|meds|medication|medications|medicines|tablets|clozapine|anti-?epilep\\w*|epilepsy (?:meds|medication|tablets)|seizure (?:meds|medication)|parkinson'?s (?:meds|medication|tablets)|levodopa|co-?careldopa|madopar|sinemet|warfarin|apixaban|rivaroxaban|edoxaban|dabigatran|blood thinners?|anticoagulants?|heparin|antibiotics|iv antibiotics|oxygen|steroids|hydrocortisone|heart (?:meds|medication|tablets)|inhalers?|epipen|lithium|methadone|anti-?psychotics?|antidepressants|pain ?relief|painkillers|morphine|[a-z]{3,}(?:pine|pril|olol|statin|zole|cillin|mycin|parin|xaban|gatran|azepam|done|sartan|formin))";
const WHOSE = "(?:his|her|my|their|our|any|mum's|dad's|nan's)";

const PATTERNS: readonly [RegExp, string, number][] = [
  [
    /(?<![\p{L}])(?:(?:given|giving|gave|had|on) (?:him |her |them |me )?(?:far |way )?too much (?:sedation|sedative|sedatives|morphine|medication|insulin|oxygen|fluid|diazepam|lorazepam|haloperidol)|(?:over-?sedated|oversedated|drugged up))(?![\p{L}])/gu,
    'too much of a medicine',
    1,
  ],
  [
    /(?<![\p{L}])diabetic(?: [\p{L}']+){0,8}? (?:keeps? |kept )?(?:giving|given|gave|feeding|fed|serving) (?:him |her |them )?(?:[\p{L}]+ )?(?:sugary|sweet|sugar|fizzy|cake|cakes|biscuits|puddings?|sweets|chocolate)(?![\p{L}])/gu,
    'diet for diabetes ignored',
    1,
  ],
  [new RegExp(`(?<![\\p{L}])wrong ${MED}(?![\\p{L}])`, 'gu'), 'wrong medicine or dose', 1],
  [
    /(?<![\p{L}])wrong (?:patient|person|name|baby|bed|blood group|results|notes|wristband)(?![\p{L}])/gu,
    'wrong patient',
    1,
  ],
  [
    /(?<![\p{L}])wrong (?:eye|leg|arm|side|knee|hip|kidney|tooth|teeth|finger|toe|foot|hand|site|breast|ear|lung|ovary)(?![\p{L}])/gu,
    'wrong site',
    0.5,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:someone|somebody) else'?s (?:${MED}|discharge letter|medication bag|bag|results|notes|prescription)|another patient'?s (?:${MED}|discharge letter|bag|results|notes)|(?:tablets|pills|meds|medication|medicines) (?:that|which) (?:weren't|werent|were not|wasn't|are not|aren't) (?:mine|his|hers|theirs|for (?:me|him|her))`,
      'gu',
    ),
    "someone else's medicines",
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:(?:an? )?adult (?:dose|dosage|strength)|(?:given|gave|administered|injected|prescribed|dispensed|had)(?: [\\p{L}'\\p{N}]+){0,6}? (?:by mistake|in error|by accident|mistakenly|wrongly|accidentally)|(?:mistakenly|wrongly|accidentally) (?:given|gave|administered|injected|prescribed|dispensed))(?![\\p{L}])`,
      'gu',
    ),
    'medicine given in error',
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:gave|given|giving|had|injected|administered)(?: (?:him|her|them|me))? (?:it|them|(?:his|her|their|my|the) (?:[\\p{L}]+ )?(?:insulin|dose|meds|medication|tablets|injection|morphine|antibiotics|jab|vaccine|drugs)) (?:again|twice|a second time|for a second time)(?![\\p{L}])`,
      'gu',
    ),
    'dose given twice',
    1,
  ],
  [
    /(?<![\p{L}])(?:double|twice|three times|triple) (?:what(?:'s| is| was) (?:on the chart|prescribed|written|on the label)|the (?:prescribed|right|correct|usual|normal) (?:dose|amount))|(?:more|higher|stronger) than (?:prescribed|on the chart|the chart says|the prescription)(?![\p{L}])/gu,
    'wrong dose',
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:gave|given|giving|injected|administered)(?: (?:him|her|them|me|my \\w+))?(?: (?:his|her|their|the|a|an|some))? (?:${MED}|[a-z]+)(?: [\\p{L}]+){0,3}? (?:even though|despite|although|when) (?:he|she|they|i|we|my \\w+)?(?:'d|'s| had| has| was| is| were|'ve| have)? ?(?:not eaten|n't eaten|not had (?:any|anything)|no food|already had|already been given|allergic|told (?:them|her|him)|nil by mouth|being nil by mouth|low|asleep|unconscious|vomiting)(?![\\p{L}])`,
      'gu',
    ),
    'given despite a reason not to',
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:double|twice|two times|three times|ten times|10 times|\\d+x) (?:the |his |her |my |their )?(?:dose|doses|dosage|amount|insulin|morphine)|(?:given|gave|had|got) (?:a |an )?(?:double|extra|second|duplicate) (?:dose|injection|lot)|(?:given|gave) (?:${WHOSE} )?(?:meds|medication|tablets|insulin|morphine|dose) twice|overdosed (?:him|her|me|my \\w+|the patient)|over-?dosed by`,
      'gu',
    ),
    'wrong dose',
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:hasn't|hasnt|has not|haven't|havent|have not|hadn't|not|never|didn't|didnt|did not)(?: been)? (?:had|given|got|received|gotten|getting|giving)(?: (?:him|her|them|me))?(?: [\\p{L}']+){0,4}? ${WHOSE} ${CRITICAL}(?! review| reviewed| list| letter| check| changed| delivered)`,
      'gu',
    ),
    'critical medicine not given',
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:without|no|missed|missing) ${WHOSE}?\\s?${CRITICAL}(?! review| reviewed| list| letter| check)(?: (?:for|since) [\\p{L}\\p{N} ]{1,20})?`,
      'gu',
    ),
    'critical medicine missed',
    0.5,
  ],
];
// An allergy or special diet named, and something given anyway.
const ALLERGY =
  /(?<![\p{L}])(?:allergic|allergy|allergies|anaphyla\w*|severe reaction|bad reaction|intolerant|intolerance|dairy-free|gluten-free|nut-free|coeliac|nil by mouth|nbm|diabetic diet|thickened fluids|soft diet|pureed|puréed|choking risk)(?![\p{L}])/gu;
const GIVEN =
  /(?<![\p{L}])(?:given|giving|gave|give|gives|hung|hang|hanging|put up|prescribed|administered|injected|fed|feeding|serving|served|brought|offered|keeps being|kept)(?![\p{L}])/u;
// Critical medicines missed become serious when the writer says for how long or that it shows.
const CARE_SETTING =
  /(?<![\p{L}])(?:ward|wards|hospital|discharged|sent home|unit|care home|nursing home|staff|nurses?|a&e|hospice|bay|bed)(?![\p{L}])/u;
const DURATION =
  /(?:for|since) (?:\d+|two|three|four|five|several|a few|days|hours|yesterday|last night|this morning|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:sent home|discharged|released)\b/;

export default defineSignal({
  meta: {
    id: 'patient_safety.medication_error',
    label: 'patient_safety',
    description:
      "Wrong drug, dose or patient; someone else's medicines; an allergy or diet ignored; critical medicines not given",
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      for (const [re, what, base] of PATTERNS) {
        for (const m of matches(re, p.lower)) {
          if (
            imaginedAt(p, m.index) ||
            (what !== 'critical medicine not given' && negatedLocally(p, m.index))
          )
            continue;
          const end = m.index + m[0].length;
          const s = sentenceText(p, m.index, end);
          // An error that is over ("last year… all sorted now") is a complaint, not a risk now.
          if (timeframe(p, m.index, end) === 'past') continue;
          const w =
            what === 'critical medicine missed' && DURATION.test(s) && CARE_SETTING.test(p.lower)
              ? 1
              : base;
          report({
            start: m.index,
            end,
            weight: w,
            note: `Possible medication or treatment error (${what})`,
          });
        }
      }
      for (const m of matches(ALLERGY, p.lower)) {
        if (negatedLocally(p, m.index) || imaginedAt(p, m.index)) continue;
        const s = sentenceText(p, m.index, m.index + m[0].length);
        // Asking whether one may take something despite an allergy is a medical question.
        if (!GIVEN.test(s) || /\?/.test(s)) continue;
        if (timeframe(p, m.index) === 'past') continue;
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: 1,
          note: 'Allergy or special diet apparently ignored',
        });
      }
    };
  },
});
