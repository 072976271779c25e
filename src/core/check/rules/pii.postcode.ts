/**
 * pii.postcode — a full UK postcode. With a house number or on its own, a full postcode narrows a
 * person down to a handful of homes, so it is personal data in a public post (PUB-3). The
 * organisation's own addresses and, by default, the addresses of public venues are left alone.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { findPostcodes, normalisePostcode, postcodeArea } from '../../text/uk-postcode.js';

// Words that say the address just before a postcode is a public place, not someone's home.
const VENUE =
  /\b(?:hospitals?|hospice|health\s+(?:centre|center|park|hub)|medical\s+(?:centre|center|practice)|surgery|clinic|pharmacy|chemist|library|(?:community|civic|leisure|sports|shopping|health|medical|vaccination|vaccine|test(?:ing)?|conference|visitor|business|enterprise|day|youth|arts?)\s+(?:centre|center|hall|hub)|village\s+hall|town\s+hall|church(?:\s+hall)?|chapel|cathedral|mosque|temple|gurdwara|synagogue|school|academy|college|university|campus|stadium|racecourse|(?:retail|business|science|health)\s+park|market|supermarket|hotel|care\s+home|nursing\s+home|headquarters|HQ|offices|council|fire\s+station|police\s+station|bus\s+station|railway\s+station|car\s+park|Tesco|Sainsbury'?s|Asda|Morrisons|Aldi|Lidl|Boots|Superdrug)\b/i;

// Words that say it is where a person lives or is being visited, which wins over a venue word.
const PERSONAL =
  /\b(?:live|lives|living|lived|home|resident|residence|patient|moved\s+to|flat|apartment|address\s+of|(?:his|her|their|your|my)\s+address)\b/i;

const VENUE_G = new RegExp(VENUE.source, 'giu');

/** Lower-case words that may sit inside an address between a venue's name and its postcode. */
const ADDRESS_WORD =
  /^(?:at|the|of|on|in|and|road|street|lane|way|avenue|close|drive|place|park|hill|square|court|crescent|terrace|gardens|green|row|estate|industrial|retail|business|unit|floor|ground|first|second|level|building|house|wing|entrance|main|st|upper|lower|north|south|east|west|rd|ln|ave)$/u;

/**
 * Whether the address before a postcode is a venue's: a venue word followed only by the rest of
 * an address ("Civic Centre, St Stephen's Place,", "the pharmacy at 3 High Street,"). A venue
 * word earlier in the sentence ("found a card in the hospital car park belonging to someone at")
 * does not make a home address public.
 */
const venueAddress = (address: string): boolean => {
  let last: RegExpExecArray | null = null;
  VENUE_G.lastIndex = 0;
  for (let m = VENUE_G.exec(address); m; m = VENUE_G.exec(address)) last = m;
  if (!last) return false;
  const rest = address.slice(last.index + last[0].length);
  const words = rest.match(/[\p{L}'’]+/gu) ?? [];
  return words.length <= 8 && words.every((w) => /^\p{Lu}/u.test(w) || ADDRESS_WORD.test(w));
};

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
      /**
       * Postcode areas to recognise on top of the Royal Mail ones. ZZ is the NHS pseudo-postcode
       * area (ZZ99 codes for no fixed abode and overseas patients), which appears in records and
       * test data. The areas of the profile's own addresses are always recognised.
       */
      extraAreas: z.array(z.string().regex(/^[A-Za-z]{1,2}$/)).default(['ZZ']),
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
    const areas = new Set(options.extraAreas.map((a) => a.toUpperCase()));
    for (const a of profile.organisation.addresses) {
      const area = a.postcode ? postcodeArea(a.postcode) : null;
      if (area) areas.add(area);
    }
    return (draft, report) => {
      const text = draft.text;
      if (!/[0-9]/.test(text)) return;
      for (const m of findPostcodes(text, areas)) {
        if (own.has(m.normalised)) continue;
        if (CODE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) continue;
        if (options.allowVenues) {
          // The address part: back to the start of the sentence or line, at most 100 characters.
          const from = Math.max(0, m.start - 100);
          const head = text.slice(from, m.start);
          const cut = Math.max(head.search(/[.!?\n][^.!?\n]*$/), -1);
          const address = cut >= 0 ? head.slice(cut + 1) : head;
          if (venueAddress(address) && !PERSONAL.test(address)) continue;
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
