/**
 * service_question.who_to_contact — asks who to contact or how to reach a service ("who do I
 * contact?", "who do I tell?", "how do I get hold of…", "is there a number for…") when the item
 * names a service topic or record to contact them about. Without one ("who do I call right now?"
 * about a relative at risk) the question is left to the safety signals (INB-1).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { topicIndex } from './cues.js';

const CONTACT =
  /(?<![\p{L}])(?:who\s+(?:do|can|should|would)\s+(?:i|we)\s+(?:contact|speak\s+to|talk\s+to|ask|call|ring|phone|tell|email|write\s+to|go\s+to|get\s+in\s+touch\s+with|send\s+(?:it|this)\s+to)|who(?:'s|\s+is)\s+(?:the\s+)?(?:best|right)\s+(?:person\s+)?to\s+(?:contact|speak\s+to|ask)|how\s+(?:do|can|would)\s+(?:i|we)\s+(?:contact|reach|get\s+(?:hold\s+of|in\s+touch\s+with|through\s+to))|(?:is\s+there|do\s+you\s+have)\s+(?:a|an|any)\s+(?:number|email|phone\s+number|contact)|what(?:'s|s|\s+is)\s+the\s+(?:best\s+)?(?:way|number|email|phone\s+number)\s+to)(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'service_question.who_to_contact',
    label: 'service_question',
    description: 'Asks who to contact or how to reach a service, about a named service or record',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const topic = topicIndex();
    const records = phraseIndex('service_question-own-records', ['admin']);
    return (p, report) => {
      const asks = matchesIn(p, CONTACT);
      if (asks.length === 0) return;
      if (hitsOf(p, topic).length === 0 && hitsOf(p, records).length === 0) return;
      const m = asks[0]!;
      report({
        start: m.index!,
        end: m.index! + m[0].length,
        weight: 1,
        note: 'Asks who to contact about a service',
      });
    };
  },
});
