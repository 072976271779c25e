/**
 * misinformation.false_health_claim — a health claim of the shapes misinformation takes: a remedy
 * that "cures" a disease ("vitamin D cures covid", "ivermectin cures long covid"), a vaccine that
 * "causes", "gives you" or "contains" harm ("the MMR jab causes autism", "the flu jab gives you
 * flu", "it's got a microchip in it"), masts or wifi "making people ill". Enough on its own when
 * asserted; a question ("does the flu jab give you flu?") is a medical question (INB-17).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn } from '../../text/desk-cues.js';
import { isAsserted } from './cues.js';

const REMEDY =
  '(?:vitamin\\s+[cd]|ivermectin|hydroxychloroquine|hcq|bleach|chlorine\\s+dioxide|mms|garlic|turmeric|ginger|colloidal\\s+silver|essential\\s+oils?|cannabis\\s+oil|cbd(?:\\s+oil)?|zinc|apple\\s+cider\\s+vinegar|lemon(?:\\s+juice)?|baking\\s+soda|homeopathy|fasting|raw\\s+(?:milk|vegan)|alkaline\\s+(?:water|diet)|sunlight|urine|nebulised\\s+peroxide|peroxide)';
const DISEASE =
  '(?:long\\s+covid|covid(?:-?19)?|coronavirus|cancer|cancers|diabetes|autism|hiv|aids|flu|measles|dementia|alzheimer\'?s|ms|arthritis|depression|anything|everything|all\\s+diseases)';
const VACCINE =
  '(?:vaccines?|vaccinations?|jabs?|mmr(?:\\s+jab)?|flu\\s+(?:jab|vaccine)|covid\\s+(?:jab|vaccine)|booster|boosters|the\\s+shot|mrna)';
const HARM =
  '(?:autism|cancer|turbo\\s+cancer|infertility|sterility|miscarriages?|flu|covid|heart\\s+attacks?|strokes?|blood\\s+clots?|myocarditis|death|deaths|dementia|aids|hiv|microchips?|trackers?|graphene|poison|toxins|mercury|foetal\\s+cells|aborted\\s+(?:babies|foetuses)|your\\s+dna)';
const CLAIMS = new RegExp(
  [
    `(?<![\\p{L}])${REMEDY}\\s+(?:cures?|cured|prevents?|kills?|beats?|reverses?|treats?|stops?)\\s+(?:[\\p{L}]+\\s+){0,2}?${DISEASE}(?![\\p{L}])`,
    `(?<![\\p{L}])${VACCINE}\\s+(?:(?:is|are|has|have)\\s+)?(?:been\\s+)?(?:cause[sd]?|causing|gives?\\s+(?:you|people|kids|children)|giving\\s+(?:you|people)|makes?\\s+(?:you|people|kids)|linked\\s+to|contains?|full\\s+of|got\\s+(?:a\\s+)?|changes?|alters?|rewrites?)\\s+(?:[\\p{L}]+\\s+){0,2}?${HARM}(?![\\p{L}])`,
    `(?<![\\p{L}])(?:it's|its|it\\s+has|they've|they\\s+have)\\s+got\\s+(?:a\\s+)?(?:microchip|tracker|chip)`,
    `(?<![\\p{L}])(?:5g|masts?|wi-?fi|phone\\s+masts?)\\s+(?:[\\p{L}']+\\s+){0,6}?(?:mak(?:e|es|ing)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:ill|sick)|caus(?:e|es|ing)\\s+(?:covid|cancer|illness|the\\s+virus))(?![\\p{L}])`,
  ].join('|'),
  'gu',
);

export default defineSignal({
  meta: {
    id: 'misinformation.false_health_claim',
    label: 'misinformation',
    description: 'A miracle-cure, vaccine-harm or radiation-illness claim stated as fact',
    requirements: ['INB-17'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      for (const m of matchesIn(p, CLAIMS)) {
        if (!isAsserted(p, m.index!)) continue;
        report({ start: m.index!, end: m.index! + m[0].length, weight: 1, note: 'Health claim of a common misinformation shape' });
        return;
      }
    };
  },
});
