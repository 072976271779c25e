/**
 * pii.postcode — a full UK postcode. With a house number or on its own, a full postcode narrows a
 * person down to a handful of homes, so it is personal data in a public post (PUB-3). The
 * organisation's own addresses and, by default, the addresses of public venues are left alone.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { findPostcodes, normalisePostcode } from '../../text/uk-postcode.js';

// Words that say the address just before a postcode is a public place, not someone's home.
const VENUE =
  /\b(?:hospitals?|hospice|health\s+(?:centre|center|park|hub)|medical\s+(?:centre|center|practice)|surgery|clinic|pharmacy|chemist|library|(?:community|civic|leisure|sports|shopping|health|medical|vaccination|vaccine|test(?:ing)?|conference|visitor|business|enterprise|day|youth|arts?)\s+(?:centre|center|hall|hub)|village\s+hall|town\s+hall|church(?:\s+hall)?|chapel|cathedral|mosque|temple|gurdwara|synagogue|school|academy|college|university|campus|stadium|racecourse|(?:retail|business|science|health)\s+park|market|supermarket|hotel|care\s+home|nursing\s+home|headquarters|HQ|offices|council|fire\s+station|police\s+station|bus\s+station|railway\s+station|car\s+park|Tesco|Sainsbury'?s|Asda|Morrisons|Aldi|Lidl|Boots|Superdrug)\b/i;

// Words that say it is where a person lives or is being visited, which wins over a venue word.
const PERSONAL =
  /\b(?:live|lives|living|lived|home|resident|residence|patient|moved\s+to|flat|apartment|address\s+of|(?:his|her|their|your|my)\s+address)\b/i;

/** A label saying the token is a code, not an address: "use code B12AB", "ref SN27QP". */
const CODE_BEFORE =
  /\b(?:code|codes|ref|reference|voucher|promo|discount|coupon|order|product|model|serial|part|sku|flight|booking|ticket|password)(?:\s+(?:no\.?|number|is))?\s*[:#.-]?\s*$/i;

export default defineRule({
  meta: {
    id: 'pii.postcode',
    description: 'A full UK postcode that is not one of the organisation’s own addresses',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /**
       * Leave a postcode alone when the address just before it names a public venue (a hospital,
       * health centre, library, church hall…) and nothing says someone lives there.
       */
      allowVenues: z.boolean().default(true),
      /** More postcodes that may appear (e.g. partner sites), written any way. */
      allow: z.array(z.string()).default([]),
    })
    .strict(),
  create(options, profile) {
    const own = new Set<string>();
    for (const a of profile.organisation.addresses) {
      const pc = a.postcode ? normalisePostcode(a.postcode) : null;
      if (pc) own.add(pc);
    }
    for (const p of options.allow) {
      const pc = normalisePostcode(p);
      if (pc) own.add(pc);
    }
    return (draft, report) => {
      const text = draft.text;
      if (!/[0-9]/.test(text)) return;
      for (const m of findPostcodes(text)) {
        if (own.has(m.normalised)) continue;
        if (CODE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) continue;
        if (options.allowVenues) {
          // The address part: back to the start of the sentence or line, at most 100 characters.
          const from = Math.max(0, m.start - 100);
          const head = text.slice(from, m.start);
          const cut = Math.max(head.search(/[.!?\n][^.!?\n]*$/), -1);
          const address = cut >= 0 ? head.slice(cut + 1) : head;
          if (VENUE.test(address) && !PERSONAL.test(address)) continue;
        }
        const actual = text.slice(m.start, m.end);
        report({
          start: m.start,
          end: m.end,
          message: `Unexpected postcode "${actual}", expected it removed: a full postcode can identify where someone lives`,
          expected: ['[postcode removed]'],
          note: 'Take address details by private message. If this is a public venue or one of your own sites, add the postcode to the profile (organisation.addresses or this rule’s allow option).',
        });
      }
    };
  },
});
