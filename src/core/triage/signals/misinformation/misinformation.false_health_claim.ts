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
import { GatedPattern } from '../../text/phrase-index.js';
import { isAsserted } from './cues.js';

const REMEDY =
  '(?:bicarbonate\\s+of\\s+soda|bicarb|honey|vinegar|cannabis|weed|castor\\s+oil|black\\s+seed\\s+oil|hemp\\s+oil|iodine|vitamins|cold\\s+showers|vitamin\\s+[cd]|ivermectin|hydroxychloroquine|hcq|bleach|chlorine\\s+dioxide|mms|garlic|turmeric|ginger|colloidal\\s+silver|essential\\s+oils?|cannabis\\s+oil|cbd(?:\\s+oil)?|zinc|apple\\s+cider\\s+vinegar|lemon(?:\\s+juice)?|baking\\s+soda|homeopathy|fasting|raw\\s+(?:milk|vegan)|alkaline\\s+(?:water|diet)|sunlight|urine|nebulised\\s+peroxide|peroxide)';
const DISEASE =
  "(?:long\\s+covid|covid(?:-?19)?|coronavirus|cancer|cancers|tumours?|diabetes|autism|adhd|hiv|aids|flu|measles|dementia|alzheimer'?s|ms|arthritis|depression|anxiety|asthma|eczema|psoriasis|(?:high\\s+)?blood\\s+pressure|hypertension|cholesterol|heart\\s+disease|obesity|infections?|anything|everything|all\\s+diseases)";
const VACCINE =
  '(?:(?:face\\s+)?masks?|lockdowns?|vaccines?|vaccinations?|injections?|vitamin\\s+k(?:\\s+(?:injection|jab|shot))?|fluoride|chemo(?:therapy)?|statins?|antidepressants|the\\s+pill|jabs?|mmr(?:\\s+jab)?|flu\\s+(?:jab|vaccine)|covid\\s+(?:jab|vaccine)|booster|boosters|the\\s+shot|mrna)';
const HARM =
  '(?:autism|cancer|turbo\\s+cancer|infertility|sterility|miscarriages?|flu|covid|heart\\s+attacks?|strokes?|blood\\s+clots?|myocarditis|death|deaths|dementia|aids|hiv|microchips?|trackers?|graphene|poison|toxins|mercury|foetal\\s+cells|aborted\\s+(?:babies|foetuses)|your\\s+dna|(?:more\\s+)?infections|more\\s+harm|leukaemia|leukemia|brain\\s+damage|sids|cot\\s+death|seizures|paralysis|allergies|diabetes|asthma|adhd|sudden\\s+death)';
// Trigger words: a part runs only when the item names one of its subjects (see GatedPattern).
const REMEDY_TOKENS = [
  'vitamin',
  'ivermectin',
  'hydroxychloroquine',
  'hcq',
  'bleach',
  'chlorine',
  'mms',
  'garlic',
  'turmeric',
  'ginger',
  'colloidal',
  'essential',
  'cannabis',
  'cbd',
  'zinc',
  'vinegar',
  'lemon',
  'baking',
  'homeopathy',
  'fasting',
  'raw',
  'alkaline',
  'sunlight',
  'urine',
  'nebulised',
  'peroxide',
  'bicarbonate',
  'bicarb',
  'honey',
  'weed',
  'castor',
  'black',
  'hemp',
  'iodine',
  'vitamins',
  'cold',
];
const VACCINE_TOKENS = [
  'mask',
  'masks',
  'lockdown',
  'lockdowns',
  'vaccine',
  'vaccines',
  'vaccination',
  'vaccinations',
  'injection',
  'injections',
  'vitamin',
  'fluoride',
  'chemo',
  'chemotherapy',
  'statin',
  'statins',
  'antidepressants',
  'pill',
  'jab',
  'jabs',
  'mmr',
  'booster',
  'boosters',
  'shot',
  'mrna',
];
const RADIATION_TOKENS = ['5g', 'mast', 'masts', 'wifi', 'wi-fi', 'chemtrails'];
const CLAIMS = new GatedPattern([
  {
    triggers: REMEDY_TOKENS,
    source: `(?<![\\p{L}])${REMEDY}(?:\\s+(?:water|juice|oil|tea|supplements?|tablets|pills|drops|drips?|infusions?|injections?|shots?|therapy))?\\s+(?:cures?|cured|prevents?|kills?|beats?|reverses?|treats?|stops?)\\s+(?:[\\p{L}]+\\s+){0,2}?${DISEASE}(?![\\p{L}])`,
  },
  {
    triggers: VACCINE_TOKENS,
    source: `(?<![\\p{L}])${VACCINE}(?:\\s*,?\\s+(?:it|they|which|that)(?:'s|\\s+is|\\s+are)?)?\\s+(?:(?:is|are|has|have)\\s+)?(?:been\\s+)?(?:cause[sd]?|causing|gives?\\s+(?:you|people|kids|children|(?:the\\s+|your\\s+)?bab(?:y|ies))|has|have|had|giving\\s+(?:you|people)|makes?\\s+(?:you|people|kids)|linked\\s+to|contains?|full\\s+of|got\\s+(?:a\\s+)?|changes?|alters?|rewrites?)\\s+(?:[\\p{L}]+\\s+){0,3}?${HARM}(?![\\p{L}])`,
  },
  // "the covid jab is killing young people", "vaccines are harming kids"
  {
    triggers: VACCINE_TOKENS,
    source: `(?<![\\p{L}])${VACCINE}\\s+(?:is|are|has\\s+been|have\\s+been)\\s+(?:secretly\\s+|quietly\\s+)?(?:killing|harming|injuring|damaging|poisoning|sterilising|sterilizing|maiming|disabling)(?![\\p{L}])`,
  },
  // "covid vaccines have killed more people than covid", "the jab killed thousands"
  {
    triggers: VACCINE_TOKENS,
    source: `(?<![\\p{L}])${VACCINE}\\s+(?:have\\s+|has\\s+)?(?:killed|harmed|injured|maimed|crippled)\\s+(?:more|thousands|millions|loads|hundreds|so\\s+many|more\\s+people|people|kids|children|babies)(?![\\p{L}])`,
  },
  // "fluoride in the water is why everyone's ill", "the jabs are why so many are dying"
  {
    triggers: [...VACCINE_TOKENS, ...RADIATION_TOKENS],
    source: `(?<![\\p{L}])(?:${VACCINE}|5g|masts?|chemtrails|wi-?fi)\\s+(?:[\\p{L}']+\\s+){0,4}?(?:is|are)\\s+(?:the\\s+(?:real\\s+)?reason\\s+)?why\\s+(?:(?:the|our|all\\s+the)\\s+)?(?:everyone|people|so\\s+many|kids|children|we)(?![\\p{L}])`,
  },
  // "putting something in the flu jab", "adding chemicals to the water"
  {
    triggers: ['putting', 'put', 'puts', 'added', 'adding', 'hiding'],
    source: `(?<![\\p{L}])(?:putting|put|puts|added|adding|hiding)\\s+(?:something|stuff|chemicals|poison|toxins|tracking\\s+devices?|chips?)\\s+(?:in|into|to)\\s+(?:the\\s+|our\\s+|your\\s+)?(?:${VACCINE}|water|food|drugs|medicine)(?![\\p{L}])`,
  },
  {
    triggers: ['microchip', 'tracker', 'chip'],
    source: `(?<![\\p{L}])(?:it's|its|it\\s+has|they've|they\\s+have)\\s+got\\s+(?:a\\s+)?(?:microchip|tracker|chip)`,
  },
  {
    triggers: RADIATION_TOKENS,
    source: `(?<![\\p{L}])(?:5g|masts?|wi-?fi|phone\\s+masts?)\\s+(?:[\\p{L}']+\\s+){0,6}?(?:mak(?:e|es|ing)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:ill|sick)|caus(?:e|es|ing)\\s+(?:covid|cancer|illness|the\\s+virus))(?![\\p{L}])`,
  },
]);

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
        // Judge the claim by its end ("…causes autism"): "don't take your kids for the MMR, it causes
        // autism" opens in a negation that does not reach the claim.
        if (!isAsserted(p, m.index! + m[0].length - 1)) continue;
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: 1,
          note: 'Health claim of a common misinformation shape',
        });
        return;
      }
    };
  },
});
