/**
 * personal_data.named_patient — a named patient or relative together with details of their care:
 * "my nan Margaret Hughes … discharged from Ward 4 without her insulin", "Mrs Patricia Green in
 * the bed opposite", "My brother Kevin Walsh is in the psychiatric unit".
 *
 * A name is recognised by how it is introduced — after a relative ("my husband John Patel"), a
 * title ("Mr Derek Hall"), "my name is", "patient", or before a date of birth or bed ("Robert
 * Allen, DOB …"). Named staff (Dr Okafor, "the receptionist Sarah") and people thanked by name are
 * not patients. A name with care details is enough; a name alone only supports.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { PERSON_NOUNS, around, before, matches } from '../../text/risk-context.js';

const NAME = "[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?";
const INITIAL = '(?:[A-Z]\\.? )';
// Words that look like names but are places, services or sentence words.
const NOT_NAME = new Set(
  'Ward Wards Hospital Unit Street Road Surgery Clinic Centre Center Trust General Royal Infirmary Team Lane Close Avenue Park House Medical Health Care Community Practice Is Was Has Had And But The This That Who Which Please Thanks Thank Yesterday Today Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Nhs NHS'.split(
    ' ',
  ),
);
const RELATION = new RegExp(
  `(?<![\\p{L}])(?:my|our|his|her|their) (?:${PERSON_NOUNS})(?:,| is| called| named| -)? $`,
  'u',
);
const INTRO =
  /(?<![\p{L}])(?:my name is|my name's|i'm|i am|this is|it's|its|it is|patient|patient called|patient named|a lady called|a man called|called|named)(?:,)? $/u;
const STAFF_BEFORE =
  /(?:dr|doctor|nurse|sister|matron|prof|professor|consultant|midwife|receptionist|surgeon|physio|paramedic|manager|staff|hca|porter|gp|mp|cllr|councillor|reporter|journalist|solicitor|thank(?:s| you)(?: so much)?(?: to)?|shout ?out to|shoutout to|well done|praise for|especially|credit to|kudos to|your name|know (?:your|her|his) name)[^.!?\n]{0,20}$/;
const STAFF_AFTER =
  /^[^.!?\n]{0,30}(?:the |our |a |your )?(?:consultant|surgeon|doctor|registrar|matron|manager|ceo|chief|director|solicitor|nurse|midwife|receptionist|mp|councillor|minister|reporter|journalist|correspondent|producer|editor)\b|^\s*(?:from|at) (?:the )?[a-z]+ (?:practice|surgery|news|times|post|bbc|itv)/;
const AFTER_DETAIL =
  /^\s*(?:,|\(|-)?\s*(?:dob|d\.o\.b|born|aged?|\d{1,3}\b|bed\b|nhs\b|hospital (?:number|no)|in bed|on ward|in bay)/;
const CARE =
  /(?<![\p{L}])(?:ward|bed|bay|unit|a&e|a and e|ed|admitted|admission|discharged|discharge|diagnos\w*|surgery|operation|op|treatment|treated|clinic|appointment|scan|x-?ray|results|chemo\w*|dementia|diabetic|diabetes|cancer|section\w*|psychiatric|mental health|medication|meds|tablets|insulin|clozapine|trolley|hospital|hospice|referral|referred|pregnan\w*|miscarriage|stroke|heart|care home|nursing home|allerg\w*|nhs number|dob|blood|bloods|icu|itu|hdu|theatre|resus|ambulance|paramedics|sepsis|infection|fracture|broken|fall|fell|wound|dialysis|ventilator|maternity|labour|delivery|nicu|scbu|camhs|gp|prescription|drip|catheter|injection|vaccin\w*|jab|ill|poorly|unwell|died|passed away|end of life|palliative|toilet|wet herself|wet himself|pressure sore|bed sore|calling out)(?![\p{L}])/u;
const CANDIDATE = new RegExp(`(?<![\\p{L}])${NAME}(?: (?:${INITIAL})?${NAME}){0,2}`, 'gu');

export default defineSignal({
  meta: {
    id: 'personal_data.named_patient',
    label: 'personal_data',
    description: 'A named patient or relative together with details of their care',
    requirements: ['INB-16', 'INB-11'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      // Titles with initials ("Mrs A Khan") are matched from the title onwards.
      for (const m of matches(
        /(?<![\p{L}])(?:Mr|Mrs|Miss|Ms|Mx|MR|MRS)\.? (?:[A-Z]\.? ){0,2}[A-Z][a-z]+(?: [A-Z][a-z]+)?/gu,
        p.text,
      )) {
        const start = m.index;
        const end = start + m[0].length;
        if (
          STAFF_BEFORE.test(before(p, start, 40)) ||
          STAFF_AFTER.test(p.lower.slice(end, end + 50))
        )
          continue;
        const care = CARE.test(around(p, start, end, 200, 200));
        report({
          start,
          end,
          weight: care ? 1 : 0.5,
          note: care ? 'Named person with details of their care' : 'Named person',
        });
      }
      for (const m of matches(CANDIDATE, p.text)) {
        const start = m.index;
        const words = m[0].split(' ').filter((w) => !/^[A-Z]\.?$/.test(w));
        if (
          words.some((w) => NOT_NAME.has(w)) ||
          /^(?:Mr|Mrs|Miss|Ms|Mx|Master|Dr|I|My|Our|His|Her|Their)$/.test(words[0]!)
        )
          continue;
        const end = start + m[0].length;
        const lead = p.lower.slice(Math.max(0, start - 40), start);
        const next = p.lower.slice(end, end + 30);
        const introduced = RELATION.test(lead) || INTRO.test(lead) || AFTER_DETAIL.test(next);
        if (!introduced) continue;
        if (
          STAFF_BEFORE.test(before(p, start, 40)) ||
          STAFF_AFTER.test(p.lower.slice(end, end + 50))
        )
          continue;
        // A name with no care details ("I'm Dave from estates") is not this; one first name ("my
        // son Jack is on ward 5") identifies less than a full name: supporting only.
        if (!CARE.test(around(p, start, end, 200, 200))) continue;
        const full = words.length >= 2;
        report({
          start,
          end,
          weight: full ? 1 : 0.5,
          note: 'Named person with details of their care',
        });
      }
    };
  },
});
