/**
 * Ironic praise next to a grievance — "well done NHS, 9 hours in a corridor", "…lost a day's pay.
 * Brilliant." — that the shared sentiment analysis does not mark as sarcasm. Used by the praise and
 * negative-feedback signals only.
 */
import { ItemCache, type PreparedItem } from '../prepare.js';
import { negatedAt } from './desk-cues.js';
import { hitsOf, phraseIndex } from './phrase-index.js';
import { execAll } from '../../text/exec-all.js';

// A bare exclamation of approval: the whole sentence is "Brilliant." or "world class 👏👏".
const BARE =
  /^[\s\p{P}]*(?:oh\s+|just\s+|absolutely\s+|really\s+)?(?:brilliant|great|fantastic|fab|lovely|amazing|superb|perfect|excellent|marvellous|wonderful|cracking|nice\s+one|nice|cheers|top\s+job|good\s+job|great\s+job|great\s+stuff|lovely\s+stuff|world\s+class|well\s+done|smashing|magic|class|outstanding|genius|stellar)(?:\s+(?:work|stuff|service|job|nhs|guys|all|everyone|lads|that|there))?(?:[\s\p{P}\p{Extended_Pictographic}]|\u{FE0F}|\p{Emoji_Modifier})*$/u;
// "well done NHS, 9 hours…": approval that opens a sentence and is followed straight on by a fact.
const OPENER =
  /^[\s\p{P}]*(?:well\s+done|great\s+job|good\s+job|nice\s+one|bravo|congrats|congratulations)(?:\s+(?:nhs|trust|everyone|all|guys|team|lads))?\s*[,-]\s*/u;
// Facts that make approval ironic: a wait counted in hours, a corridor, a day's pay lost.
const GRIEVANCE_FACT =
  /(?<![\p{L}])(?:\d{1,2}\+?\s*(?:hours?|hrs?)|(?:in|on)\s+a\s+corridor|(?:a|a\s+day's|a\s+days|half\s+a\s+day's)\s+pay|another\s+\d|nobody\s+(?:told|rang|came|called)|no\s+one\s+(?:told|rang|came|called))(?![\p{L}])/gu;

const cache = new ItemCache<{ start: number; end: number } | null>();

/**
 * The first ironic approval in the item, if its other sentences state a grievance (a failure from
 * the complaint lexicon, or a wait in hours), else undefined. Computed once per item.
 */
export function ironicApproval(p: PreparedItem): { start: number; end: number } | undefined {
  let hit = cache.get(p);
  if (hit === undefined) {
    hit = null;
    const failures = hitsOf(p, phraseIndex('complaint-grievance', ['failure']));
    const facts = execAll(GRIEVANCE_FACT, p.lower).map((m) => m.index);
    const grievanceOutside = (start: number, end: number): boolean =>
      failures.some((f) => (f.index! < start || f.index! >= end) && !negatedAt(p, f.index!)) ||
      facts.some((at) => at < start || at >= end);
    for (const s of p.sentences) {
      const text = p.lower.slice(s.start, s.end);
      if (BARE.test(text) && grievanceOutside(s.start, s.end)) {
        hit = { start: s.start, end: s.end };
        break;
      }
      const o = OPENER.exec(text);
      const from = s.start + (o?.[0].length ?? 0);
      if (o && facts.some((at) => at >= from && at < s.end)) {
        hit = { start: s.start, end: s.start + o[0].length };
        break;
      }
    }
    cache.set(p, hit);
  }
  return hit ?? undefined;
}
