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
    /(?<![\p{L}])(?:sharps|needles?|syringes?|used cannulas?|scalpels?|blades?)(?: [\p{L}']+){0,3}? (?:(?:left |lying |scattered |dropped )?(?:all )?(?:on|over|across|around) the (?:floor|ground|bed|chair|seats?|table|side)|lying (?:about|around)|left (?:out|lying|around|about)|sticking out of the (?:bin|bag)|(?:in|on) the (?:kids|children'?s|play|waiting) (?:area|room|corner))(?![\p{L}])/gu,
    'sharps left where people are',
  ],
  [
    /(?<![\p{L}])sharps bins? (?:overflowing|over-?full|full to the top|spilling)(?![\p{L}])/gu,
    'sharps left where people are',
  ],
  [
    /(?<![\p{L}])(?:drugs? (?:trolley|cupboard|cabinet|fridge|room|trolly)|medicines? (?:trolley|cupboard|cabinet|fridge|room)|meds? (?:trolley|cupboard|cabinet|room)|controlled drugs?(?: cupboard)?|cd cupboard|medication trolley)(?: [\p{L}']+){0,5}? (?:unlocked|left open|wide open|open and unattended|unattended|left unattended|with the keys? in|keys? left in)(?![\p{L}])/gu,
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
          if (timeframe(p, start, end) === 'past') continue;
          // Awareness and training posts describe hazards in general, not one happening here.
          if (/(?<![\p{L}])(?:training|awareness|campaign|leaflet|poster|drill|policy)(?![\p{L}])/u.test(sentenceText(p, start, end)))
            continue;
          report({ start, end, weight: 1, note: `Hazard in the place of care (${what})` });
        }
      }
    };
  },
});
