/**
 * Clinical content around a question, for the medical_question signals: does the question (or
 * the sentences just before it that it refers back to) talk about symptoms, medicines, conditions
 * or readings — rather than opening hours and bookings?
 */
import { compilePhrases } from '../../text/phrases.js';
import { findPhrases } from './prefilter.js';
import { triagePhrases } from '../phrases/index.js';
import type { PreparedItem } from '../prepare.js';
import { sentenceRange } from './risk-context.js';

// Logistics: a question about where, when or how to book is a service question even when it names
// a vaccine or a scan.
const LOGISTICS =
  /(?<![\p{L}])(?:where|when|what time|opening|open|opens|closed|close|shut|book|booking|booked|appointment|appointments|online|walk-?in|walk-?ins|walk in|walk ins|app|can (?:i|you|we) get|where (?:can|do) (?:i|you|we)|get (?:a|my|the|an) (?:flu |covid )?(?:jab|vaccine|booster|appointment|test)|referral|refer|repeat|phone|number|address|parking|bring|wait|waiting|queue|get back|reply|letter|email|contact|request|register|registered|collect|pick up|delivery|deliver|order|available|cost|pay|free|eligible|entitled|housebound|home visit|early|late|arrive|there)(?![\p{L}])/u;
// A question about the organisation's figures or running is an FOI or service matter, not advice.
const ORGANISATIONAL =
  /(?<![\p{L}])(?:the trust|the icb|the hospital'?s|your (?:trust|hospital|staff|figures|policy)|spent|spend|spending|budget|figures|statistics|the average|average waiting|waiting times?|waiting list|number of|how many (?:patients|people|children|staff|beds|nurses|doctors)|contract|policy|minutes|board|per cent|percentage)(?![\p{L}])/u;
// A frame sentence that points back at what was said before: "should I stop taking it?"
const REFERS_BACK = /(?<![\p{L}])(?:it|this|that|these|those|her|him|them|she|he|they)(?![\p{L}])/u;

/** A compiled clinical lexicon. */
export interface ClinicalLexicon {
  strong: RegExp | null;
  /** Symptoms and warning signs only — for open questions like "what do I do?". */
  symptoms: RegExp | null;
  weak: RegExp | null;
}

/** Compile the clinical word lists once per profile. */
export function clinicalLexicon(): ClinicalLexicon {
  const list = triagePhrases('medical_question-clinical');
  const pick = (kinds: string[]) =>
    compilePhrases(
      list.entries.filter((e) => kinds.includes(e.kind ?? '')).flatMap((e) => e.phrases),
    );
  const flags = triagePhrases('patient_safety-red-flags');
  return {
    strong: compilePhrases([
      ...list.entries
        .filter((e) => ['symptom', 'medicine', 'condition', 'measure'].includes(e.kind ?? ''))
        .flatMap((e) => e.phrases),
      ...flags.entries.flatMap((e) => e.phrases),
    ]),
    symptoms: compilePhrases([
      ...list.entries.filter((e) => e.kind === 'symptom').flatMap((e) => e.phrases),
      ...flags.entries.flatMap((e) => e.phrases),
    ]),
    weak: pick(['weak', 'weak_care']),
  };
}

/** The clinical word a question is about, if any: in its sentence or, when it points back, just before. */
export function clinicalContent(
  lex: ClinicalLexicon,
  p: PreparedItem,
  start: number,
  end: number,
  options: { sameSentence?: boolean; symptomsOnly?: boolean } = {},
): { start: number; end: number } | undefined {
  const r = sentenceRange(p, start, end);
  const s = p.lower.slice(r.start, r.end);
  if (ORGANISATIONAL.test(s)) return undefined;
  const inSentence = (text: string, offset: number, allowWeak: boolean) => {
    const strong = findPhrases(options.symptomsOnly ? lex.symptoms : lex.strong, text)[0];
    if (strong) return { start: offset + strong.start, end: offset + strong.end };
    if (!allowWeak || options.symptomsOnly || LOGISTICS.test(text)) return undefined;
    const weak = findPhrases(lex.weak, text)[0];
    return weak ? { start: offset + weak.start, end: offset + weak.end } : undefined;
  };
  const here = inSentence(s, r.start, true);
  if (here) return here;
  if (options.sameSentence) return undefined;
  if (!REFERS_BACK.test(s) && s.length > 80) return undefined;
  const from = Math.max(0, r.start - 250);
  const prev = p.lower.slice(from, r.start);
  return inSentence(prev, from, !LOGISTICS.test(s));
}
