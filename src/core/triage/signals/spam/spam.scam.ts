/**
 * spam.scam — unmistakable scam, phishing, fake-product or bot wording: money promises ("earn
 * £500 a day", "I made £12k in a week", "guaranteed 10x returns"), phishing ("enter bank details
 * to verify", "claim your £75"), bought followers, essay mills, prescription drugs without a
 * prescription, romance-scam openers ("hello dear … want to be friend"), follow-for-follow.
 * Enough on its own; the engine then drops personal_data and service_question (the scammer's
 * phone number is not a patient's) (INB-1).
 */
import { z } from 'zod';
import { isNegated, isQuoted } from '../../prepare.js';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';

// Money promises: "earn £500 a day", "our members earn £3,000/week", "I made £12k in a week",
// "guaranteed 10x returns".
const MONEY =
  /(?<![\p{L}])(?:(?:earn|earning|earned|make|making|made)\s+(?:up\s+to\s+|over\s+)?[£$€]\s?\d[\d,.]*\s?k?\s*(?:a|per|\/|in\s+a|every)\s*(?:day|week|wk|month|hour|hr)|guaranteed\s+(?:\d{1,3}\s?x\s+)?(?:returns|profits?|income)|\d{1,3}\s?x\s+(?:returns|your\s+money))(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'spam.scam',
    label: 'spam',
    description: 'Scam, phishing, fake-product or bot wording',
    requirements: ['INB-1'],
  },
  options: z.object({}).strict(),
  create() {
    const scam = new RegExp(phraseSource('spam-promotion', ['scam']), 'gu');
    return (p, report) => {
      for (const re of [MONEY, scam]) {
        for (const m of matchesIn(p, re)) {
          // Warnings about scams quote them: "don't enter your bank details", "'claim your refund' is a scam".
          if (isNegated(p, m.index!) || isQuoted(p, m.index!)) continue;
          report({ start: m.index!, end: m.index! + m[0].length, weight: 1, note: `Scam or promotion: "${m[0]}"` });
          return;
        }
      }
    };
  },
});
