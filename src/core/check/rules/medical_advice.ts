/**
 * medical_advice — a post or reply that gives clinical advice (a dose, a treatment, a diagnosis,
 * a change to someone's medicines, or reassurance in place of an assessment) instead of
 * signposting to a GP, a pharmacist, NHS 111 or 999 (PUB-3, INB-10). Advice on social media is
 * given without an assessment and can harm; signposting is always safe.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases, type PhraseMatch } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

const list = phraseList('medical-advice');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });

/** An amount of a medicine: "1000mg", "5 ml", "two tablets", "3 days of". */
const DOSE =
  /(?<![\p{L}\p{N}])\d{1,4}(?:[.,]\d{1,3})?\s?(?:mg|milligrams?|mcg|micrograms?|µg|ml|mls|millilitres?)(?![\p{L}\p{N}])|\b(?:one|two|three|four|five|six|a\s+couple\s+of|\d{1,2})\s+(?:tablets?|pills?|capsules?|caplets?|puffs?|drops?|sachets?|teaspoons?|teaspoonfuls?|spoonfuls?)\b|\b(?:\d{1,2}|three|five|seven|ten)\s+days?\s+of\b/giu;

/** How often: "four times a day", "every 4 hours", "twice daily". */
const FREQUENCY =
  /\b(?:once|twice|three\s+times|four\s+times|\d\s?(?:x|times))\s+(?:a|per|each)\s+day\b|\bevery\s+(?:\d{1,2}(?:\s?(?:-|to)\s?\d{1,2})?|two|three|four|six|eight|twelve|four\s+to\s+six)\s+hours?\b|\b(?:twice|once|three\s+times)\s+daily\b/iu;

/** An instruction to use a treatment: imperative or "you should …". */
const INSTRUCT =
  /(?:^|[,;:.!?()—–-]\s*|\b(?:just|simply|then|and|or|so|also|you\s+should|you\s+need\s+to|you\s+must|you\s+can|you\s+could|you['’]ll\s+need\s+to|you\s+will\s+need\s+to|I['’]d|I\s+would|try\s+to|best\s+to|make\s+sure\s+you|remember\s+to|always|definitely|please|you\s+might\s+want\s+to)\s+)(?:take|give|use|apply|try|put|rub|start|have|get|gargle\s+with|grab|pop|stick\s+to)\b/giu;

/** "You need antibiotics", "you'll need a course of steroids". */
const YOU_NEED =
  /\byou(?:['’]ll|\s+will)?\s+(?:need|want|should\s+have|should\s+get|should\s+be\s+on)\b/giu;

/** Stopping or changing a medicine. */
const STOP_TAKING =
  /\b(?:stop|quit|stopping)\s+(?:taking|using)\b(?!\s+(?:the\s+(?:mick|mickey|piss)|risks|chances|part|calls|bookings|payments|photos|pictures))/giu;
const CHANGE =
  /\b(?:stop|come\s+off|cut\s+out|double|halve|increase|decrease|reduce|lower|up|skip|miss|switch(?:\s+over)?\s+to|swap\s+to|change\s+to)\s+(?:up\s+)?(?:your|the|a|all|any)?\s*/giu;

/** "Sounds like …", "you've got …", "that's just …", "you probably have …" followed by a condition. */
const DIAGNOSE =
  /\b(?:sounds|looks|seems)\s+like\b|\byou(?:['’]ve|\s+have)\s+(?:probably\s+|likely\s+|definitely\s+|just\s+|only\s+|clearly\s+)?got\b|\byou\s+(?:probably|likely|definitely|most\s+likely|clearly|may|might|could)\s+(?:have|be\s+having)\b|\b(?:that['’]s|that\s+is|it['’]s|it\s+is|this\s+is|it['’]ll\s+be|that['’]ll\s+be)\s+(?:probably|likely|definitely|just|only|almost\s+certainly|most\s+likely|nothing\s+more\s+than)\b/giu;
/** Hedged talk that is not a diagnosis: "if you think you might have flu, take a test". */
const NOT_DIAGNOSIS = /\b(?:if|think|worried|concerned|suspect|whether|unsure)\b[^.!?]{0,25}$/iu;

/** Reassurance that replaces an assessment: "you won't need antibiotics", "no need to see a GP". */
const REASSURE =
  /\byou\s+(?:won['’]t|will\s+not|don['’]t|do\s+not|shouldn['’]t|should\s+not|wouldn['’]t)\s+need\b|\bno\s+need\s+(?:for|to\s+(?:see|visit|call|contact|go\s+to|get|take|bother))\b/giu;
const ASSESSMENT =
  /^\s*(?:any\s+|an?\s+|your\s+|the\s+|to\s+)?(?:see\s+|visit\s+|call\s+|contact\s+|go\s+to\s+|get\s+|take\s+|bother\s+)?(?:a\s+|an\s+|your\s+|the\s+|any\s+)?(?:GP|doctor|A&E|hospital|x-?ray|scan|stitches|treatment|medical\s+help|a\s+doctor)\b/iu;

const NEGATED =
  /(?:\b(?:don['’]t|do\s+not|never|not|shouldn['’]t|should\s+not|won['’]t|mustn['’]t|if\s+you)\s+(?:\w+\s+)?|\b(?:should|can|could|shall|must|do)\s+(?:I|we)\s+)$/iu;

/** What to post instead. */
const SIGNPOST =
  "We can't give medical advice on social media. Please speak to your GP or a pharmacist, use NHS 111 online, or call 999 in an emergency.";

export default defineRule({
  meta: {
    id: 'medical_advice',
    description: 'Gives clinical advice (dose, treatment, diagnosis) instead of signposting',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3', 'INB-10'],
  },
  options: z
    .object({
      /** More medicines or treatments the organisation sees named in replies. */
      medicines: z.array(z.string().min(2)).default([]),
      /** Characters between an instruction or diagnosis word and the medicine or condition it governs. */
      window: z.number().int().min(10).max(120).default(45),
    })
    .strict(),
  create(options) {
    const medicine = compilePhrases([...phrasesOf('medicine'), ...options.medicines]);
    const supplement = compilePhrases(phrasesOf('supplement'));
    const own = compilePhrases(phrasesOf('own-medication'));
    const condition = compilePhrases(phrasesOf('condition'));
    const signpost = compilePhrases(phrasesOf('signpost'));
    const safe = compilePhrases(phrasesOf('safe'));
    const check = compilePhrases(phrasesOf('check'));
    const w = options.window;
    const note =
      'Signpost instead: GP or pharmacist for advice, NHS 111 online for urgent help, 999 in a life-threatening emergency.';

    /** The first match that starts within the window after `from`. */
    const after = (ms: PhraseMatch[], from: number): PhraseMatch | undefined =>
      ms.find((m) => m.start >= from && m.start - from <= w);

    return (draft, report) => {
      for (const s of sentences(straightQuotes(draft.text))) {
        const t = s.text;
        const meds = findPhrases(medicine, t);
        const owns = findPhrases(own, t);
        const isSafe = findPhrases(safe, t).length > 0;
        const isCheck = findPhrases(check, t).length > 0;
        const put = (start: number, end: number, what: string): void => {
          report({
            start: s.start + start,
            end: s.start + end,
            message: `Unexpected ${what} ("${t.slice(start, end)}"), expected signposting to a GP, pharmacist, NHS 111 or 999`,
            expected: [SIGNPOST],
            note,
          });
        };

        // A dose with a medicine or a frequency.
        DOSE.lastIndex = 0;
        const dose = DOSE.exec(t);
        if (dose && !isSafe) {
          const freq = FREQUENCY.exec(t);
          // The medicine nearest the dose is the one it is a dose of.
          const med = [...meds].sort(
            (a, b) => Math.abs(a.start - dose.index) - Math.abs(b.start - dose.index),
          )[0];
          const onlySupplement = !med && findPhrases(supplement, t).length > 0;
          if ((med || freq) && !onlySupplement) {
            const ends = [
              dose.index + dose[0].length,
              med ? med.end : 0,
              freq ? freq.index + freq[0].length : 0,
            ];
            const starts = [dose.index, med ? med.start : t.length, freq ? freq.index : t.length];
            put(Math.min(...starts), Math.max(...ends), 'dose instruction');
            continue;
          }
        }

        // Stopping or changing someone's medicine.
        let changed = false;
        STOP_TAKING.lastIndex = 0;
        for (const m of execAll(STOP_TAKING, t)) {
          if (
            NEGATED.test(t.slice(Math.max(0, m.index - 25), m.index)) ||
            /\bwithout\s+(?:speaking|talking|checking)\b/iu.test(t)
          )
            continue;
          put(m.index, m.index + m[0].length, 'advice to stop a medicine');
          changed = true;
          break;
        }
        if (!changed) {
          CHANGE.lastIndex = 0;
          for (const m of execAll(CHANGE, t)) {
            const end = m.index + m[0].length;
            const target =
              [...meds, ...owns].find((x) => x.start === end) ??
              (/^(?:dose|dosage)\b/iu.test(t.slice(end))
                ? { start: end, end: end + 4, text: 'dose' }
                : undefined);
            if (
              !target ||
              NEGATED.test(t.slice(Math.max(0, m.index - 25), m.index)) ||
              /\bwithout\s+(?:speaking|talking|checking)\b/iu.test(t)
            )
              continue;
            put(m.index, target.end, 'advice to change a medicine');
            changed = true;
            break;
          }
        }
        if (changed) continue;

        // An instruction to use a named medicine or treatment.
        if (meds.length > 0 && !isSafe && !isCheck) {
          let done = false;
          for (const re of [INSTRUCT, YOU_NEED]) {
            re.lastIndex = 0;
            for (const m of execAll(re, t)) {
              const verbStart = m.index + m[0].length - m[0].trimStart().length;
              if (NEGATED.test(t.slice(Math.max(0, verbStart - 25), verbStart)) && re === YOU_NEED)
                continue;
              const med = after(meds, m.index + m[0].length);
              if (!med) continue;
              put(
                m.index + (m[0].length - m[0].replace(/^[\s,;:.!?()—–-]+/u, '').length),
                med.end,
                'treatment advice',
              );
              done = true;
              break;
            }
            if (done) break;
          }
          if (done) continue;
        }

        // A diagnosis of the reader.
        const conds = findPhrases(condition, t);
        if (conds.length > 0) {
          DIAGNOSE.lastIndex = 0;
          let done = false;
          for (const m of execAll(DIAGNOSE, t)) {
            if (NOT_DIAGNOSIS.test(t.slice(Math.max(0, m.index - 30), m.index))) continue;
            const c = after(conds, m.index + m[0].length);
            if (!c) continue;
            put(m.index, c.end, 'diagnosis');
            done = true;
            break;
          }
          if (done) continue;
        }

        // Reassurance in place of an assessment, unless another service is offered instead.
        REASSURE.lastIndex = 0;
        for (const m of execAll(REASSURE, t)) {
          const end = m.index + m[0].length;
          const rest = t.slice(end);
          const object = ASSESSMENT.exec(rest);
          const med = meds.find((x) => x.start >= end && x.start - end <= 12);
          if (!object && !med) continue;
          const stop = med ? med.end : end + object!.index + object![0].length;
          const others = findPhrases(signpost, t).filter(
            (x) => x.end <= m.index || x.start >= stop,
          );
          if (others.length > 0) continue;
          put(m.index, stop, 'reassurance in place of an assessment');
          break;
        }
      }
    };
  },
});
