/**
 * patient_safety.episode_over — argues against patient_safety when the whole item tells of an
 * episode that is over: a date long gone or "my late dad", the person home, recovered or "okay in
 * the end", and nothing that keeps it open ("still", "tonight", "right now", "please help").
 * labels.md's patient_safety is a risk *now*; an episode that is over is a complaint (the complaint
 * signals and the complaint model pick it up). Weight −1: one piece of evidence for a current risk
 * is cancelled, two independent ones still carry the label. Never reported when the item speaks of
 * self-harm or suicide, where "she's fine now" is no reassurance.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { episodeOver } from '../../text/risk-context.js';

// Self-harm and suicide words: an "over" reading is never trusted near them.
const SELF_HARM =
  /(?<![\p{L}])(?:suicid\w*|kill (?:my|him|her|them)sel(?:f|ves)|end (?:it|my life|things)|ending it|self[- ]?harm\w*|cutting|overdos\w*|take my (?:own )?life|want to die|wanna die|not safe|don't want to be here|dont want to be here|pills|tablets lined)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.episode_over',
    label: 'patient_safety',
    description:
      'The item tells of an episode that is over: context for a complaint, not a risk now',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      if (SELF_HARM.test(p.lower) || !episodeOver(p)) return;
      report({
        start: 0,
        end: p.text.length,
        weight: -1,
        note: 'Told as over (in the past, the person home or recovered): a complaint, not a risk now',
      });
    };
  },
});
