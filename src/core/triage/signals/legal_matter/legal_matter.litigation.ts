/**
 * legal_matter.litigation — legal action the writer is taking, threatening or part of: suing,
 * "see you in court", a letter of claim, a tribunal, a claim against the trust, a class action,
 * an inquest. Legal matters go to governance and are never commented on publicly.
 *
 * A legal term counts when the writer is involved (I, we, my, our, you, your, or an address to
 * the organisation) and it is not negated ("I'm not going to sue, I just want answers"). In a
 * request for figures ("how much was paid in negligence claims") or in news-like comment it only
 * supports. Conditionals still count: "if nothing changes I'll be taking legal action" is a
 * threat of litigation. "Criminal" as an insult, "food court", "Crown" and "claim your free" are
 * never matched: only legal collocations are listed.
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
    id: 'legal_matter.litigation',
    label: 'legal_matter',
    description:
      'Legal action taken, threatened or under way: suing, court, tribunal, claims, letters of claim, inquests',
    requirements: ['INB-14'],
  },
  options: z.object({}).strict(),
  create() {
    const list = triagePhrases('legal_matter-terms');
    const action = compilePhrases(
      list.entries.filter((e) => e.kind === 'action').flatMap((e) => e.phrases),
    );
    const context = compilePhrases(
      list.entries.filter((e) => e.kind === 'context').flatMap((e) => e.phrases),
    );

    return (p, report) => {
      for (const m of findPhrases(action, p.lower).slice(0, MAX_MATCHES)) {
        // "Sue" mid-sentence with a capital is a name ("Sue on reception").
        if (
          /^sue$/.test(m.text) &&
          /^Sue$/.test(p.text.slice(m.start, m.end)) &&
          !/^\s*(?:you|the|them|him|her|for|over)\b/.test(p.lower.slice(m.end, m.end + 10))
        )
          continue;
        const w = legalWeight(p, m.start, m.end);
        if (w > 0)
          report({
            start: m.start,
            end: m.end,
            weight: w,
            note: w === 1 ? 'Legal action by or against the writer' : 'Legal action mentioned',
          });
      }
      for (const m of findPhrases(context, p.lower).slice(0, MAX_MATCHES)) {
        const w = legalWeight(p, m.start, m.end);
        if (w > 0) report({ start: m.start, end: m.end, weight: 0.5, note: 'Legal language' });
      }
    };
  },
});
