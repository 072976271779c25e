/**
 * medical_question.advice_request — clinical advice asked for in a statement rather than a
 * question: "wondering if I can take ibuprofen with my blood pressure tablets", "not sure whether
 * this rash needs looking at", "any advice on whether I should get my mole checked", "can you tell
 * me if my chest pain is anxiety".
 *
 * As with direct questions, the request must be about symptoms, medicines, conditions or
 * readings; "any advice on how to book" is a service question. "Not asking for medical advice"
 * is left alone.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { clinicalContent, clinicalLexicon } from '../../text/risk-clinical.js';
import { before, matches } from '../../text/risk-context.js';

const REQUEST =
  /(?<![\p{L}])(?:(?:i'?m |im |i am |just )?(?:wondering|wondered|wonder) (?:if|whether|what|how|about|why)|(?:i'?m |im |i am )?(?:not sure|unsure|confused) (?:if|whether|what|how|about)|(?:any|some|need|needing|want|would like|after|looking for|seeking|appreciate|grateful for) (?:\w+ )?advice|advice (?:on|about|for|re|regarding|please|needed|wanted)|(?:can|could) (?:you|u|someone|some1|anyone|any1|somebody) (?:please |pls |plz )?(?:tell|advise|help) (?:me|us) (?:if|whether|what|how|why)|(?:can|could) (?:you|someone|anyone|somebody) (?:please )?advise|tell me if|does anyone know (?:if|whether|what|how)|anyone know (?:if|whether|what|how)|(?:is it|it is|it's) worth (?:getting|having|going)|needs? (?:looking at|checking|to be (?:seen|looked at|checked))|should be (?:seen|looked at|checked)|(?:i'?d|i would) like to know (?:if|whether|what|how))(?![\p{L}])/gu;
// "not asking for advice", "no advice needed".
const DECLINED = /(?:not|no|don't|dont|without) (?:\w+ ){0,2}$/;
const SERVICE_TOPIC =
  /^[^.?!\n]{0,40}(?:book|booking|appointment|where|when|opening|open|register|referral|parking|prescription request|repeat prescription|visiting)/;

const RESULTS_BACK =
  /^\s*(?:(?:my|the|his|her|our) )?(?:results?|bloods?|blood tests?|scan results?|biopsy|they|it|these|those)(?:'re|'s|s| are| is| have| has| have come| has come)? ?(?:back|ready|in yet|through|available|been (?:sent|reported))(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'medical_question.advice_request',
    label: 'medical_question',
    description:
      'Clinical advice asked for in a statement ("wondering if…", "not sure whether…", "any advice on…")',
    requirements: ['INB-10'],
  },
  options: z.object({}).strict(),
  create() {
    const lex = clinicalLexicon();
    return (p, report) => {
      for (const m of matches(REQUEST, p.lower, 20)) {
        const start = m.index;
        const end = start + m[0].length;
        if (DECLINED.test(before(p, start, 30)) || SERVICE_TOPIC.test(p.lower.slice(end, end + 60)))
          continue;
        // "can someone tell me if they're back?" asks whether results have arrived: a service question.
        if (RESULTS_BACK.test(p.lower.slice(end, end + 50))) continue;
        const content = clinicalContent(lex, p, start, end);
        if (!content) continue;
        report({
          start,
          end,
          weight: 1,
          note: `Asks for clinical advice (${p.text.slice(content.start, content.end)})`,
        });
        return;
      }
    };
  },
});
