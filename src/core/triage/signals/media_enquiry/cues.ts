/**
 * What the media_enquiry signals share: roles, outlets (national names from the list, local
 * papers recognised as a capitalised place followed by a paper word, "Swindon Advertiser"), and
 * how a journalist introduces themselves. Compiled once.
 */
import { listPhrases, phraseSource } from '../../text/desk-cues.js';
import type { PreparedItem } from '../../prepare.js';

const LIST = 'media_enquiry-press';

/** Compiled patterns (global unless noted). */
export interface MediaCues {
  role: RegExp;
  weakRole: RegExp;
  /** A national outlet or medium, on the lower-cased text. */
  outlet: RegExp;
  /** A local outlet on the original text: capitalised words ending in a paper word. */
  localOutlet: RegExp;
  story: RegExp;
  ask: RegExp;
  timing: RegExp;
}

let cached: MediaCues | undefined;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalise = (s: string): string => s.replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

/** The media cue patterns, built on first use. */
export function mediaCues(): MediaCues {
  if (cached) return cached;
  const paperWords = [...listPhrases(LIST, ['paper-word']), 'today', 'tonight'].flatMap((w) => [capitalise(w), w.toUpperCase()]);
  const cased = listPhrases(LIST, ['outlet-cased']).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');
  const paper = [...new Set(paperWords)].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '\\s+')).join('|');
  cached = {
    role: new RegExp(phraseSource(LIST, ['role']), 'gu'),
    weakRole: new RegExp(phraseSource(LIST, ['role-weak']), 'gu'),
    outlet: new RegExp(phraseSource(LIST, ['outlet']), 'gu'),
    // "the Swindon Advertiser", "Gazette & Herald", "the Echo", "Sky": capitalised words ending in a
    // paper word, a capitalised paper word after "the", or a name that is an ordinary word in lower case.
    localOutlet: new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:(?:\p{Lu}[\p{L}'’-]{1,30}\s+(?:(?:&|and)\s+)?){1,3}(?:${paper})|(?<=\bthe\s)(?:${paper})|(?:${cased}))(?![\p{L}\p{N}])`,
      'gu',
    ),
    story: new RegExp(phraseSource(LIST, ['story']), 'gu'),
    ask: new RegExp(phraseSource(LIST, ['ask']), 'gu'),
    timing: new RegExp(phraseSource(LIST, ['timing']), 'gu'),
  };
  return cached;
}

/** Does an outlet (national or local) start within `maxGap` characters after `at`? */
export function outletNear(p: PreparedItem, at: number, maxGap: number): { start: number; end: number } | undefined {
  const cues = mediaCues();
  const windowEnd = Math.min(p.text.length, at + maxGap + 60);
  for (const [re, text] of [
    [cues.outlet, p.lower],
    [cues.localOutlet, p.text],
  ] as const) {
    re.lastIndex = 0;
    const slice = text.slice(at, windowEnd);
    for (const m of slice.matchAll(re)) {
      if (m.index! > maxGap) break;
      return { start: at + m.index!, end: at + m.index! + m[0].length };
    }
  }
  return undefined;
}

/** Does the item name any outlet or medium? */
export function hasOutlet(p: PreparedItem): boolean {
  const cues = mediaCues();
  cues.outlet.lastIndex = 0;
  cues.localOutlet.lastIndex = 0;
  return cues.outlet.test(p.lower) || cues.localOutlet.test(p.text);
}
