/**
 * abuse.hate — hateful content about a group: slurs (also disguised, "p*ki"), telling staff to go
 * back to their own country, calls for deportation, "dirty immigrants", "foreign doctors are
 * ruining our NHS".
 *
 * "Can't even speak English" on its own may be a complaint about communication, so it only
 * supports; with anything else hateful it is abuse. A slur the writer reports someone else using
 * (in quotes, or after "called me a") is not the writer's abuse.
 */
import { z } from 'zod';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal } from '../../signal.js';
import { MAX_MATCHES, matches, negatedLocally, reportedSpeech } from '../../text/risk-context.js';
import { compileWords } from '../../text/risk-profanity.js';

const GROUP =
  '(?:immigrants?|foreigners?|migrants?|asylum seekers?|refugees?|muslims?|moslems?|islamists?|jews?|jewish people|gays?|lesbians?|trans people|trannies|poles|romanians|eastern europeans|africans|indians|pakistanis|bangladeshis|chinese|blacks|asians|arabs|gypsies|travellers|filipinos|nigerians)';
const STAFF = '(?:nurses?|doctors?|staff|workers|people|medics|carers|gps?|surgeons?|consultants?)';
const ORIGIN =
  '(?:immigrant|foreign|overseas|indian|african|filipino|nigerian|polish|romanian|asian|black|muslim|brown|pakistani|bangladeshi|chinese|arab|eastern european|imported)';
const PATTERNS: readonly [RegExp, number][] = [
  [
    /(?<![\p{L}])go back (?:to )?(?:your own country|your own countries|where (?:you|they) (?:came|come) from|to your (?:own )?country|to (?:africa|india|pakistan|poland|romania|bangladesh|china|the jungle))(?![\p{L}])/gu,
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:dirty|filthy|bloody|stinking|illegal|lazy|useless|thieving|scrounging|smelly|vile|disgusting) ${GROUP}(?![\\p{L}])`,
      'gu',
    ),
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])${ORIGIN} ${STAFF}(?: [\\p{L}']+){0,8}? (?:deport\\w*|sent back|send them back|go home|go back|ruin\\w*|taking over|taking our|shouldn'?t be (?:allowed|here|treating)|should not be (?:allowed|here)|not welcome|get out|stealing|scroungers?|parasites?|vermin|animals)(?![\\p{L}])`,
      'gu',
    ),
    1,
  ],
  [
    /(?<![\p{L}])(?:should|need to|needs to|must|ought to|want(?:s)? to) (?:all )?be (?:deported|sent back|kicked out|shipped back|sent home|thrown out of the country)(?![\p{L}])/gu,
    1,
  ],
  [
    /(?<![\p{L}])(?:send|ship|kick|throw) (?:them|the lot of them|'em|em|the lot) (?:all )?(?:back|out of the country|home)(?: where they (?:came|belong))?(?![\p{L}])/gu,
    1,
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:all )?${GROUP} (?:are|should) (?:all )?(?:scum|vermin|animals|terrorists|criminals|parasites|rapists|disgusting|subhuman|a disease|a plague|be (?:banned|deported|shot|gassed|sent back|kicked out))(?![\\p{L}])`,
      'gu',
    ),
    1,
  ],
  [
    /(?<![\p{L}])(?:women|woman|girls|females|men|blacks|black people|asians|foreigners|immigrants|muslims|jews|gays|gay people|trans people|disabled people|fat people|old people)(?: (?:really|just|simply))? (?:shouldn't|should not|should never|can't|cannot|can never|aren't fit to|are not fit to|have no place|don't belong|do not belong)(?: be| work| ever be)?(?: as| in)? (?:surgeons?|doctors?|consultants?|nurses?|paramedics?|in charge|managers?|allowed|working|here|in (?:medicine|surgery|the nhs))(?![\p{L}])/gu,
    1,
  ],
  [
    /(?<![\p{L}])(?:can't|cant|cannot|don't|dont|doesn't|doesnt|can not) even speak (?:proper |the |good |bloody )?english(?![\p{L}])/gu,
    0.5,
  ],
  [
    /(?<![\p{L}])(?:british|english|white) (?:people|patients|jobs|nurses|doctors) (?:first|only)(?![\p{L}])/gu,
    0.5,
  ],
];

const GROUP_WORDS = [
  'immigra',
  'foreign',
  'migrant',
  'asylum',
  'refugee',
  'muslim',
  'moslem',
  'islam',
  'jew',
  'gay',
  'lesbian',
  'trans',
  'tranni',
  'poles',
  'romanian',
  'european',
  'african',
  'indian',
  'pakistan',
  'bangladesh',
  'chinese',
  'black',
  'asian',
  'arab',
  'gyps',
  'traveller',
  'filipino',
  'nigerian',
];
const ORIGIN_WORDS = [...GROUP_WORDS, 'overseas', 'polish', 'brown', 'imported'];
/** Words each of PATTERNS needs, in the same order: a pattern runs only if one is present. */
const GATES: readonly (readonly string[])[] = [
  ['go back'],
  GROUP_WORDS,
  ORIGIN_WORDS,
  [' be '],
  ['them', "'em", ' em ', 'the lot'],
  GROUP_WORDS,
  [
    'women',
    'woman',
    'girls',
    'females',
    'men',
    'blacks',
    'black people',
    'asians',
    'foreigners',
    'immigrants',
    'muslims',
    'jews',
    'gays',
    'gay people',
    'trans people',
    'disabled people',
    'fat people',
    'old people',
  ],
  ['english'],
  ['first', 'only'],
];

export default defineSignal({
  meta: {
    id: 'abuse.hate',
    label: 'abuse',
    description:
      'Slurs and hateful content about a race, religion, nationality, sexuality, gender identity or disability',
    requirements: ['INB-13'],
  },
  options: z.object({}).strict(),
  create() {
    const words = triagePhrases('abuse-slurs').entries.flatMap((e) =>
      e.phrases.map((w) => [w.toLowerCase(), e.kind ?? 'slur'] as const),
    );
    const slurs = compileWords(words, (a) => a);
    return (p, report) => {
      for (const h of slurs.find(p.lower).slice(0, MAX_MATCHES)) {
        if (reportedSpeech(p, h.start)) continue;
        report({ start: h.start, end: h.end, weight: 1, note: 'Slur' });
      }
      for (const [i, [re, weight]] of PATTERNS.entries()) {
        // Skip a pattern at once when none of the words it needs is in the item (speed).
        if (!GATES[i]!.some((w) => p.lower.includes(w))) continue;
        for (const m of matches(re, p.lower)) {
          if (reportedSpeech(p, m.index) || (weight === 1 && negatedLocally(p, m.index, 3)))
            continue;
          report({
            start: m.index,
            end: m.index + m[0].length,
            weight,
            note:
              weight === 1
                ? 'Hateful content about a group'
                : 'Possibly hostile remark about language or origin',
          });
        }
      }
    };
  },
});
