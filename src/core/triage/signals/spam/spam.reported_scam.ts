/**
 * spam.reported_scam — argues against spam when the author is reporting or asking about a scam
 * rather than sending one: "Got a text saying my prescription payment failed… is this a scam?",
 * "careful everyone, scam accounts are messaging people". Negative weight: the scam's words are
 * quoted, not used (INB-1).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn } from '../../text/desk-cues.js';

const REPORTING =
  /(?<![\p{L}])(?:(?:i've\s+|i\s+have\s+|i\s+|just\s+|we\s+)?(?:got|had|received|getting|been\s+getting|been\s+sent)\s+(?:a|an|this|these|loads\s+of|lots\s+of)\s+(?:weird\s+|strange\s+|dodgy\s+|suspicious\s+)?(?:text|texts|email|emails|message|messages|call|calls|dm|dms|letter)|is\s+(?:this|that|it)\s+(?:[\p{L}]+\s+)?(?:a\s+scam|genuine|legit|legitimate|real|really\s+(?:you|from\s+you)|from\s+you)|scam\s+alert|beware|be\s+careful|careful\s+everyone|watch\s+out|don't\s+click|do\s+not\s+click|pretending\s+to\s+be|report\s+(?:them|it|this)|fake\s+accounts?|scam\s+accounts?|delete\s+(?:all\s+)?(?:the|these|those)\s+(?:[\p{L}]+\s+){0,2}?(?:comments|posts|replies)|people\s+fall\s+for)(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'spam.reported_scam',
    label: 'spam',
    description: 'Reporting, warning about or asking about a scam argues against spam',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      for (const m of matchesIn(p, REPORTING)) {
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: -1,
          note: 'Reports or asks about a scam',
        });
        return;
      }
    };
  },
});
