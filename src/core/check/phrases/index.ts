/** Access to the compiled phrase lists of the content check. */
import { phraseLists } from './generated.js';
import type { PhraseList } from './types.js';

export type { PhraseEntry, PhraseList } from './types.js';

/** A phrase list by name (the YAML file name). A missing list is a programming error. */
export function phraseList(name: string): PhraseList {
  const list = phraseLists[name];
  if (!list)
    throw new Error(
      `Unexpected phrase list "${name}", expected one of ${Object.keys(phraseLists).join(', ')}`,
    );
  return list;
}

/** Every phrase of a list, flattened. */
export function allPhrases(list: PhraseList): string[] {
  return list.entries.flatMap((e) => e.phrases);
}
