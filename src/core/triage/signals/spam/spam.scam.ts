/**
 * spam.scam — unmistakable scam, phishing, fake-product or bot wording: money promises ("earn
 * £500 a day", "I made £12k in a week", "guaranteed 10x returns"), phishing ("enter bank details
 * to verify", "claim your £75"), bought followers, essay mills, prescription drugs without a
 * prescription, romance-scam openers ("hello dear … want to be friend"), follow-for-follow.
 * Enough on its own; the engine then drops personal_data and service_question (the scammer's
 * phone number is not a patient's) (INB-1).
 */
import { z } from 'zod';

import { defineSignal } from '../../signal.js';
import { matchesIn, negatedAt, quotedAt } from '../../text/desk-cues.js';
import { GatedPattern, hitsOf, phraseIndex } from '../../text/phrase-index.js';

// Money promises: "earn £500 a day", "our members earn £3,000/week", "I made £12k in a week",
// "guaranteed 10x returns".
// Also the bot testimonial: "thanks to Mr James investment program", "all thanks to Mrs Karen".
const MONEY = new GatedPattern([
  {
    triggers: [
      'up',
      'thanks',
      'thank',
      'grateful',
      'earn',
      'earning',
      'earned',
      'make',
      'making',
      'made',
      'guaranteed',
      'returns',
      'x',
    ],
    source: String.raw`(?<![\p{L}])(?:(?:thanks|thank\s+you|all\s+thanks|grateful)\s+to\s+(?:mr|mrs|ms|miss|dr|sir|madam|expert)\.?\s+[\p{L}]+\s+(?:[\p{L}]+\s+)?(?:investment|trading|crypto|forex|bitcoin|program|programme|platform|recovery|loan|spell)|(?:earn|earning|make|making)\s+(?:up\s+to\s+|over\s+)?\d[\d,.]*\s?k?\s+(?:weekly|daily|monthly|a\s+(?:day|week|month))|(?:earn|earning|earned|make|making|made)\s+(?:up\s+to\s+|over\s+)?[£$€]\s?\d[\d,.]*\s?k?\s*(?:a|per|\/|in\s+a|every)\s*(?:day|week|wk|month|hour|hr)|up\s+to\s+[£$€]\s?\d[\d,.]*\s?k?\s*(?:\/|a|per)\s*(?:day|week|wk|month|hour|hr)|guaranteed\s+(?:\d{1,3}\s?x\s+)?(?:returns|profits?|income)|\d{1,3}\s?x\s+(?:returns|your\s+money))(?![\p{L}])`,
  },
]);

export default defineSignal({
  meta: {
    id: 'spam.scam',
    label: 'spam',
    description: 'Scam, phishing, fake-product or bot wording',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const scam = phraseIndex('spam-promotion', ['scam']);
    return (p, report) => {
      const found = [
        ...matchesIn(p, MONEY).map((m) => ({
          index: m.index!,
          end: m.index! + m[0].length,
          text: m[0],
        })),
        ...hitsOf(p, scam),
      ];
      for (const m of found) {
        // Warnings about scams quote them: "don't enter your bank details", "'claim your refund' is a scam".
        if (negatedAt(p, m.index) || quotedAt(p, m.index)) continue;
        report({ start: m.index, end: m.end, weight: 1, note: `Scam or promotion: "${m.text}"` });
        return;
      }
    };
  },
});
