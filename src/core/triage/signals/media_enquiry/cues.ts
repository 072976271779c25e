/**
 * What the media_enquiry signals share: roles, outlets (national names from the list, local
 * papers recognised as a capitalised place followed by a paper word, "Swindon Advertiser"), and
 * how a journalist introduces themselves. Compiled once.
 */
import { listPhrases } from '../../text/desk-cues.js';
import { hitsOf, phraseIndex, type PhraseIndex } from '../../text/phrase-index.js';
import type { PreparedItem } from '../../prepare.js';
import { execAll } from '../../../text/exec-all.js';

const LIST = 'media_enquiry-press';

/** Phrase lists and compiled patterns. */
export interface MediaCues {
  role: PhraseIndex;
  weakRole: PhraseIndex;
  /** A national outlet or medium. */
  outlet: PhraseIndex;
  /** A local outlet on the original text: capitalised words ending in a paper word. */
  localOutlet: RegExp;
  story: PhraseIndex;
  ask: PhraseIndex;
  timing: PhraseIndex;
}

let cached: MediaCues | undefined;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalise = (s: string): string =>
  s.replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

/** The media cue patterns, built on first use. */
export function mediaCues(): MediaCues {
  if (cached) return cached;
  const paperWords = [...listPhrases(LIST, ['paper-word']), 'today', 'tonight'].flatMap((w) => [
    capitalise(w),
    w.toUpperCase(),
  ]);
  const cased = listPhrases(LIST, ['outlet-cased'])
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');
  const paper = [...new Set(paperWords)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');
  cached = {
    role: phraseIndex(LIST, ['role']),
    weakRole: phraseIndex(LIST, ['role-weak']),
    outlet: phraseIndex(LIST, ['outlet']),
    // "the Swindon Advertiser", "Gazette & Herald", "the Echo", "Sky": capitalised words ending in a
    // paper word, a capitalised paper word after "the", or a name that is an ordinary word in lower case.
    localOutlet: new RegExp(
      String.raw`(?=\p{Lu})(?<![\p{L}\p{N}])(?:(?:\p{Lu}[\p{L}'’-]{1,30}\s+(?:(?:&|and)\s+)?){1,3}(?:${paper})|(?<=\bthe\s)(?:${paper})|(?:${cased}))(?![\p{L}\p{N}])`,
      'gu',
    ),
    story: phraseIndex(LIST, ['story']),
    ask: phraseIndex(LIST, ['ask']),
    timing: phraseIndex(LIST, ['timing']),
  };
  return cached;
}

/** Does an outlet (national or local) start within `maxGap` characters after `at`? */
export function outletNear(
  p: PreparedItem,
  at: number,
  maxGap: number,
): { start: number; end: number } | undefined {
  const cues = mediaCues();
  const national = hitsOf(p, cues.outlet).find((h) => h.start >= at && h.start - at <= maxGap);
  if (national) return { start: national.start, end: national.end };
  const re = cues.localOutlet;
  re.lastIndex = 0;
  // Start a few characters early so the "the " that a bare paper word needs ("the Gazette") is seen.
  const from = Math.max(0, at - 4);
  for (const m of execAll(re, p.text.slice(from, Math.min(p.text.length, at + maxGap + 60)))) {
    const gap = from + m.index - at;
    if (gap < 0) continue;
    if (gap > maxGap) break;
    return { start: from + m.index, end: from + m.index + m[0].length };
  }
  return undefined;
}

/**
 * Could the item be from the media at all: does it name a role, an outlet or a medium? A cheap
 * test (phrase lists already read for the item, one capitalised-name pattern) that lets the media
 * signals skip the rest of their work on the great majority of items.
 */
export function mayBeMedia(p: PreparedItem): boolean {
  const cues = mediaCues();
  return hitsOf(p, cues.role).length > 0 || hitsOf(p, cues.weakRole).length > 0 || hasOutlet(p);
}

/** Does the item name any outlet or medium? */
export function hasOutlet(p: PreparedItem): boolean {
  const cues = mediaCues();
  cues.localOutlet.lastIndex = 0;
  return hitsOf(p, cues.outlet).length > 0 || cues.localOutlet.test(p.text);
}
