/**
 * misinformation.drastic_claim — a drastic change to services stated as fact: closing, shutting,
 * "stopped doing", "refusing to treat", "now charging £20", "privatised", "selling patient data",
 * "sacking nurses", "compulsory", "giving free iPads to everyone". Supporting evidence: real
 * changes are announced too, so it needs hearsay or conspiracy rhetoric beside it. Questions and
 * denials ("is it closing?", "it is NOT closing") are not claims (INB-17).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn, phraseSource } from '../../text/desk-cues.js';
import { isAsserted } from './cues.js';

export default defineSignal({
  meta: {
    id: 'misinformation.drastic_claim',
    label: 'misinformation',
    description: 'A drastic change to services stated as fact',
    requirements: ['INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    const claim = new RegExp(phraseSource('misinformation-claims', ['claim']), 'gu');
    return (p, report) => {
      for (const m of matchesIn(p, claim)) {
        if (!isAsserted(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 0.5, note: `Drastic claim: "${m[0]}"` });
        return;
      }
    };
  },
});
