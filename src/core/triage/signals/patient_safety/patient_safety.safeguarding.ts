/**
 * patient_safety.safeguarding — a child or an adult at risk being harmed or exploited: a member
 * of staff or a carer hitting, handling roughly, shouting at a confused patient, touching
 * inappropriately; an adult messaging a child; domestic abuse disclosed; FGM, forced marriage,
 * trafficking. Always adds the `safeguarding` route.
 *
 * Physical and sexual harm is enough on its own. Verbal harm (shouting, swearing) is enough when
 * the person is vulnerable (dementia, a child); otherwise it is rudeness — a complaint. A report
 * with no first-person link that reads like news ("nurse struck off for…") is only supporting.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import {
  PERSON_NOUNS,
  after,
  around,
  imaginedAt,
  matches,
  mentionsMinor,
  mentionsVulnerable,
  negatedLocally,
  sentenceText,
  timeframe,
} from '../../text/risk-context.js';

const PERP =
  '(?:nurse|nurses|carer|carers|care worker|care workers|care assistant|hca|healthcare assistant|support worker|staff|staff member|member of staff|porter|doctor|consultant|gp|midwife|therapist|worker|agency worker|security|guard|manager|matron|sister|orderly|paramedic|teacher|coach|dad|mum|stepdad|stepmum|father|mother|partner|husband|wife|boyfriend|girlfriend|ex|son|daughter|neighbour|brother|uncle|man|woman|someone|somebody|he|she|they|one of them|one of the \\w+)';
const PHYSICAL =
  '(?:slap|slapped|slapping|slaps|punch|kick|push|shove|grab|pinch|shake|strangle|choke|bite|drag|smack|grope|molest|assault|abuse|restrain|hit|hitting|hits|punched|punching|punches|kicked|kicking|kicks|pushed|pushing|shoved|shoving|grabbed|grabbing|pinched|pinching|shook|shaking|shaken|strangled|strangling|choked|choking|throttled|beat|beats|beaten|beating|bit|bitten|burnt|burned|scalded|dragged|dragging|manhandled|manhandling|rough(?:ly)? handled|restrained|tied|locked|molested|molesting|groped|groping|raped|assaulted|assaulting|abused|abusing|hurt|hurting|hurts|twisted|yanked|smacked|smacking|force-?fed)';
const VERBAL =
  '(?:shouted at|shouting at|shouts at|screamed at|screaming at|swore at|swearing at|sworn at|threatened|threatening|threatens|bullied|bullying|bullies|humiliated|humiliating|mocked|mocking|taunted|taunting|belittled|laughed at|called (?:her|him|them) (?:names|stupid|a))';
const VICTIM = `(?:me|her|him|them|us|my \\w+|our \\w+|his \\w+|her \\w+|the (?:patient|patients|residents|old|elderly|child|children|kids|baby|lady|man|woman)|patients|residents|a patient|an? (?:elderly|old|vulnerable|confused|disabled) \\w+|${PERSON_NOUNS})`;

// Words that may stand between the person and the act: "has been shouting at me and pushing".
const FILLER =
  "(?: (?:has|have|had|been|was|were|is|are|keeps|keep|kept|just|then|also|always|often|constantly|repeatedly|started|starts|being|really|actually|even|and|tried to|tries to|try to|would|will|used to|physically|roughly|deliberately|literally|'ve|'re|'ll|shouting at (?:me|her|him|them)|screaming at (?:me|her|him|them)|swearing at (?:me|her|him|them)|'s|'d))";
const PHYSICAL_RE = new RegExp(
  `(?<![\\p{L}])${PERP}(?:'ve|'re|'s|'d|'ll)?${FILLER}{0,5} ${PHYSICAL}(?![\\p{L}])`,
  'gu',
);
// Money or belongings taken by a carer or relative from someone at risk.
const FINANCIAL = new RegExp(
  `(?<![\\p{L}])${PERP}(?: from (?:the|an?) (?:agency|care company|home))?(?: (?:you use|we use|they use))?${FILLER}{0,4} (?:taking|took|taken|takes|stealing|stole|steals|stolen|helping (?:himself|herself|themselves) to|using) (?:money|cash|cards?|bank cards?|(?:her|his|their|my \\w+'?s?) (?:money|cash|cards?|bank card|pension|purse|wallet|jewellery|rings?|savings)|from (?:her|his|their|my \\w+'?s?) (?:purse|wallet|account|bank|handbag|room))(?![\\p{L}])`,
  'gu',
);
const PASSIVE_RE = new RegExp(
  `(?<![\\p{L}])(?:was|been|being|got|gets|get|is|are|were) ${PHYSICAL}(?: \\w+){0,3} by (?:a |the |an |one of the |her |his |my )?${PERP}(?![\\p{L}])`,
  'gu',
);
const VERBAL_RE = new RegExp(
  `(?<![\\p{L}])${PERP}(?: (?:has|had|have|was|is|keeps|kept|just|then|also|'s))? ${VERBAL}(?![\\p{L}])`,
  'gu',
);
// A member of staff or a carer and a physical act on someone in the same sentence: "Nurse on nights
// told my gran to shut up and yanked her arm".
const STAFF_NOUN =
  /(?<![\p{L}])(?:nurse|nurses|carer|carers|care worker|care assistant|hca|healthcare assistant|support worker|staff|member of staff|porter|doctor|security|guard|agency worker|matron|orderly)(?![\p{L}])/u;
const ACT_ON = new RegExp(
  `(?<![\\p{L}])${PHYSICAL} (?:her|him|them|my \\w+|the patient|a patient|patients|residents)(?: (?:arm|arms|hand|hands|wrist|hair|face|leg|legs|head|neck))?(?![\\p{L}])`,
  'gu',
);
// "pushed my mum in her wheelchair to the car" is help, not harm.
const HELPED =
  /^\s*(?:[\p{L}']+ ){1,2}(?:in|into|round|around|to|along|up|down|out) (?:a |the |my |his |her |their )?(?:wheelchair|chair|pram|buggy|trolley|bed|car|toilet|ward|lift|corridor|garden|park|shops)/u;
const VICTIM_AFTER = new RegExp(`^\\s*(?:\\w+ ){0,2}?${VICTIM}(?![\\p{L}])`, 'u');
const GROOMING =
  /(?<![\p{L}])(?:(?:sending|sent|send|sends) (?:\w+ )?(?:pictures|photos|pics|nudes|images|videos) (?:to|for) (?:an? |this |some )?(?:older |grown |adult )?(?:man|men|guy|bloke|adult|stranger|someone|boy)|met (?:online|on snapchat|on tiktok|on instagram|on discord)|messag(?:ing|ed|es)|texting|texted|snapchat(?:ting|ted)?|dm'?(?:ing|ed|s)|whatsapp(?:ing|ed)?|sending (?:him|her|them) (?:pictures|photos|pics|images|messages|gifts|money)|sent (?:him|her|them) (?:pictures|photos|pics|images|gifts|money)|asked (?:him|her|them|my \w+) to (?:meet|send|keep (?:it )?(?:a )?secret)|add(?:ed)? (?:him|her|them) on|follow(?:ed|ing) (?:him|her|them) on|grooming|groomed)(?![\p{L}])/gu;
const ADULT_CONTACT =
  /(?<![\p{L}])(?:staff|member of staff|staff member|nurse|doctor|worker|therapist|porter|teacher|coach|man|adult|older (?:man|boy|lad)|someone from|one of the)(?![\p{L}])/u;
const DISCLOSURE =
  /(?<![\p{L}])(?:domestic (?:abuse|violence)|coercive control(?:ling)?|scared to go home|afraid to go home|frightened to go home|(?:scared|afraid|frightened|terrified) of (?:my|her|his) (?:partner|husband|boyfriend|wife|girlfriend|dad|stepdad|ex)|(?:partner|husband|boyfriend|ex|wife|girlfriend) (?:has )?(?:threatened to kill|strangled|choked|beats|beat|hits|hit|hurts|kicked|punched) (?:me|her|him)|(?:he|she)(?:'ll| will| is going to|'s going to) kill me|(?:partner|husband|boyfriend|ex|wife|girlfriend|dad|stepdad|father|son|brother)(?: keeps| has| is| has been| kept| always)? threaten(?:s|ed|ing)? to (?:kill|hurt|harm|hit|stab|beat) (?:me|her|him|us|the kids)|(?:sedat\w*|sedatives|tranquilli[sz]\w*|drugg\w*|chemical restraint)[^.!?\n]{0,40}?(?:keep (?:him|her|them) (?:quiet|calm|down|still)|shut (?:him|her|them) up|so (?:he|she|they) (?:doesn't|don't|won't|can't))|(?:he|she|partner|husband|boyfriend|wife|girlfriend|son|daughter|carer|they)(?:'s| has| had| keeps| always| has got| 's got)? (?:got )?(?:locked|hidden|hides|hid|taken|took|takes|controls|keeps) (?:away )?(?:my|her|his) (?:meds|medication|tablets|money|phone|bank card|pension)(?: (?:away|locked away|locked up))?|(?:child|daughter|son|girl|boy|teenager|\d{1,2} ?(?:yr|yrs|year|years)(?: old)? (?:daughter|son|girl|boy)) (?:on|in|onto|into) (?:an |the )?adult (?:ward|psychiatric ward|mental health ward|unit|bay)|fgm|female genital mutilation|forced (?:to )?marr(?:y|iage)|modern slavery|trafficked|trafficking|county lines|sexual(?:ly)? exploit\w*|being groomed|(?:unexplained|covered in) (?:bruises|bruising|injuries|burns|marks)|(?:bruises|bruising|marks) all over (?:her|him|them|my \w+)|(?:is|are|was|being|been|gets?) (?:really |very |so )?rough (?:with|handling) (?:her|him|them|my \w+|residents|patients)|(?:comes|came|coming|creeps|crept|sneaks|sneaked|goes) into (?:her|his|my|their) (?:room|bed|bedroom)(?: at night| when)?|touch(?:es|ed|ing) (?:her|him|me) (?:down there|where|inappropriately)|(?:left|leaves|leaving) (?:the |her |his |my )?(?:kids|children|baby|toddler|child)(?: \w+)? (?:alone|home alone|on (?:their|his|her) own)|(?:kids|children|baby|toddler|child)(?: \w+)? home alone|(?:kids|children|baby|toddlers?|child|little ones) (?:are|is|being|get|gets|were|was) (?:always |often |regularly )?left (?:alone|on (?:their|his|her) own|home alone|unattended|by themselves)|(?:kids|children|baby|child|toddler)(?: [\p{L}']+){0,4}? (?:half[- ]starved|starving|malnourished|underfed|filthy|unwashed)|asking (?:her|him|them|my \w+) to meet)(?![\p{L}])/gu;
// The writer is involved: speaking for themselves or a relative ("Mum's in the care home").
// Staff unfit to care: drunk, high or asleep on duty — a risk to every patient, whoever reports it.
const IMPAIRED =
  /(?<![\p{L}])(?:(?:smelled|smelt|smells|stank|stinks|reeked|reeks) of (?:alcohol|booze|drink|weed)|drunk (?:on duty|on shift|at work|on the ward)|(?:nurse|doctor|carer|staff|surgeon|midwife|consultant|hca)(?: [\p{L}']+){0,6}? (?:was |is |were |keeps |kept )?(?:drunk|slurring|high|under the influence|falling asleep|asleep on duty))(?![\p{L}])/gu;
const FIRST_PERSON =
  /(?<![\p{L}])(?:i|i'm|im|i've|ive|me|my|myself|mine|we|our|ours|us|mum|mam|dad|nan|nana|gran|granny|grandma|grandad|grandpa)(?![\p{L}])/u;

// A baby or child left distressed or shut away: "leave their baby screaming all night".
const CHILD_LEFT =
  /(?<![\p{L}])(?:leave|leaves|left|leaving|keep|keeps|kept|lock|locks|locked|shut|shuts)(?: (?:their|the|her|his|that|them|my|our))? (?:baby|babies|kids|children|toddler|child|little (?:one|boy|girl)|bairns?)(?: [\p{L}']+){0,2}? (?:screaming|crying|sobbing|alone|outside|in the car|in (?:his|her|their|a) room|in the dark|locked in|without food|hungry)(?: [\p{L}']+){0,2}? (?:all night|all day|for hours|for days|every night|every day|again|on (?:his|her|their) own)(?![\p{L}])/gu;
// Unwanted touching by anyone: "keeps trying to touch me when the curtains are shut".
const UNWANTED_TOUCH =
  /(?<![\p{L}])(?:(?:keeps|kept|keep|been|is|was|started|starts|tries|tried|trying|try) (?:trying )?to (?:touch|grope|kiss|feel up|get into bed with|climb into bed with) (?:me|her|him|my \p{L}+|them)|(?:keeps|kept|been|is|was) (?:touching|groping|grabbing|feeling) (?:me|her|him|my \p{L}+)(?: up| up| under| between| on (?:my|her|his) (?:bum|chest|breasts?|legs|thighs))|groped|groping (?:me|her|him)|touched (?:me|her|him) up|touching (?:me|her|him) up|feeling (?:me|her|him) up|flashed (?:me|her|him)|exposed himself|exposing himself)(?![\p{L}])/gu;
// A child coming home hurt from care: "come home from nursery with a bite mark and finger bruises".
const CHILD_HURT_IN_CARE =
  /(?<![\p{L}])(?:(?:come|came|comes|coming) (?:home|back|out)(?: from (?:nursery|school|childminder|the childminder|his dad'?s|her dad'?s|his mum'?s|her mum'?s|contact|respite|club)\p{L}*)? with (?:a |another |more |new |fresh )?(?:bite marks?|bruises|bruising|burns?|finger ?(?:marks|bruises|tip bruises)|grab marks|handprints?|black eyes?|cuts|welts|marks on (?:his|her|their))|(?:nursery|school|childminder|carers?|staff|foster \p{L}+|they)(?: are| is| have been|'re)? (?:hurting|hitting|smacking|pinching|rough with) (?:him|her|them|my \p{L}+))(?![\p{L}])/gu;
// A child's injuries with a named culprit or a cover story: "bruises on his arms and he says
// mummy's boyfriend did it", "keeps turning up with marks she won't explain".
const CHILD_INJURY =
  /(?<![\p{L}])(?:bruises|bruising|burns|marks|black eyes?|cuts|welts|finger ?marks|handprints?)(?![\p{L}])[^.!?\n]{0,80}?(?<![\p{L}])(?:(?:says|said|told (?:me|us|the teacher))[^.!?\n]{0,40}?(?<![\p{L}])(?:did (?:it|that|them)|done (?:it|that|them)|hit (?:him|her|them|me)|hurts? (?:him|her|them|me)|gave (?:him|her|them|me) (?:it|them)|pushed (?:him|her|them|me))|(?:won'?t|wont|will not|doesn'?t|can'?t) (?:say|explain|tell (?:me|us)) (?:how|where|who|what))(?![\p{L}])/gu;

export default defineSignal({
  meta: {
    id: 'patient_safety.safeguarding',
    label: 'patient_safety',
    description:
      'A child or adult at risk harmed or exploited: abuse by staff or carers, grooming, domestic abuse, neglect of a child',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      const firstPerson = FIRST_PERSON.test(p.lower);
      const vulnerable = mentionsVulnerable(p.lower);
      const emit = (start: number, end: number, strong: boolean, what: string) => {
        if (imaginedAt(p, start) || negatedLocally(p, start)) return;
        // "he never hit her": the negation sits inside the match.
        if (
          /(?<![\p{L}])(?:not|never|didn't|didnt|wouldn't|hasn't|hasnt|won't|wont)(?![\p{L}])/u.test(
            p.lower.slice(start, end),
          )
        )
          return;
        const past = timeframe(p, start, end) === 'past';
        // Past harm is still disclosed harm: safeguarding acts on it, so it stays evidence when the
        // writer is personally involved; news-like reports only support.
        const w = strong && firstPerson ? 1 : 0.5;
        report({
          start,
          end,
          weight: w,
          note: `Safeguarding concern (${what})${past ? ', described as past' : ''}`,
          routes: ['safeguarding'],
        });
      };

      for (const re of [PHYSICAL_RE, PASSIVE_RE]) {
        for (const m of matches(re, p.lower)) {
          const end = m.index + m[0].length;
          // "she hit her head" is a fall, "he hurt his back" an injury: the victim must be another person.
          const next = after(p, end, 40);
          if (re === PHYSICAL_RE && !VICTIM_AFTER.test(next)) continue;
          // "he pushed me in the wheelchair" is help, not harm.
          if (/(?:push|pushed|pushing|pushes)$/.test(m[0]) && HELPED.test(next)) continue;
          if (
            re === PHYSICAL_RE &&
            /(?:hit|hits|hurt|hurts|bit|burnt|burned|twisted)$/.test(m[0]) &&
            /^\s*(?:his|her|my|their) (?:head|back|leg|arm|knee|hip|foot|hand|wrist|ankle|shoulder|neck|face|toe|finger|tongue|lip)s?\b/.test(
              next,
            )
          )
            continue;
          emit(m.index, end, true, 'harm by another person');
        }
      }
      for (const m of matches(ACT_ON, p.lower)) {
        const s = sentenceText(p, m.index, m.index + m[0].length);
        if (
          /^push/.test(m[0]) &&
          HELPED.test(' ' + m[0].replace(/^\S+\s*/, '') + after(p, m.index + m[0].length, 40))
        )
          continue;
        if (
          STAFF_NOUN.test(s) &&
          (vulnerable ||
            /(?:slap|punch|kick|hit|push|shov|grab|pinch|yank|drag|smack|strangl|chok|throttl|twist|restrain|lock|grop|molest|assault)/.test(
              m[0],
            ))
        )
          emit(m.index, m.index + m[0].length, true, 'harm by staff or a carer');
      }
      for (const m of matches(FINANCIAL, p.lower)) {
        if (vulnerable)
          emit(m.index, m.index + m[0].length, true, 'money taken from someone at risk');
      }
      for (const m of matches(VERBAL_RE, p.lower)) {
        const end = m.index + m[0].length;
        if (!VICTIM_AFTER.test(after(p, end, 40))) continue;
        emit(m.index, end, vulnerable, 'verbal abuse of someone at risk');
      }
      if (mentionsMinor(p.lower)) {
        for (const m of matches(GROOMING, p.lower)) {
          const ctx = around(p, m.index, m.index + m[0].length, 120, 80);
          if (!ADULT_CONTACT.test(ctx)) continue;
          emit(m.index, m.index + m[0].length, true, 'an adult contacting a child');
        }
      }
      for (const m of matches(IMPAIRED, p.lower)) {
        if (
          imaginedAt(p, m.index) ||
          negatedLocally(p, m.index) ||
          timeframe(p, m.index, m.index + m[0].length) === 'past'
        )
          continue;
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: 1,
          note: 'Staff unfit to care for patients',
        });
      }
      for (const m of matches(CHILD_HURT_IN_CARE, p.lower))
        if (mentionsMinor(p.lower))
          emit(m.index, m.index + m[0].length, true, 'a child hurt in care');
      for (const m of matches(CHILD_LEFT, p.lower))
        emit(m.index, m.index + m[0].length, true, 'a child neglected');
      for (const m of matches(UNWANTED_TOUCH, p.lower))
        emit(m.index, m.index + m[0].length, true, 'unwanted sexual touching');
      for (const m of matches(CHILD_INJURY, p.lower))
        if (mentionsMinor(p.lower))
          emit(m.index, m.index + m[0].length, true, 'a child injured by an adult');
      for (const m of matches(DISCLOSURE, p.lower))
        emit(m.index, m.index + m[0].length, true, 'abuse or exploitation disclosed');
    };
  },
});
