/**
 * patient_safety.missing_patient — a patient or relative has gone missing from care, or cannot be
 * found: "dad has wandered off the ward", "my brother who is sectioned has absconded", "nobody
 * knows where she is". A missing person at risk (dementia, sectioned, a child) also goes to
 * safeguarding.
 *
 * Things going missing ("her hearing aids went missing", "my referral is missing") and missed
 * appointments are not this: a person must be the one missing, and the nearest thing named before
 * the verb must not be an object.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import {
  before,
  imaginedAt,
  matches,
  mentionsSpecificPerson,
  mentionsVulnerable,
  negatedLocally,
  timeframe,
} from '../../text/risk-context.js';

const MISSING =
  /(?<![\p{L}])(?:gone missing|went missing|go missing|is missing|are missing|'s missing|reported missing|missing from (?:the )?(?:ward|unit|hospital|home|care home|a&e)|wandered off|wandered out|absconded|awol|walked out of (?:the )?[\p{L}' ]{0,20}?(?:ward|unit|hospital|a&e|care home|home)|last seen (?:on|at|in|near|wearing|heading|walking|around)|left the (?:ward|unit|hospital|a&e) (?:on (?:his|her|their) own|alone|without anyone)|can(?:'t|not) be found|nobody knows where (?:he|she|they) (?:is|are)|no one knows where (?:he|she|they) (?:is|are)|wandering (?:around|about|round|outside|in the|on the|the)|found (?:outside|wandering|in the car ?park|on the road|in the street|at the bus stop|miles away|on the main road)|how did (?:she|he|they) get out|(?:can't|cannot|can not) find (?:my|our|her|his) (?:mum|dad|nan|gran|grandad|grandma|son|daughter|husband|wife|partner|brother|sister|child|patient))(?![\p{L}])/gu;
// Things that go missing.
const OBJECT =
  /(?<![\p{L}])(?:aids?|glasses|dentures|teeth|phone|bag|bags|wallet|purse|clothes|clothing|property|belongings|ring|jewellery|letter|letters|referral|results|notes|records|paperwork|file|prescription|parcel|post|money|keys|card|charger|slippers|coat|items?|stuff|things|appointment|medication|meds|tablets|report|form|forms|sample|samples|scan)(?:'s)?[^\p{L}]{0,3}(?:\p{L}+\s){0,3}$/u;
const ASKED = /(?:[?]|(?<![\p{L}])(?:what if|if (?:he|she|they) (?:go|goes|went)))/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.missing_patient',
    label: 'patient_safety',
    description: 'A patient or vulnerable person missing from care or who cannot be found',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      const atRisk = mentionsVulnerable(p.lower);
      for (const m of matches(MISSING, p.lower)) {
        const start = m.index;
        const end = start + m[0].length;
        if (imaginedAt(p, start) || negatedLocally(p, start, 3)) continue;
        const lead = before(p, start, 80);
        // A confused person or one in a hospital gown wandering is missing from somewhere.
        if (
          /^(?:wandering|found)/.test(m[0]) &&
          !/(?:confused|dementia|alzheimer|gown|nightie|nightdress|pyjamas|barefoot|bare feet|wristband|cannula|from (?:the|a|one of the) wards?|patient)/.test(
            p.lower.slice(Math.max(0, start - 120), end + 120),
          )
        )
          continue;
        if (
          !/(?:absconded|awol|wandering|found|how did|last seen|walked out|nobody knows|no one knows|can't find|cannot find|can not find|can(?:'t|not) be found|wandered)/.test(
            m[0],
          ) &&
          (OBJECT.test(lead) || !mentionsSpecificPerson(lead + ' ' + m[0]))
        )
          continue;
        if (OBJECT.test(lead)) continue;
        if (ASKED.test(lead) && /what if|if (?:he|she|they)/.test(lead)) continue;
        if (timeframe(p, start, end) === 'past') continue;
        report({
          start,
          end,
          weight: 1,
          note: `A person missing from care${atRisk ? ' who is at risk' : ''}`,
          ...(atRisk ? { routes: ['safeguarding' as const] } : {}),
        });
      }
    };
  },
});
