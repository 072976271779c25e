/**
 * What the service_question signals share: the service topics, rhetorical questions that are
 * really criticism ("why do you even bother…", "what's the point of…"), and questions about the
 * organisation's figures or records, which belong to foi_request.
 */
import type { Sentence } from '../../../text/sentences.js';
import type { PreparedItem } from '../../prepare.js';
import { matchesIn } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex, type PhraseIndex } from '../../text/phrase-index.js';
import { foiCues } from '../foi_request/cues.js';

/** Service topics ("opening hours", "walk-in", "flu jab", "car park", "NHS app"). */
export function topicIndex(): PhraseIndex {
  return phraseIndex('service_question-topics');
}

// Rhetorical questions: complaints in question form, not requests for information.
const RHETORICAL =
  /^(?:[\s\p{P}]*(?:hi|hello|hey|so|and|but|honestly|seriously|oh|ok|right|well)[\s,!.]+){0,2}(?:why|how\s+(?:is|was|can|could|come|dare|hard|difficult|many\s+more|much\s+longer)\s*(?:it|this|that|you|they|there)?\s*(?:acceptable|right|fair|possible|ok|okay|legal|allowed|be|is)?|what(?:'s|\s+is|\s+was)?\s+(?:actually\s+|even\s+|exactly\s+)?(?:is\s+)?the\s+point|who\s+(?:designed|thought|decided|signed\s+off|runs|approved|came\s+up)|is\s+(?:anyone|anybody|someone)\s+(?:actually\s+|even\s+)?(?:reading|listening|there|awake|working)|do\s+(?:you|they)\s+(?:even|actually)\s+(?:care|read|listen|bother)|are\s+you\s+(?:serious|joking|kidding|having\s+a\s+laugh))/u;
const RHETORICAL_ANYWHERE =
  /(?<![\p{L}])(?:what(?:'s|\s+is|\s+was)?\s+(?:actually\s+|even\s+)?the\s+point|is\s+this\s+a\s+joke|are\s+you\s+(?:serious|joking|kidding|having\s+a\s+laugh)|how\s+hard\s+can\s+it\s+be)(?![\p{L}])/u;

/**
 * Is the sentence a rhetorical question — criticism in question form ("why…", "what's the point
 * of…", "a total rip off, £3 for 20 mins??")?
 */
export function isRhetorical(p: PreparedItem, s: Sentence): boolean {
  const lower = p.lower.slice(s.start, s.end);
  if (RHETORICAL.test(lower) || RHETORICAL_ANYWHERE.test(lower)) return true;
  return inSentence(hitsOf(p, phraseIndex('negative_feedback-criticism', ['criticism'])), s);
}

/** Does the sentence ask for an interview, a statement or someone to go on air (a media request)? */
export function asksForMedia(p: PreparedItem, s: Sentence): boolean {
  return inSentence(hitsOf(p, phraseIndex('media_enquiry-press', ['ask', 'story'])), s);
}

// Effects on the body belong to medical questions: "does the flu jab give you flu?", "is it safe…".
const CLINICAL =
  /(?<![\p{L}])(?:side\s+effects?|safe|normal|worried|worry|hurt|hurts|pain|painful|symptoms?|ill|sick|poorly|rash|fever|temperature|dose|overdose|interact|reaction|allergic|give\s+you|gives\s+you|make\s+you|cause|causes|bleeding|swollen|infection|take\s+(?:it|them|my))(?![\p{L}])/u;

/** Does the sentence ask about effects on the body rather than about using a service? */
export function isClinical(p: PreparedItem, s: Sentence): boolean {
  return CLINICAL.test(p.lower.slice(s.start, s.end));
}

/** Does the sentence ask for the organisation's figures or documents (an FOI matter)? */
export function asksForRecords(p: PreparedItem, s: Sentence): boolean {
  const cues = foiCues();
  if (matchesIn(p, cues.aggregateQuestion, s.start, s.end).length) return true;
  if (matchesIn(p, cues.countQuestion, s.start, s.end).length) return true;
  if (matchesIn(p, cues.ask, s.start, s.end).length === 0) return false;
  return inSentence(hitsOf(p, cues.document), s) || inSentence(hitsOf(p, cues.figure), s);
}

function inSentence(hits: readonly { index: number }[], s: Sentence): boolean {
  return hits.some((h) => h.index >= s.start && h.index < s.end);
}
