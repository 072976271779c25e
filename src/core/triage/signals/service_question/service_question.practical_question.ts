/**
 * service_question.practical_question — a question about using a service: opening times, where
 * to go, booking, referrals, vaccines, parking, visiting, phone numbers, the app ("what time does
 * the walk in centre shut on a saturday?", "wat time does the pharmacy shut sat", "Where's the
 * next one?" after a sentence about a booster clinic). Questions without a question mark count
 * when they open like one. Rhetorical questions ("why do you even bother having a phone line",
 * "a total rip off, £3 for 20 mins??"), questions about the organisation's figures (foi_request),
 * interview requests (media_enquiry) and questions about effects on the body ("does the flu jab
 * give you flu?", medical_question) do not (INB-1).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { isQuestionSentence, negatedAt } from '../../text/desk-cues.js';
import { hitsOf } from '../../text/phrase-index.js';
import { asksForMedia, asksForRecords, isClinical, isRhetorical, topicIndex } from './cues.js';

// Openers that ask where, when or how to use something: they carry a topic named in an earlier sentence.
const LOGISTIC =
  /^(?:[\s\p{P}]*(?:hi+|hiya|hello|hey|morning|afternoon|evening|ok|so|also|and|please|pls)[\s,!.]+){0,2}(?:where(?:'s|s)?|when(?:'s|s)?|wat\s+time|what\s+time|which|how\s+(?:do|can|would|should)\s+(?:i|we|you|u)\s+(?:book|get|find|register|order|request|make|access|contact|go\s+about)|is\s+there\s+(?:a|any)|are\s+there\s+any|do\s+(?:i|we|you|u)\s+need|can\s+(?:i|we|u)\s+(?:still|just|book|get|go|park|bring|come|visit)|any\s?(?:one|1|body)\s+know|any\s+(?:ideas|advice|help|tips)|(?:can\s+)?any\s?(?:one|1|body)\s+help|help\s+please|how\s+long\s+(?:until|till|before|is\s+the\s+wait|will\s+it\s+take|does\s+it\s+(?:usually\s+)?take)|how\s+many\s+weeks\s+(?:until|till|before)|when\s+will\s+(?:i|we|he|she|they)\s+(?:get|hear|be\s+seen|be\s+called)|is\s+(?:this|that|it)\s+(?:a\s+scam|genuine|legit|legitimate|real|really\s+you|from\s+you|you))(?![\p{L}])/u;
// Where to take, send or bring something: practical without naming a service.
const WHERE_TO =
  /(?<![\p{L}])where\s+(?:do|can|should|would)\s+(?:i|we|you|u)\s+(?:take|send|drop|bring|go|park|get|find|book|register|collect|pick\s+up|hand\s+in|post)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'service_question.practical_question',
    label: 'service_question',
    description:
      'A question about using a service (opening, booking, where to go, vaccines, parking, contact)',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const topic = topicIndex();
    return (p, report) => {
      const topics = hitsOf(p, topic).filter((m) => !negatedAt(p, m.index));
      const whereTo = p.sentences.find(
        (s) =>
          WHERE_TO.test(p.lower.slice(s.start, s.end)) &&
          isQuestionSentence(p, s) &&
          !isRhetorical(p, s) &&
          !asksForRecords(p, s) &&
          !asksForMedia(p, s),
      );
      if (topics.length === 0 && !whereTo) return;
      if (topics.length === 0 && whereTo) {
        report({
          start: whereTo.start,
          end: whereTo.end,
          weight: 1,
          note: 'Asks where to go or take something',
        });
        return;
      }
      for (const s of p.sentences) {
        if (
          !isQuestionSentence(p, s) ||
          isRhetorical(p, s) ||
          asksForRecords(p, s) ||
          asksForMedia(p, s)
        )
          continue;
        const here = topics.find((m) => m.index >= s.start && m.index < s.end);
        const lower = p.lower.slice(s.start, s.end);
        const logistic = LOGISTIC.test(lower) || WHERE_TO.test(lower);
        if (!here && !logistic) continue;
        if (!logistic && isClinical(p, s)) continue;
        const t = here ?? topics[0]!;
        const long = s.end - s.start > 140;
        report({
          start: long && here ? t.start : s.start,
          end: long && here ? t.end : s.end,
          weight: 1,
          note: `Practical question about "${t.text}"`,
        });
        return;
      }
    };
  },
});
