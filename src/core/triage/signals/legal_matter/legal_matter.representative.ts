/**
 * legal_matter.representative — the writer has, is getting, or is speaking as a legal
 * representative: "my solicitors will be in touch", "we have instructed Harris & Co solicitors",
 * "solicitor acting for Mrs Khan", "taking legal advice", "expect to hear from Leigh Day".
 *
 * Same rules as legal_matter.litigation: the writer must be involved and the mention not negated;
 * questions about figures and news-like comment only support.
 */
import { z } from 'zod';
import { compilePhrases } from '../../../text/phrases.js';
import { findPhrases } from '../../text/prefilter.js';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal } from '../../signal.js';
import { legalWeight } from '../../text/risk-legal.js';
import { MAX_MATCHES } from '../../text/risk-context.js';

export default defineSignal({
  meta: {
    id: 'legal_matter.representative',
    label: 'legal_matter',
    description: 'Solicitors, lawyers, barristers or legal advice involved on the writer’s side',
    requirements: ['INB-14'],
  },
  options: z.object({}).strict(),
  create() {
    const list = triagePhrases('legal_matter-terms');
    const reps = compilePhrases(
      list.entries.filter((e) => e.kind === 'representative').flatMap((e) => e.phrases),
    );
    return (p, report) => {
      for (const m of findPhrases(reps, p.lower).slice(0, MAX_MATCHES)) {
        const w = legalWeight(p, m.start, m.end);
        if (w > 0)
          report({
            start: m.start,
            end: m.end,
            weight: w,
            note: w === 1 ? 'Legal representative involved' : 'Legal representative mentioned',
          });
      }
    };
  },
});
