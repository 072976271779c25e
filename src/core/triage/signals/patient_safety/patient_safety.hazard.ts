/**
 * patient_safety.hazard — a danger in the place of care that has not hurt anyone yet but could:
 * a fire exit chained or blocked, sharps or needles left where people are, a drugs trolley or
 * medicines cupboard left open, a member of staff drunk or asleep on duty, a confused or
 * vulnerable patient left unwatched near an exit or stairs, or a ward run so short-staffed that the
 * writer says someone will be hurt. These are written calmly ("just a heads up…") and seldom use
 * emergency words, so they need their own grammar.
 *
 * Hypothetical ("if the fire exit was ever blocked") and negated ("the trolley was not left
 * open") mentions and ones plainly over are not evidence.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import {
  imaginedAt,
  matches,
  negatedLocally,
  sentenceText,
  timeframe,
} from '../../text/risk-context.js';

const HAZARDS: readonly [RegExp, string][] = [
  [
    /(?<![\p{L}])(?:fire (?:exit|escape|door)s?|emergency (?:exit|door)s?)(?: [\p{L}']+){0,10}? (?:chained|padlocked|locked shut|locked up|blocked|blocked off|barricaded|piled up|boarded up|bolted shut|tied shut|jammed shut|taped shut|wedged open|propped open)(?![\p{L}])/gu,
    'a fire exit blocked or locked',
  ],
  [
    /(?<![\p{L}])(?:chained|padlocked|blocked|barricaded|bolted|junk|boxes|beds|trolleys|cages) (?:up |shut |off )?(?:in front of |across |against )?(?:the |a |every )?(?:fire (?:exit|escape|door)|emergency (?:exit|door))s?(?![\p{L}])/gu,
    'a fire exit blocked or locked',
  ],
  [
    /(?<![\p{L}])(?:sharps|needles?|syringes?|used cannulas?|scalpels?|blades?)(?: [\p{L}']+){0,3}? (?:(?:left |lying |scattered |dropped )?(?:all )?(?:on|over|across|around|in|under) (?:the|his|her|their|my|a) (?:floor|ground|bed|beds|bedsheets|bed sheets|sheets|pillow|chair|seats?|table|side|cot|blanket)|lying (?:about|around)|left (?:out|lying|around|about)|sticking out of the (?:bin|bag)|(?:in|on) the (?:kids|children'?s|play|waiting) (?:area|room|corner))(?![\p{L}])/gu,
    'sharps left where people are',
  ],
  [
    /(?<![\p{L}])(?:needle ?stick(?: injury)?|(?:pricked|jabbed|stabbed|scratched) (?:him|her|them|me|myself|himself|herself)? ?(?:by|with|on) (?:a|an|the|it|that) ?(?:used |dirty |old )?(?:needle|syringe|sharp|sharps|it)?)(?![\p{L}])/gu,
    'sharps injury',
  ],
  [
    /(?<![\p{L}])(?:carrying|carried|carry|dragging|dragged|lifting|lifted|bumping) (?:patients|the patients|him|her|them|my \p{L}+|people)(?: [\p{L}']+){0,2}? (?:up|down) (?:the )?(?:stairs|steps|stairwell)(?![\p{L}])/gu,
    'unsafe moving of patients',
  ],
  [
    /(?<![\p{L}])(?:nobody|no ?one|no-one|no1|nae ?(?:one|body|cunt)|naebody|nobdy|not (?:a soul|one person|a single (?:nurse|person|member of staff)))(?:'s| has| have| had)? (?:been )?(?:checked (?:on|in on)|been near|come near|come to see|been to see|looked in on|seen to|been in to see|answered) (?:him|her|them|me|my \p{L}+|ma \p{L}+|me \p{L}+|our \p{L}+|the \p{L}+|this \p{L}+)(?: [\p{L}']+){0,2}? (?:in|for|since) (?:\d+|two|three|four|five|six|eight|ten|twelve|hours|ages|the whole|all)(?![\p{L}])/gu,
    'someone left unchecked for hours',
  ],
  [
    /(?<![\p{L}])(?:there'?s|theres|there is|there are|there were|there was|with|and) (?:no|nae|not a single|not one) (?:staff|nurses?|one|body|carers?|doctors?|midwi(?:fe|ves)|hcas?)(?: at all)? (?:in|on|around|about|watching|supervising|looking after) (?:the |this |that |our |my )?(?:bay|ward|unit|room|side room|corridor|department)(?![\p{L}])/gu,
    'a ward left without staff',
  ],
  [
    /(?<![\p{L}])(?:(?:falsif\w+|faking|faked|fake|made up|making up|signing (?:for|off)|signed (?:for|off)|filling in|filled in|ticking off|ticked off)(?: the)? (?:obs|observations|records|notes|charts|checks|fluid charts|turning charts|food charts|drug charts|mar charts|safety checks)(?: [\p{L}']+){0,3}? (?:they|that|which|she|he)? ?(?:never|didn'?t|did not|hadn'?t|weren'?t|were not) (?:did|do|done|happen|happened|take|taken|carried out|check)|(?:patient|resident|baby|woman|man)(?: [\p{L}']+){0,2}? (?:deteriorated|died|nearly died|came to harm|was harmed|got worse) (?:because|as a result|due to)|cover(?:ing|ed)? up (?:a |the )?(?:mistake|error|incident|death|fall))(?![\p{L}])/gu,
    'records falsified or harm covered up',
  ],
  [
    /(?<![\p{L}])(?:(?:wrong|the other) (?:leg|arm|side|knee|hip|eye|kidney|foot|hand|site|patient|baby|breast|ear|tooth|finger|toe)(?: [\p{L}']+){0,3}? (?:marked|operated on|done|removed|cut|amputated|labelled|prepped|consented)|marked (?:up )?(?:the )?wrong (?:leg|arm|side|knee|hip|eye|foot|hand|site)|(?:marked|drawn|drew)(?: [\p{L}']+){0,4}? on the (?:left|right)(?: [\p{L}']+){0,4}? (?:it'?s|its|it is|should be|but it'?s|when it'?s) (?:his|her|my|the|their) (?:right|left))(?![\p{L}])/gu,
    'wrong site or wrong patient',
  ],
  [
    /(?<![\p{L}])(?:pressed|pressing|rang|ringing|buzzed|buzzing|pushed|pushing) (?:the |his |her |my |their |our )?(?:call )?(?:bell|buzzer)[^.!?\n]{0,40}?(?<![\p{L}])(?:it'?s now|its now|now \d|still|nobody|no ?one|no-one|nae ?body|for (?:over )?(?:an hour|hours|ages|\d+ ?(?:mins|minutes|hours|hrs)))(?![\p{L}])/gu,
    'call bell unanswered',
  ],
  [
    /(?<![\p{L}])(?:door|doors|window|windows|gate|fire escape)(?: [\p{L}']+){0,10}? (?:wide open|left open|left unlocked|unlocked|propped open|wedged open)(?![\p{L}])/gu,
    'an exit left open on a secure unit',
  ],
  [
    /(?<![\p{L}])sharps bins? (?:overflowing|over-?full|full to the top|spilling)(?![\p{L}])/gu,
    'sharps left where people are',
  ],
  [
    /(?<![\p{L}])(?:drugs? (?:trolley|cupboard|cabinet|fridge|room|trolly)|medicines? (?:trolley|cupboard|cabinet|fridge|room)|meds? (?:trolley|cupboard|cabinet|room)|controlled drugs?(?: cupboard)?|cd cupboard|medication trolley)(?: [\p{L}']+){0,8}? (?:unlocked|left open|wide open|open and unattended|unattended|left unattended|with the keys? in|keys? left in)(?![\p{L}])/gu,
    'medicines left unsecured',
  ],
  [
    /(?<![\p{L}])(?:(?:leave|leaves|left|leaving) (?:the )?(?:drugs?|medicines?|meds?|medication) (?:trolley|cupboard|cabinet|room)s? (?:unlocked|open|unattended)|(?:tablets|pills|meds|medication|drugs) (?:left|lying) (?:out |around |about )?(?:on|in) (?:the )?(?:bedside|table|corridor|side|locker|floor)(?: [\p{L}']+){0,2}? (?:where|for) (?:anyone|any patient|patients|kids|children))(?![\p{L}])/gu,
    'medicines left unsecured',
  ],
  [
    /(?<![\p{L}])(?:(?:nurse|nurses|doctor|doctors|midwife|midwives|carer|carers|hca|porter|paramedic|surgeon|consultant|anaesthetist|staff|member of staff|one of the (?:staff|nurses|doctors|midwives|carers))(?: [\p{L}']+){0,4}? (?:was |is |were |are |seemed |looked |came in |turned up )?(?:drunk|pissed|hammered|off (?:his|her|their) face|high|stoned|slurring|stinking of (?:drink|booze|alcohol)|smelt of (?:drink|booze|alcohol)|smelled of (?:drink|booze|alcohol)|smells of (?:drink|booze|alcohol)|smelling of (?:drink|booze|alcohol)|asleep on (?:duty|shift|the job|nights))|(?:drunk|drinking|high|asleep) on (?:duty|shift|the ward))(?![\p{L}])/gu,
    'staff unfit to work',
  ],
  [
    /(?<![\p{L}])(?:one|1|a single|only one|just one|only 1|just 1|two|2) (?:registered |qualified |trained )?(?:nurse|nurses|rn|rns|doctor|carer|carers|midwife|midwives|member of staff|staff)(?: [\p{L}']+){0,2}? (?:for|to|looking after|covering|between|with) (?:\d{2,3}|twenty|thirty|forty|fifty)(?: [\p{L}']+){0,2}? (?:patients|beds|babies|residents|people|women)(?![\p{L}])/gu,
    'dangerously short-staffed',
  ],
  [
    /(?<![\p{L}])(?:(?:someone|somebody|a patient|one of them|one of the patients|a baby)(?: is|'s)? (?:going to|gonna|gunna|will|is gonna) (?:die|get (?:hurt|killed|seriously hurt))|(?:it'?s|its|it is) (?:only )?a matter of time (?:before|till|until) (?:someone|somebody|a patient)|(?:not|isn'?t|is not|never) safe (?:for (?:the )?(?:patients|babies|mums|residents)|to work)|unsafe (?:staffing|levels|to work|for (?:the )?patients)|dangerously (?:short|understaffed|short-?staffed|low))(?![\p{L}])/gu,
    'staff say care is unsafe',
  ],
  [
    /(?<![\p{L}])(?:confused|dementia|wandering|autistic|non[- ]?verbal|learning disabilit\w+|delirious|toddler|blind|disorientated|disoriented|sectioned|high risk)(?![\p{L}])[^.!?\n]{0,90}?(?<![\p{L}])(?:(?:trying|tries|tried|keeps trying|managed|keeps) to (?:get out|get through|open|climb|escape|run off|leave|walk out)|(?:no ?one|nobody|nobody's|noone) (?:is |was )?(?:watching|supervising|keeping an eye|with) (?:him|her|them)?|(?:no ?one|nobody|noone) watching|left (?:alone|unsupervised|unattended|on (?:his|her|their) own)|unsupervised|unattended|near (?:the )?(?:stairs|stairwell|fire door|exit|window|road)|(?:fire door|stairwell|stairs|open window|main road|car park)(?: [\p{L}']+){0,2}? (?:door )?(?:open|unlocked))(?![\p{L}])/gu,
    'a vulnerable patient left unwatched',
  ],
];

const STAFFING =
  /(?<![\p{L}])(?:staff\w*|nurses?|midwi(?:fe|ves)|doctors?|carers?|hcas?|shifts?|nights|rota|agency|ratio|understaffed|short)(?![\p{L}])/u;
const SECURE =
  /(?<![\p{L}])(?:psych\w*|mental health|secure (?:unit|ward)|locked ward|dementia|section(?:ed)?|detained|children'?s ward|kids'? ward|paeds|paediatric|neonatal|nicu|scbu|baby unit|maternity|roof|balcony|stairwell)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.hazard',
    label: 'patient_safety',
    description:
      'A danger in the place of care: fire exits blocked, sharps or medicines left out, staff unfit, unsafe staffing, vulnerable patients left unwatched',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      for (const [re, what] of HAZARDS) {
        for (const m of matches(re, p.lower, 20)) {
          const start = m.index;
          const end = start + m[0].length;
          if (imaginedAt(p, start) || negatedLocally(p, start, 3)) continue;
          // "the trolley was not left open": the negation sits inside the match.
          if (
            /(?<![\p{L}])(?:not|never|wasn'?t|isn'?t|weren'?t|aren'?t)(?: \p{L}+)? (?:left|unlocked|open|blocked|chained|locked|padlocked)/u.test(
              m[0],
            )
          )
            continue;
          // An open door matters where people must be kept safe inside.
          if (what.startsWith('an exit') && !SECURE.test(p.lower)) continue;
          // "someone is going to get hurt" is about staffing only when staffing is the subject.
          if (what === 'staff say care is unsafe' && !STAFFING.test(sentenceText(p, start, end)))
            continue;
          if (timeframe(p, start, end) === 'past') continue;
          // Awareness and training posts describe hazards in general, not one happening here.
          if (
            /(?<![\p{L}])(?:training|awareness|campaign|leaflet|poster|drill|policy)(?![\p{L}])/u.test(
              sentenceText(p, start, end),
            )
          )
            continue;
          report({ start, end, weight: 1, note: `Hazard in the place of care (${what})` });
        }
      }
    };
  },
});
