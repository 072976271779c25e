/**
 * praise.good_experience — what went well, described rather than praised: "in and out in 10
 * mins", "took their time, no rush", "held my hand throughout", "treated him with dignity",
 * "sorted my mum's transport in a day". Supporting evidence (INB-6).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { inQuestion, isMeant } from './cues.js';

export default defineSignal({
  meta: {
    id: 'praise.good_experience',
    label: 'praise',
    description: 'A good experience described (quick, gentle, listened, looked after)',
    requirements: ['INB-6'],
  },
  options: z.object({}).strict(),
  create() {
    const experience = phraseIndex('praise-cues', ['experience']);
    return (p, report) => {
      for (const m of hitsOf(p, experience)) {
        if (!isMeant(p, m.index!) || inQuestion(p, m.index!)) continue;
        report({
          start: m.index!,
          end: m.index! + m.text.length,
          weight: 0.5,
          note: `Good experience: "${m.text}"`,
        });
        return;
      }
    };
  },
});
