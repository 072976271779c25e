/**
 * patient_safety.infection_control — an infection-control lapse that is harming or putting at
 * risk someone in care: an outbreak on a ward, staff not washing hands or changing gloves, an
 * infectious patient put beside a vulnerable one, used needles left out.
 *
 * A lapse on its own supports the label (it needs a second sign or a plea); with harm or a
 * vulnerable patient (caught it, on chemo, a newborn) it is enough.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { imaginedAt, matches, negatedLocally, timeframe } from '../../text/risk-context.js';

const LAPSE =
  /(?<![\p{L}])(?:(?:c\.? ?diff|c difficile|mrsa|norovirus|noro|covid|flu|d&v|sickness bug|diarrhoea bug|scabies|bed ?bugs|infection) (?:outbreak|on the ward|in (?:the|her|his|my) bay|going round|spreading|everywhere)|outbreak of (?:c\.? ?diff|mrsa|norovirus|noro|covid|flu|d&v|diarrhoea|sickness|scabies)|(?:nobody|no one|none of the (?:staff|nurses|doctors)|staff|nurses|doctors|carers) (?:is |are |were |was )?(?:not |never |didn't |don't )?(?:washing|washed|wash|cleaning) (?:their |his |her )?hands|(?:didn't|don't|never|not|without) (?:wear(?:ing)? |chang(?:e|ing) (?:their |his |her )?)?(?:gloves|ppe|aprons?)|(?:no ?one|nobody|none of (?:them|the staff))(?:'s| is| was| are| were)? (?:even )?(?:wearing|wear|in|using) (?:gloves|ppe|aprons?|masks?)|same gloves|(?:used|dirty|reused|re-used|old) (?:needles?|syringes?|cannula)|needles? (?:left )?(?:on the floor|in the bed|lying around)|(?:blood|faeces|poo|vomit|sick) (?:all )?(?:on|over) the (?:floor|walls|bed|sheets|commode|toilet) (?:for|since|still)|(?:covid|infectious|infected|c\.? ?diff|norovirus) (?:positive )?patient (?:put|moved|placed|sleeping|next to|in the same)|(?:put|moved|placed) (?:her|him|my \w+) (?:in|into|next to|beside) (?:a |the )?(?:covid|infectious|infected|c\.? ?diff|norovirus))(?![\p{L}])/gu;
// An infectious patient left among others: "norovirus but he's still in the open bay".
const NOT_ISOLATED =
  /(?<![\p{L}])(?:c\.? ?diff|mrsa|norovirus|noro|covid|flu|d&v|sickness bug|diarrhoea and vomiting|infectious|tb|measles|chickenpox|chicken pox)(?![\p{L}])[^.!?\n]{0,80}?(?<![\p{L}])(?:(?:still |left |kept )?in (?:the |an |our )?open (?:bay|ward)|(?:not|never|hasn't been|hasnt been|hasn't|hasnt|haven't|havent) (?:been )?(?:isolated|moved to a side room|barrier nursed)|no side rooms?|nowhere to isolate)(?![\p{L}])/gu;
// An infectious patient moved in beside someone vulnerable, in either order of telling.
const MOVED_IN =
  /(?<![\p{L}])(?:covid(?:-19)? positive|tested positive|c\.? ?diff|norovirus|noro|mrsa|infectious|flu positive)(?![\p{L}])[^.!?\n]{0,80}?(?<![\p{L}])(?:moved|put|placed|brought)(?![\p{L}])[^.!?\n]{0,40}?(?<![\p{L}])(?:with|next to|beside|opposite|same bay|same room)(?![\p{L}])/gu;
const HARM =
  /(?<![\p{L}])(?:caught|has got|now has|picked up|infected|immunocompromised|immuno-?suppressed|on chemo|chemotherapy|neutropenic|transplant|newborn|premature|prem baby|frail|sepsis|septic)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.infection_control',
    label: 'patient_safety',
    description: 'An infection-control lapse harming or endangering someone in care',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      const harm = HARM.test(p.lower);
      for (const m of matches(NOT_ISOLATED, p.lower)) {
        if (imaginedAt(p, m.index) || negatedLocally(p, m.index)) continue;
        const end = m.index + m[0].length;
        if (timeframe(p, m.index, end) === 'past') continue;
        report({
          start: m.index,
          end,
          weight: 1,
          note: 'Infectious patient not isolated from others',
        });
      }
      for (const m of [...matches(LAPSE, p.lower), ...matches(MOVED_IN, p.lower)]) {
        if (imaginedAt(p, m.index) || negatedLocally(p, m.index)) continue;
        const end = m.index + m[0].length;
        if (timeframe(p, m.index, end) === 'past') continue;
        report({
          start: m.index,
          end,
          weight: harm ? 1 : 0.5,
          note: `Infection-control lapse${harm ? ' with harm or a vulnerable patient' : ''}`,
        });
      }
    };
  },
});
