/**
 * medical_question.clinical_question — a direct question asking for clinical advice: "Should I
 * stop taking it?", "Is it OK to take ibuprofen with my sertraline?", "How long should I leave it
 * before another paracetamol?", "What's a normal blood pressure for a 70 year old?", "is that
 * normal with teething?", "What should I give her?".
 *
 * The question must be about symptoms, medicines, conditions or readings (in the same sentence or
 * the one it refers back to). Questions about services — where, when, how to book — are
 * service questions even when they name a vaccine: "Where can I get a flu jab?" is not medical,
 * "Should I get the flu jab if I'm pregnant?" is. The "if" there does not make it hypothetical.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { clinicalContent, clinicalLexicon } from '../../text/risk-clinical.js';
import { matches, negatedLocally } from '../../text/risk-context.js';

const WHO =
  '(?:i|we|he|she|they|you|u|my \\w+|our \\w+|her|him|mum|dad|the baby|baby|the kids|my child)';
const FRAMES: readonly RegExp[] = [
  new RegExp(
    `(?<![\\p{L}])(?:should|shall|shud|do|must|would) ${WHO} (?:still |just |really |actually |be )?(?:take|taking|give|giving|stop|stopping|come off|go|going|worry|worried|be worried|be concerned|concerned|put|putting|use|using|double|double up|skip|miss|get (?:it|this|that|them|my|his|her|\\w+) (?:checked|looked at|seen)|get checked|see (?:a|the|my) (?:gp|doctor|pharmacist|nurse|dentist)|ring 111|call 111|ring 999|call 999|call an ambulance|ring an ambulance|go to a&e|go to the gp|go in|drive (?:him|her|them|me) in|take (?:him|her|them|me) in|take (?:him|her|them) to a&e|keep|try|avoid|mix|eat|drink|wait|leave it|get (?:the|a|an|my|his|her) |have (?:the|a|an|my|his|her) |continue|carry on|cut down|increase|reduce|lower|up the dose|apply|rub|treat|be treating|be giving|be taking|be using|be putting|have (?:it|this|that|the|a|my) )`,
    'gu',
  ),
  /(?<![\p{L}])(?:is|isn't|isnt|would|will|could) (?:it|this|that|there|mine|hers|his|he|she|a \w+|an \w+)(?: \w+){0,2}? (?:ok|okay|safe|normal|fine|alright|all right|bad|dangerous|serious|common|worrying|worth worrying|something to worry|something i should|a sign|a symptom|anything to worry|too high|too low|too much|contagious|infectious|catching|harmful|risky|advisable|better|worse)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:can|could|may|is it ok to|is it okay to|is it safe to) (?:i|we|he|she|you|u|they|my \w+|our \w+|the baby|baby) (?:still |safely |also )?(?:take|have|drink|give|mix|use|eat|get pregnant|exercise|fly|drive|go swimming|swim|breastfeed|breast feed|go back to work|go to work|shower|bathe|lift|stop|come off|double)(?![\p{L}])/gu,
  /(?<![\p{L}])how (?:long|much|many|often|soon|far apart|quickly|bad)(?: \w+){0,3}? (?:should|can|do|does|before|after|until|is it|will|would|between|till|to wait|to take|to leave)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:is|could|might) (?:it|this|that|she|he) (?:a|an|just|likely|possibly|maybe|probably) \w+/gu,
  /(?<![\p{L}])(?:am|are|is) (?:i|we|you|she|he|they|it) (?:still )?(?:covered|protected|immune|contagious|infectious|ok to|safe to|allowed to|fit to|at risk)(?![\p{L}])/gu,
  /(?<![\p{L}])is [\p{L}\p{N}.,/ ]{1,25}? (?:a |an )?(?:normal|safe|ok|okay|healthy|high|low|dangerous|bad|good) (?:\w+ ){0,3}?(?:reading|level|levels|blood sugar|blood pressure|bp|temperature|temp|heart rate|pulse|weight|dose|result|number|range|for)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:something|anything) (?:i|we|to|you) (?:should |need to |ought to )?(?:worry|be worried|be concerned|get checked|see (?:a|the) (?:gp|doctor))(?![\p{L}])/gu,
  /(?<![\p{L}])what (?:should|can|do|would|shall) (?:i|we|you) (?:take|give|do|use|put|try|eat|drink)(?![\p{L}])/gu,
  /(?<![\p{L}])what(?:'s| is|s| are)? (?:a |the )?(?:normal|safe|right|correct|max(?:imum)?|recommended|usual)(?: [\p{L}]+){0,3}? (?:dose|dosage|amount|level|levels|reading|readings|range|temperature|temp|pressure|rate|weight|number|sugar|bp)(?![\p{L}])|(?<![\p{L}])what(?:'s| is|s| are)? (?:a |the )?(?:normal|safe|right|correct|max(?:imum)?|recommended|usual)(?![\p{L}])/gu,
  /(?<![\p{L}])what (?:could (?:it|this|that) be|does (?:it|this|that) mean|are the (?:symptoms|signs|side effects)|causes|would cause|is (?:this|it) likely to be|might (?:it|this) be)(?![\p{L}])/gu,
  /(?<![\p{L}])should (?:my|his|her|the|our) [\p{L}']+(?: [\p{L}']+)? be(?![\p{L}])/gu,
  /(?<![\p{L}])(?:do|does|should) (?:i|we|he|she|they|my \w+) need (?:to (?:worry|be worried|see|go|get|take|stop|have|finish|complete|continue|keep taking|carry on taking|stop taking|avoid|fast|starve|rest|isolate|stay off|wear|repeat)|antibiotics|a|an|stitches|a tetanus|treatment|medication|medicine|cream)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:does|do) (?:this|that|it|these|those) (?:sound|look|seem|mean|need)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:could|might|would|can) (?:it|this|that) be (?:a |an |my |the )?\w+/gu,
  /(?<![\p{L}])(?:could|can|might|may) (?:i|she|he|we|they|my \w+) (?:be|have|have got|still be|actually be) (?:pregnant|infected|contagious|allergic|diabetic|anaemic|dehydrated|a|an|got|the)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:anxiety|stress|nothing|something|serious|normal|viral|bacterial|an allergy|a virus|an infection) or (?:\w+ ){0,2}?(?:heart|serious|something|worse|an infection|allergy|viral|bacterial|normal)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:what do|what should|what can) (?:i|we) do(?![\p{L}])/gu,
  /(?<![\p{L}])(?:any|is there) (?:way|thing|cure|remedy|treatment|home remedy|remedies|tips?) (?:to|for|that)(?![\p{L}])/gu,
  // How one thing acts on another: "does the coil interfere with antibiotics?"
  /(?<![\p{L}])(?:does|do|can|will|would|could) (?:the |my |a |an |his |her )?[\p{L}-]+(?: [\p{L}-]+){0,2}? (?:interfere|interact|react|clash|cancel out|mix|affect|stop)(?![\p{L}])/gu,
  // Limits: "what's the most paracetamol I can give a 4 year old?"
  /(?<![\p{L}])what(?:'s| is|s)? the (?:most|max|maximum|least|highest|lowest)(?: [\p{L}]+){0,3}? (?:i|we|you|he|she|they|u) (?:can|could|should|may) (?:give|take|have|use)(?![\p{L}])/gu,
  // A reading or sign judged in a question: "is a resting heart rate of 110 bad?"
  /(?<![\p{L}])(?:is|are|isn'?t) (?:a|an|my|his|her|their|our|the|these|those|this) [\p{L}\p{N}.,/ ]{1,40}? (?:bad|ok|okay|normal|high|low|too high|too low|dangerous|worrying|serious|safe|concerning|a concern|a worry)(?: (?:for|in|at|with) [^?.!\n]{1,30})?\s*\?/gu,
  // A dose or medicine to change: "does she need her water tablets upping?"
  /(?<![\p{L}])(?:my|her|his|their|the|mum'?s|dad'?s|nan'?s) [\p{L}-]+(?: [\p{L}-]+)? (?:upping|changing|increasing|reducing|lowering|stopping|adjusting|reviewing|swapping)\s*\?/gu,
  // How something is caught or passed on: "can you get sunburn through a car window?"
  /(?<![\p{L}])(?:can|could|do|does) (?:you|u|i|we|he|she|they|babies|kids|children|people) (?:get|catch|pass on|spread|give|burn) (?:a |an |the )?[\p{L}-]+(?: [\p{L}-]+)? (?:from|through|off|by|with|if|when|after|twice|in)(?![\p{L}])/gu,
  // Asking for a different treatment: "is there something stronger I can ask for?"
  /(?<![\p{L}])(?:is there|are there|can (?:i|we|he|she) (?:get|have|ask for|try)|could (?:i|we|he|she) (?:get|have|ask for|try)|should (?:i|we) ask for|any chance of) (?:something|anything|owt|summat|a|an) ?(?:stronger|better|else|different|other|alternative|higher dose)(?![\p{L}])/gu,
  // A health claim checked with the organisation: "is it true the flu jab can give you flu?"
  /(?<![\p{L}])(?:is it true|is it right|is it a myth|is it just a myth|true or false|does it really|do they really) (?:that )?(?:the |a |an |you |your )?[\p{L}-]+(?: [\p{L}-]+){0,3}? (?:can|could|will|does|do|gives?|causes?|makes?|stops?|cures?|prevents?|affects?|is|are)(?![\p{L}])/gu,
];
// Questions about a wait or a result's arrival are about the service, not the body.
const ADMIN_TAIL =
  /^\s*(?:wait|waiting (?:time|list)|time to wait|amount of time|length of time|turnaround|delay|timescale)(?![\p{L}])/u;
// Questions that are plainly about services, whatever they name.
const SERVICE_OPENING =
  /^\s*(?:where|when|what time|which (?:pharmacy|pharmacies|clinic|gp|surgery|hospital|walk)|how do (?:i|we|you) (?:book|get an appointment|get a copy|get copies|get my|get access|access|obtain|request|register|order|contact|get hold)|who do (?:i|we))/;
// "what do I do" and other frames that are only clinical with a strong clinical word.
const OPEN_FRAME =
  /^(?:what (?:do|should|can)|(?:could|might|would|can) (?:it|this|that) be|(?:is|could|might) (?:it|this|that|she|he) (?:a|an|just|likely|possibly|maybe|probably) |(?:anxiety|stress|nothing|something|serious|normal|viral|bacterial|an allergy|a virus|an infection) or)/;

export default defineSignal({
  meta: {
    id: 'medical_question.clinical_question',
    label: 'medical_question',
    description:
      'A direct question asking for clinical advice about symptoms, treatment or medication',
    requirements: ['INB-10'],
  },
  options: z.object({}).strict(),
  create() {
    const lex = clinicalLexicon();
    return (p, report) => {
      for (const re of FRAMES) {
        for (const m of matches(re, p.lower, 20)) {
          const start = m.index;
          const end = start + m[0].length;
          if (negatedLocally(p, start, 3)) continue;
          const sentStart = p.lower.lastIndexOf('\n', start);
          const sentence = p.lower.slice(Math.max(sentStart + 1, start - 120), start);
          const lastStop = Math.max(
            sentence.lastIndexOf('. '),
            sentence.lastIndexOf('? '),
            sentence.lastIndexOf('! '),
          );
          if (
            SERVICE_OPENING.test(
              (lastStop >= 0 ? sentence.slice(lastStop + 2) : sentence) +
                p.lower.slice(start, end + 30),
            )
          )
            continue;
          // "Is this normal?" on its own after a story about care is rhetorical unless the
          // sentence itself names something clinical.
          const endsSentence =
            re === FRAMES[1] && /^\s*(?:\?|$|[.!])/.test(p.lower.slice(end, end + 3));
          // "What do I do?" is clinical only about symptoms; after a story about a carer it is not.
          const symptomsOnly = /^what (?:do|should|can|shall) (?:i|we) do/.test(m[0]);
          // "…the night carer is rough with her. What can I do?" asks what to do about people.
          if (
            symptomsOnly &&
            /(?<![\p{L}])(?:carer|carers|staff|police|abus\w*|rough with|report|complain\w*|social services|stepdad|boyfriend|husband|partner)(?![\p{L}])/u.test(
              p.lower,
            )
          )
            continue;
          if (ADMIN_TAIL.test(p.lower.slice(end, end + 30))) continue;
          const content = clinicalContent(lex, p, start, end, {
            sameSentence: endsSentence,
            symptomsOnly,
          });
          if (!content) continue;
          // Open frames ("what do I do", "is it bad") need to read as a question: a "?", the end of
          // the sentence, or an object ("what should I do about my son's eczema").
          const rest =
            p.lower.slice(start, Math.min(p.lower.length, end + 160)).split(/[.!\n]/)[0] ?? '';
          const tail = p.lower.slice(end, end + 160).split(/[.!\n]/)[0] ?? '';
          if (
            OPEN_FRAME.test(m[0]) &&
            !/\?/.test(rest) &&
            !/^\s*$/.test(tail) &&
            !/^\s*(?:about|for|with|if)\b/.test(tail)
          )
            continue;
          report({
            start,
            end,
            weight: 1,
            note: `Asks for clinical advice (${p.text.slice(content.start, content.end)})`,
          });
          return;
        }
      }
    };
  },
});
