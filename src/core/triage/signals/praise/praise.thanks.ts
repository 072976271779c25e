/**
 * praise.thanks — thanks given in earnest: "Massive thank you to the midwives…", "Thank you for
 * the quick reply", "Cheers for the update", "shout out to Ward 10", "hats off to the ambulance
 * crew". Enough on its own (INB-6). Not praise: sarcastic thanks ("thanks for nothing", "thanks
 * so much 😒"), and politeness closing a question or request ("could you tell me…? Thanks",
 * "thanks in advance", "I'd be grateful if you could send…").
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { hitsOf, phraseIndex } from '../../text/phrase-index.js';
import { toneOf } from '../../sentiment.js';
import { sentenceIndexAt } from '../../text/desk-cues.js';
import { asksSomething, inQuestion, inRequest, isMeant } from './cues.js';

const POLITE_AFTER =
  /^\s*(?:in\s+advance|in\s+adv|for\s+(?:your|any)\s+help|for\s+(?:reading|listening|looking)|if\s+you\s+can|if\s+so|anyway)(?![\p{L}])/u;
const POLITE_BEFORE = /(?:would|'d|will|i'd|we'd)\s+(?:be\s+)?(?:really\s+|very\s+|most\s+)?$/u;

export default defineSignal({
  meta: {
    id: 'praise.thanks',
    label: 'praise',
    description: 'Thanks given in earnest (not politeness or sarcasm)',
    requirements: ['INB-6', 'INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    const thanks = phraseIndex('praise-cues', ['thanks']);
    return (p, report) => {
      const all = hitsOf(p, thanks);
      if (all.length === 0) return;
      const asking = asksSomething(p);
      for (const m of all) {
        const at = m.index!;
        const end = at + m.text.length;
        if (!isMeant(p, at)) continue;
        if (
          POLITE_AFTER.test(p.lower.slice(end, end + 25)) ||
          POLITE_BEFORE.test(p.lower.slice(Math.max(0, at - 20), at))
        )
          continue;
        if (inQuestion(p, at) || inRequest(p, at)) continue;
        // A bare "Thanks!" at the end of an item that asks for something is a sign-off.
        const s = p.sentences[sentenceIndexAt(p, at)];
        const words = s ? s.text.split(/\s+/).length : 0;
        if (asking && words <= 4) continue;
        // A short closing "Thanks" / "Thanks a lot" after sentences that praise nothing is a
        // sign-off or a sarcastic parting shot, not praise ("…lost my glasses. Thanks").
        const si = sentenceIndexAt(p, at);
        if (words <= 4 && si > 0 && si === p.sentences.length - 1) {
          const earlier = toneOf(p).hits.filter((h) => h.sentence < si);
          if (!earlier.some((h) => h.valence > 0 && !h.sarcastic)) continue;
        }
        // "Thanks for the reply, but it doesn't answer my question": thanks as a preface to a grievance.
        if (asking && s && /(?<![\p{L}])but(?![\p{L}])/u.test(p.lower.slice(end, s.end))) continue;
        // "thanks to the strikes, my op was cancelled": thanks that introduces a cause of grievance.
        if (
          /^\s+to\s/.test(p.lower.slice(end, end + 4)) &&
          toneOf(p).hits.some((h) => h.valence < 0 && h.sentence === sentenceIndexAt(p, at))
        )
          continue;
        report({ start: at, end, weight: 1, note: 'Thanks' });
        return;
      }
    };
  },
});
