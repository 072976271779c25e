/**
 * complaint.explicit — says it is a complaint or a concern being raised ("I want to make a formal
 * complaint", "Complaint: …", "how do I complain", "my complaint ref is…", "I want to raise a
 * concern about my mum's care", "I'm reporting her"). Enough on its own: complaints are passed to
 * PALS, not handled on social media (INB-8). "Not complaining, just asking" and "this isn't a
 * complaint" argue against the label.
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { matchesIn, negatedAt } from '../../text/desk-cues.js';

const HEADING = /^[\s\p{P}]*complaint\s*[:–—-]/u;
const DISOWNED =
  /(?<![\p{L}])(?:not|never|isn't|isnt|is\s+not|wasn't)\s+(?:a\s+|being\s+|trying\s+to\s+|meaning\s+to\s+|here\s+to\s+)?(?:complain(?:ing)?|complaint|moan(?:ing)?|having\s+a\s+go|criticising|criticism)(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'complaint.explicit',
    label: 'complaint',
    description: 'Says it is a complaint or a concern being raised',
    requirements: ['INB-8'],
  },
  options: z.object({}).strict(),
  create() {
    const explicit = phraseIndex('complaint-grievance', ['explicit']);
    return (p, report) => {
      for (const m of matchesIn(p, DISOWNED)) {
        // "I'm not one to complain, but…" is a complaint's preface, not a disclaimer.
        if (/one\s+to\s+$/.test(p.lower.slice(Math.max(0, m.index! - 12), m.index!))) continue;
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: -1,
          note: 'Says it is not a complaint',
        });
        break;
      }
      const heading = HEADING.exec(p.lower);
      if (heading) {
        report({
          start: heading.index,
          end: heading.index + heading[0].length,
          weight: 1,
          note: 'Headed as a complaint',
        });
        return;
      }
      for (const m of hitsOf(p, explicit)) {
        if (negatedAt(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m.text.length,
          weight: 1,
          note: 'Says it is a complaint',
        });
        return;
      }
    };
  },
});
