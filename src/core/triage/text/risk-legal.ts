/**
 * Shared reading of a legal term's context for the legal_matter signals: is the writer involved,
 * is it negated, is it a request for figures?
 */
import type { PreparedItem } from '../prepare.js';
import { negatedLocally, sentenceRange, sentenceText } from './risk-context.js';

const INVOLVED =
  /(?<![\p{L}])(?:i|i'm|im|i've|ive|i'll|i'd|me|my|mine|we|we're|we've|we'll|our|us|you|you're|your|you'll|yours|mum|mum's|mam|dad|dad's|nan|gran|husband|wife|son|daughter|brother|sister|father|mother|family|acting for|on behalf of|instructed|expect|in touch|hear from|direct all|copied in|cc'?d|taking|considering|seeking|pursuing|bringing|issuing|filing|filed|issued|launched|lodged|lodging|served|starting|begin|need|needs|getting|get|got|involved|involving|it is then|it is|it'?ll be|it'?s going)(?![\p{L}])/u;
const FIGURES =
  /(?<![\p{L}])(?:how many|how much|number of|numbers of|figures|total|totals|statistics|stats|data on|paid out|spent on|broken down|breakdown|each year|per year|last (?:three|five|ten|\d+) years|over the past|in the last|foi|freedom of information)(?![\p{L}])/u;
// Negations that belong to the legal words themselves: "not going to sue", "no intention of".
const NEGATED_INTENT =
  /(?<![\p{L}])(?:not|never|no intention of|don't want to|dont want to|won't be|wont be|not going to|not gonna|isn't about|not about|not looking to|not interested in|no plans to)(?: \p{L}+){0,3}\s*$/u;

// A legal word naming a job or a course, not an action: "wants to be a solicitor".
const CAREER =
  /(?<![\p{L}])(?:(?<!there )(?:is|'s|am|was|i'm|im|are|were) (?:a|an)|wants? to be|wanted to be|training to be|trained as|studying to be|to become|becoming|qualified as|works? as|worked as|working as|career as|dream of being|job as|placement with|work experience (?:with|at|in))(?: (?:a|an|the|your|our))?(?: [\p{L}]+){0,2}\s*$/u;

// Somebody else's career anywhere before the term in the sentence: "studying to be a lawyer and
// says your legal team were welcoming".
const CAREER_BEFORE =
  /(?<![\p{L}])(?:wants? to be|wanted to be|training to be|studying to be|to become|qualified as|work experience|placement|career|degree|law school|uni|university)(?![\p{L}])/u;
// The legal step is the thing imagined, not threatened: "if I said I'd sue, would you answer?"
const IMAGINED_STEP =
  /(?<![\p{L}])(?:if|what if|suppose|imagine) (?:i|we|someone|somebody|people) (?:said|say|says|threatened|threaten|mentioned|mention|told you|tell you|was to|were to|went|go|started|start|wrote)(?![\p{L}])[^.!?\n]*$/u;
// Steps that are legal action whoever takes them: a review in the High Court, an inquest.
const STANDING =
  /^(?:judicial review|class action|group action|group litigation|inquest|employment tribunal|tribunal|injunction|high court|crown court|private prosecution)$/;

/**
 * Weight of a legal term at a span: 1 when the writer is involved, 0.5 in a request for figures or
 * news-like comment, 0 when negated.
 */
export function legalWeight(p: PreparedItem, start: number, end: number): number {
  const lead = p.lower.slice(Math.max(0, start - 40), start);
  if (NEGATED_INTENT.test(lead) || negatedLocally(p, start, 3)) return 0;
  if (CAREER.test(lead) || IMAGINED_STEP.test(lead)) return 0;
  const wide = p.lower.slice(Math.max(0, start - 100), start);
  if (
    CAREER_BEFORE.test(wide) &&
    !/(?:sue|suing|claim|court|action|tribunal|inquest)/.test(p.lower)
  )
    return 0;
  const r = sentenceRange(p, start, end);
  const s = p.lower.slice(r.start, r.end);
  // A request for the organisation's figures ("how much went on lawyers") makes every legal word
  // in it part of the question, so even two of them stay below the threshold.
  if (FIGURES.test(s) || FIGURES.test(p.lower)) return FIGURES.test(s) ? 0.25 : 0.5;
  // A short first sentence ("Small claims court it is then.") takes its speaker from the next one.
  if (STANDING.test(p.lower.slice(start, end))) return 1;
  const next = r.end + 1 < p.lower.length ? sentenceText(p, r.end + 1) : '';
  return INVOLVED.test(s) || (s.length < 60 && INVOLVED.test(next)) ? 1 : 0.5;
}
