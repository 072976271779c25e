/** Access to the compiled phrase lists of triage. */
import type { PhraseList } from '../../check/phrases/types.js';
import { phraseLists } from './generated.js';

/** A triage phrase list by name (the YAML file name). A missing list is a programming error. */
export function triagePhrases(name: string): PhraseList {
  const list = phraseLists[name];
  if (!list)
    throw new Error(
      `Unexpected phrase list "${name}", expected one of ${Object.keys(phraseLists).join(', ')}`,
    );
  return list;
}
