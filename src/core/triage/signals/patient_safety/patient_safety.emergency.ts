/**
 * patient_safety.emergency — someone described as having acute warning signs now: chest pain,
 * struggling to breathe, unresponsive or fitting, a rash that doesn't fade, stroke signs,
 * something dangerous swallowed, no baby movements, heavy bleeding — or violence in progress.
 *
 * Strong signs are enough when they are about a person now. Weak signs (won't drink, high
 * temperature, drowsy, grey) need a second one. Past, negated ("no chest pain") and hypothetical
 * ("what if he has a seizure") mentions are context, not evidence.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases } from '../../../text/phrases.js';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal, type SignalReport } from '../../signal.js';
import {
  MAX_MATCHES,
  imaginedAt,
  matches,
  mentionsSpecificPerson,
  negatedLocally,
  sentenceText,
  timeframe,
} from '../../text/risk-context.js';

// Weak signs that need their own grammar: a fever of 38 or more, a person who has gone grey.
const FEVER = /(?<![\p{L}])(?:temp|temperature|fever)(?:'s| is| was| of| at| reading| has been| been)?(?: (?:over|above|about|around|nearly|almost|of))? ?(?:3[89]|4[0-2])(?:\.\d)?(?![\d])/gu;
const GREY = /(?<![\p{L}])(?:he's|she's|hes|shes|baby's|is|looks|looking|gone|going|turned|turning|very|really) (?:grey|gray|ashen)(?![\p{L}])/gu;
// A colour change round the mouth or face: "gone a funny blue colour round her mouth".
const COLOUR =
  /(?<![\p{L}])(?:gone|going|turned|turning|went|looks?|looking|is|are|was) (?:a |an )?(?:funny |bit |really |very |slightly |dusky |pale )?(?:blue|bluish|blueish|grey|gray|purple|mottled|ashen|dusky|white)(?: ?(?:colour|color|tinge|tint|ish))?(?: (?:round|around|on|in|at) (?:her|his|the|my|their) (?:mouth|lips|face|fingers|toes|hands|feet))?(?![\p{L}])/gu;
// Violence going on now: a weapon, or an attack on staff or patients.
const WEAPON =
  /(?<![\p{L}])(?:knife|knives|gun|machete|weapon|blade|axe|hammer|firearm|shotgun|baseball bat)(?![\p{L}])/gu;
const ATTACK =
  /(?<![\p{L}])(?:attacking|assaulting|punching|beating|stabbing|stabbed|kicking off at|headbutt\w*|threatening|waving|brandishing|wielding|pulled)(?![\p{L}])/u;
const NOW = /(?<![\p{L}])(?:right now|now|currently|at the moment|hiding|is|are|'s|'re|in progress|happening)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.emergency',
    label: 'patient_safety',
    description: 'Acute warning signs in a person now (chest pain, not breathing, fitting, non-fading rash, stroke signs, overdose, no fetal movement) or violence in progress',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    const list = triagePhrases('patient_safety-red-flags');
    const strong = compilePhrases(list.entries.filter((e) => e.kind === 'strong').flatMap((e) => e.phrases));
    const weak = compilePhrases(list.entries.filter((e) => e.kind === 'weak').flatMap((e) => e.phrases));
    const noteOf = new Map<string, string>();
    for (const e of list.entries) for (const ph of e.phrases) noteOf.set(ph.replace(/\*$/, ''), e.message ?? 'warning sign');

    return (p, report) => {
      // A mention counts when it is said of someone, is not negated or imagined, and is not over.
      const usable = (start: number, end: number): 'now' | 'past' | undefined => {
        if (imaginedAt(p, start) || negatedLocally(p, start)) return undefined;
        return timeframe(p, start, end) === 'past' ? 'past' : 'now';
      };

      for (const m of findPhrases(strong, p.lower).slice(0, MAX_MATCHES)) {
        const when = usable(m.start, m.end);
        if (!when) continue;
        const person = mentionsSpecificPerson(sentenceText(p, m.start, m.end));
        const key = [...noteOf.keys()].find((k) => m.text.startsWith(k)) ?? m.text;
        report({
          start: m.start,
          end: m.end,
          weight: when === 'now' && person ? 1 : 0.5,
          note: `Emergency warning sign (${noteOf.get(key) ?? 'warning sign'})${when === 'past' ? ', described as past' : ''}`,
        });
      }

      const weakHits: SignalReport[] = [];
      const seen = new Set<string>();
      const addWeak = (start: number, end: number, what: string) => {
        if (usable(start, end) !== 'now' || seen.has(what)) return;
        seen.add(what);
        weakHits.push({ start, end, weight: 0.5, note: `Warning sign (${what}) — serious alongside another` });
      };
      for (const m of findPhrases(weak, p.lower).slice(0, MAX_MATCHES)) addWeak(m.start, m.end, m.text);
      for (const m of matches(FEVER, p.lower)) addWeak(m.index, m.index + m[0].length, 'high temperature');
      for (const m of matches(GREY, p.lower)) addWeak(m.index, m.index + m[0].length, 'grey colour');
      for (const m of matches(COLOUR, p.lower)) {
        const end = m.index + m[0].length;
        if (!/(?:mouth|lips|face|fingers|toes|hands|feet)$/.test(m[0])) continue;
        const when = usable(m.index, end);
        if (when) report({ start: m.index, end, weight: when === 'now' ? 1 : 0.5, note: 'Emergency warning sign (colour change round the mouth or face)' });
      }
      const w = weakHits.length >= 2 ? 1 : 0.5;
      for (const r of weakHits) report({ ...r, weight: w, note: w === 1 ? 'Several warning signs together' : r.note! });

      for (const m of matches(WEAPON, p.lower)) {
        const s = sentenceText(p, m.index, m.index + m[0].length);
        if (!ATTACK.test(s) || imaginedAt(p, m.index) || negatedLocally(p, m.index)) continue;
        const now = NOW.test(s) && timeframe(p, m.index) !== 'past';
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: now ? 1 : 0.5,
          note: 'Violence with a weapon described as happening',
          ...(now ? { routes: ['police' as const] } : {}),
        });
      }
    };
  },
});
