/**
 * personal_data.contact — a personal phone number or email address: "her number is 07700 900412",
 * "email me at gary.brookes84@gmail.com".
 *
 * The organisation's own published numbers and mailboxes (profile) are left alone, and so are
 * role mailboxes (pals@, info@, enquiries@). A landline given as a service's number ("the
 * surgery's number is 01225…") or a 03/08 number only supports; mobiles and numbers given as
 * someone's own are enough.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { before, matches } from '../../text/risk-context.js';

// Starts at a word boundary so a long run of digits is tried once, not at every position.
const PHONE = /(?<![\p{N}\p{L}+])(?:\+44|0044|\(0|0)[\d \-()]{8,16}/gu;
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,5}/gu;
const ROLE =
  /^(?:pals|info|enquiries|enquiry|foi|press|media|comms|communications|admin|contact|contactus|hello|reception|office|team|appointments|bookings|referrals|noreply|no-reply|complaints|feedback|help|helpdesk|support|governance|safeguarding|switchboard|general|mail|post)(?:[._-][\p{L}\p{N}]+)*$/u;
const PERSONAL_CUE =
  /(?<![\p{L}])(?:my|me|his|her|their|mum'?s|dad'?s|nan'?s|contact me|ring me|call me|text me|reach me|whatsapp me|me on|me at|number is|mobile|mob|tel|phone)\b[^.!?\n]{0,25}$/u;
const SERVICE_CUE =
  /(?<![\p{L}])(?:surgery|practice|clinic|ward|switchboard|helpline|help line|line|reception|pharmacy|department|dept|office|pals|team|hospital|trust|service|unit|centre|center|hub|desk|111|booking)(?:'s)?\b[^.!?\n]{0,30}$/u;

export default defineSignal({
  meta: {
    id: 'personal_data.contact',
    label: 'personal_data',
    description:
      "A personal phone number or email address (not the organisation's published contacts)",
    requirements: ['INB-16', 'INB-11'],
  },
  options: z.object({}).strict(),
  create(_options, profile) {
    const ownNumbers = new Set(
      [
        ...profile.organisation.servicePhoneNumbers.map((s) => s.number),
        ...Object.values(profile.teams).map((t) => t?.phone ?? ''),
      ]
        .map((n) => n.replace(/\D/g, ''))
        .filter(Boolean),
    );
    const ownDomains = profile.organisation.emailDomains.map((d) => d.toLowerCase());
    const ownEmails = new Set(
      [
        ...profile.organisation.emailAddresses,
        ...Object.values(profile.teams).map((t) => t?.email ?? ''),
      ].map((e) => e.toLowerCase()),
    );

    return (p, report) => {
      for (const m of matches(PHONE, p.lower)) {
        const raw = m[0].replace(/[\s\-()]+$/, '');
        let digits = raw.replace(/\D/g, '');
        if (digits.startsWith('44')) digits = '0' + digits.slice(2).replace(/^0/, '');
        else if (digits.startsWith('0044')) digits = '0' + digits.slice(4);
        const ok =
          (digits.length === 11 && /^0[1235789]/.test(digits)) ||
          (digits.length === 10 && /^01/.test(digits));
        if (!ok || ownNumbers.has(digits)) continue;
        const lead = before(p, m.index, 50);
        const personal = PERSONAL_CUE.test(lead);
        const weight =
          digits.startsWith('07') || personal
            ? 1
            : /^0[1-2]/.test(digits) && !SERVICE_CUE.test(lead)
              ? 1
              : 0.5;
        report({
          start: m.index,
          end: m.index + raw.length,
          weight,
          note: weight === 1 ? 'Phone number' : 'Phone number, possibly a service line',
        });
      }
      for (const m of matches(EMAIL, p.lower)) {
        const addr = m[0].replace(/[.-]+$/, '');
        const [local = '', domain = ''] = addr.split('@');
        if (
          ownEmails.has(addr) ||
          ownDomains.some((d) => domain === d || domain.endsWith('.' + d)) ||
          ROLE.test(local)
        )
          continue;
        report({ start: m.index, end: m.index + addr.length, weight: 1, note: 'Email address' });
      }
    };
  },
});
