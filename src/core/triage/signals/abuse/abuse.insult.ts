/**
 * abuse.insult — name-calling aimed at people: "useless parasites", "that idiot on reception",
 * "fat cow", "absolute scumbags", "jumped-up little Hitlers", "you muppet", "waste of space".
 *
 * Strong insults are abusive wherever they point at someone. Words with everyday meanings (idiot,
 * cow, clown, muppet, pig, animal) count only when aimed: "you idiot", "that cow", "bunch of
 * clowns", "useless pig". Self-deprecation ("I felt like an idiot"), being treated like one, and
 * reporting someone else's words ("she called me a fat cow") are left alone.
 */
import { z } from 'zod';
import { compilePhrases } from '../../../text/phrases.js';
import { findPhrases } from '../../text/prefilter.js';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal } from '../../signal.js';
import {
  MAX_MATCHES,
  after,
  before,
  negatedLocally,
  reportedSpeech,
} from '../../text/risk-context.js';

// Words that aim an ambiguous insult at someone.
const AIMED =
  /(?:^|[^\p{L}])(?:you|ya|u|your|ur|you're|youre|you lot|that|those|these|this|what a|what an|absolute|absolutely|total|totally|complete|utter|proper|right|bunch of|pack of|load of|set of|shower of|such|such an?|fat|useless|stupid|silly|lazy|ugly|thick|incompetent|ignorant|arrogant|rude|old|jumped[- ]up|little|bloody|f\*+\w*|fucking|effing|clueless|brainless|heartless|lying|greedy|smug|horrible|nasty|vile|evil|disgusting|miserable|bunch|are|is|are all|all)\s+(?:\p{L}+\s+)?$/u;
// Insulting words that make "woman", "man", "git" an insult.
const INSULTING_BEFORE =
  /(?<![\p{L}])(?:stupid|thick|fat|ugly|useless|lazy|dozy|silly|daft|dumb|brainless|clueless|miserable|horrible|nasty|vile|evil|arrogant|ignorant|smug|jumped[- ]up|stuck[- ]up|pathetic|incompetent|f\*+\w*|fucking|effing|bloody|dirty|filthy|sour-faced|sour faced|rude|mardy|gobby|mouthy)\s+(?:old\s+)?$/u;
// An ambiguous word that names a person when followed by where they work or what they did.
const AIMED_AFTER =
  /^\s*(?:on reception|at reception|on the desk|at the desk|behind the desk|in charge|running (?:this|the)|who (?:runs?|work|works|answered|was on)|that (?:runs?|work|works))/;
// Not aimed at anyone: "I felt like an idiot", "treated like idiots", "made to look a fool".
const NOT_AIMED =
  /(?:like|look|looked|looking|feel|felt|feeling|made me|make me|i'?m|i am|i was|me a|myself|as a|as an|as if i'?m an?|play(?:ing)? the|april|there (?:are|is|were|was|'s)|saw|seen|full of|infested with|with)\s+(?:a |an |such an? |total |complete |an absolute |a right )?$/;
// Animals and farming: "cows in the field", "pig in blankets".
const LITERAL_AFTER =
  /^\s*(?:in (?:blankets|a poke|the field)|farm|milk|'s milk|field|shed|pen|sty)/;

export default defineSignal({
  meta: {
    id: 'abuse.insult',
    label: 'abuse',
    description: 'Name-calling aimed at people, including staff',
    requirements: ['INB-13'],
  },
  options: z.object({}).strict(),
  create() {
    const list = triagePhrases('abuse-insults');
    const strong = compilePhrases(
      list.entries.filter((e) => e.kind === 'strong').flatMap((e) => e.phrases),
    );
    const ambiguous = compilePhrases(
      list.entries.filter((e) => e.kind === 'ambiguous').flatMap((e) => e.phrases),
    );
    const person = compilePhrases(
      list.entries.filter((e) => e.kind === 'person').flatMap((e) => e.phrases),
    );

    return (p, report) => {
      const check = (start: number, end: number, isStrong: boolean) => {
        if (reportedSpeech(p, start) || negatedLocally(p, start, 3)) return;
        const lead = before(p, start, 50);
        if (NOT_AIMED.test(lead)) return;
        const next = after(p, end, 40);
        if (LITERAL_AFTER.test(next)) return;
        const aimed = isStrong || AIMED.test(lead) || AIMED_AFTER.test(next);
        if (!aimed) return;
        report({ start, end, weight: 1, note: 'Name-calling aimed at people' });
      };
      for (const m of findPhrases(strong, p.lower).slice(0, MAX_MATCHES))
        check(m.start, m.end, true);
      for (const m of findPhrases(ambiguous, p.lower).slice(0, MAX_MATCHES))
        check(m.start, m.end, false);
      // "stupid woman", "miserable git": a plain word for a person only insults with an insult before it.
      for (const m of findPhrases(person, p.lower).slice(0, MAX_MATCHES)) {
        if (
          !INSULTING_BEFORE.test(before(p, m.start, 30)) ||
          reportedSpeech(p, m.start) ||
          NOT_AIMED.test(before(p, m.start, 50))
        )
          continue;
        report({ start: m.start, end: m.end, weight: 1, note: 'Name-calling aimed at people' });
      }
    };
  },
});
