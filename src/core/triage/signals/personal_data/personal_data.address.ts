/**
 * personal_data.address — a home address or full postcode: "14 Cedar Close, SN2 7QP", "she lives
 * at 3 Mill Lane", "postcode BA2 3RT".
 *
 * A full UK postcode is enough (outward code from a real postcode area, inward code digit + two
 * letters that postcodes use, so "b12 2mg" is not one). A street address is enough when it is
 * someone's ("my address", "lives at"); a bare one, which may be a surgery's, only supports. The
 * organisation's own addresses (profile) are left alone.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { before, matches } from '../../text/risk-context.js';

// UK postcode areas: checking the area stops "covid19 5th" and clinical shorthand passing as one.
const AREAS = new Set(
  'ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy e ec eh en ex fk fy g gl gu gy hd hg hp hr hs hu hx ig im ip iv je ka kt kw ky l la ld le ll ln ls lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr rg rh rm s sa se sg sk sl sm sn so sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd wf wn wr ws wv yo ze'.split(
    ' ',
  ),
);
const POSTCODE =
  /(?<![\p{L}\p{N}])([a-z]{1,2})(\d[a-z\d]?) ?(\d[abd-hjlnp-uw-z]{2})(?![\p{L}\p{N}])/gu;
const STREET =
  /(?<![\p{L}\p{N}])(?:flat \d{1,4}[a-z]?,? )?\d{1,4}[a-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Cres|Gardens|Gdns|Grove|Terrace|Place|Court|Mews|Walk|Row|Square|Hill|Rise|View|Parade|Green|Vale|Meadows?|Fields|Croft|Gate|Wharf|Cottages|Estate)(?![\p{L}])/gu;
const PERSONAL_CUE =
  /(?<![\p{L}])(?:address|i'?m at|i am at|i live|we live|we'?re at|lives at|live at|living at|living in|lives in|staying at|home is|home at|house is|flat|my|his|her|their|our|mum'?s|dad'?s|nan'?s|postcode|post code)\b[^.!?\n]{0,30}$/u;
const SERVICE_CUE =
  /(?<![\p{L}])(?:surgery|practice|clinic|hospital|centre|center|pharmacy|chemist|site|office|hq|headquarters|unit|hub|building|venue|church|hall|library|school|station|shop)\b[^.!?\n]{0,30}$/u;

export default defineSignal({
  meta: {
    id: 'personal_data.address',
    label: 'personal_data',
    description: 'A home address or full postcode',
    requirements: ['INB-16', 'INB-11'],
  },
  options: z.object({}).strict(),
  create(_options, profile) {
    const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');
    const ownPostcodes = new Set(
      profile.organisation.addresses.map((a) => norm(a.postcode ?? '')).filter(Boolean),
    );
    const ownStreets = profile.organisation.addresses.map((a) => norm(a.text));

    return (p, report) => {
      for (const m of matches(POSTCODE, p.lower)) {
        if (!AREAS.has(m[1]!) || ownPostcodes.has(norm(m[0]))) continue;
        const lead = before(p, m.index, 60);
        const service = SERVICE_CUE.test(lead) && !PERSONAL_CUE.test(lead);
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: service ? 0.5 : 1,
          note: service ? 'Postcode, possibly of a service' : 'Postcode',
        });
      }
      for (const m of matches(STREET, p.text)) {
        if (ownStreets.some((s) => s.startsWith(norm(m[0])))) continue;
        const lead = before(p, m.index, 60);
        const personal = PERSONAL_CUE.test(lead) && !SERVICE_CUE.test(lead);
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: personal ? 1 : 0.5,
          note: personal ? 'Home address' : 'Street address',
        });
      }
    };
  },
});
