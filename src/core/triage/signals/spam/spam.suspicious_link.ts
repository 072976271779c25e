/**
 * spam.suspicious_link — a link that hides where it goes (bit.ly, tinyurl…), sits on a throwaway
 * domain (.info, .xyz, .top, .click…) or imitates the NHS ("nhs-refunds-uk.info"). Links to the
 * organisation's own domains and to nhs.uk / gov.uk are left alone. Supporting evidence (INB-1).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { execAll } from '../../../text/exec-all.js';

const LINK =
  /(?<![\p{L}\p{N}@.-])(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]{1,63}\.){1,6}[a-z]{2,12})(?:\/[^\s<>"]{0,200})?/gu;
const SHORTENERS = new Set([
  'bit.ly',
  'tinyurl.com',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'cutt.ly',
  'rb.gy',
  'shorturl.at',
  't.ly',
  'tiny.cc',
  'buff.ly',
  'rebrand.ly',
  'linktr.ee',
]);
const THROWAWAY =
  /\.(?:info|xyz|top|click|link|online|site|live|shop|store|buzz|icu|win|loan|bid|vip|club|co)$/;
const TRUSTED = /(?:^|\.)(?:nhs\.uk|nhs\.net|gov\.uk|bbc\.co\.uk|ac\.uk)$/;

export default defineSignal({
  meta: {
    id: 'spam.suspicious_link',
    label: 'spam',
    description: 'A shortened, throwaway-domain or NHS-imitating link',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create(_options, profile) {
    const own = profile.organisation.emailDomains.map((d) => d.toLowerCase());
    return (p, report) => {
      if (!p.lower.includes('.')) return;
      for (const m of execAll(LINK, p.lower)) {
        const host = m[1]!;
        if (!/[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))) continue;
        if (TRUSTED.test(host) || own.some((d) => host === d || host.endsWith(`.${d}`))) continue;
        const imitation = /(?:^|[.-])nhs[-.]|nhs[a-z]*-/.test(host) && !TRUSTED.test(host);
        if (SHORTENERS.has(host.replace(/^www\./, '')) || THROWAWAY.test(host) || imitation) {
          report({
            start: m.index,
            end: m.index + m[0].length,
            weight: 0.5,
            note: `Suspicious link: ${host}`,
          });
          return;
        }
      }
    };
  },
});
