/**
 * complaint.unsafe_care — the patient_safety + complaint convention (docs/decisions/0006): when
 * the person in care, or their family, reports a failure of care that is putting them at risk now,
 * the item is a patient-safety alarm *and* a specific grievance someone could investigate, so it
 * carries both labels. Reports by staff and bystanders, self-harm and medical emergencies stay
 * patient_safety alone. This needs other signals' evidence (a care failure given
 * patient_safety), so the engine applies it after weighing, not a signal of its own.
 */
import type { PreparedItem } from './prepare.js';

/** The rule id stamped on the complaint evidence this adds. */
export const UNSAFE_CARE_RULE = 'complaint.unsafe_care';

/** patient_safety signals whose evidence is a failure of care (not self-harm, an emergency, a threat). */
export const CARE_FAILURE_SIGNALS: ReadonlySet<string> = new Set([
  'patient_safety.neglect',
  'patient_safety.not_acted_on',
  'patient_safety.medication_error',
  'patient_safety.infection_control',
  'patient_safety.hazard',
  'patient_safety.missing_patient',
  'patient_safety.safeguarding',
  'patient_safety.model',
]);

/** Evidence that the risk is not a failure of care: self-harm, an emergency, a threat. */
export const NOT_CARE_SIGNALS: ReadonlySet<string> = new Set([
  'patient_safety.self_harm',
  'patient_safety.emergency',
  'abuse.threat',
]);

// The writer's family, or the writer as the patient: "my mum", "our Jean", "me da", "I'm on the
// ward", "my catheter bag".
const FAMILY =
  /(?<![\p{L}])(?:(?:my|our|me|ma|mi)(?: (?:\p{L}+|\d+ ?(?:yr|year)s?(?: old)?))? (?:mum|mam|mom|mother|mummy|ma|dad|da|father|daddy|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|granddad|grandfather|son|daughter|child|baby|bairn|boy|girl|lad|toddler|husband|wife|partner|hubby|fiance|fiancee|brother|sister|uncle|aunt|auntie|aunty|cousin|nephew|niece|grandson|granddaughter|stepdad|stepmum|mother-in-law|father-in-law|neighbour|neighbor|wee man|little one)|(?:mum|mam|dad|nan|gran|grandad|grandma|auntie)(?:'s| is| has| was| keeps| hasn't| hasnt)|our (?:\p{Lu}?\p{L}+)(?:'s| is| has)|(?:i'm|im|i am|i've been|ive been) (?:on|in) (?:the |a |your )?(?:ward|bay|unit|hospital|a&e|majors)|my (?:op|operation|catheter|drip|wound|dressing|drain|stitches|cannula|bed|call bell|buzzer|meds|medication|tablets|insulin))(?![\p{L}])/u;
// Staff, volunteers and bystanders report a danger; they are not the aggrieved party.
const BYSTANDER =
  /(?<![\p{L}])(?:(?:i'm|im|i am|i work as) (?:a|an|the) (?:\p{L}+ )?(?:nurse|hca|healthcare assistant|support worker|student|doctor|porter|carer|cleaner|domestic|volunteer|pharmacist|tech|technician|midwife|paramedic|physio)|(?:nurse|porter|cleaner|hca|carer|doctor|domestic|tech|volunteer|midwife|paramedic) here|i work (?:on|in|at|nights|days)|(?:the|a|an) (?:old |elderly |young )?(?:man|woman|lady|gentleman|patient|girl|boy|lad|chap|fella|bloke) (?:in|on|opposite|next|across)|bed opposite|next bed|opposite (?:my|me)|there(?:'s| is) (?:a|an) (?:old |elderly |young )?(?:man|woman|patient|child|kid|lady|baby|girl|boy))(?![\p{L}])/u;
// Self-harm and suicide: a risk to be met, not a grievance to investigate.
const SELF_HARM =
  /(?<![\p{L}])(?:suicid\w*|kill (?:my|him|her|them)sel(?:f|ves)|end (?:it|my life|things)|ending it|self[- ]?harm\w*|cutting|overdos\w*|take my (?:own )?life|want to die|wanna die)(?![\p{L}])/u;

/**
 * Where the writer speaks as the patient or for their family about a care failure (undefined when
 * they do not, or when they write as staff or a bystander, or about self-harm).
 */
export function familyReport(p: PreparedItem): { start: number; end: number } | undefined {
  if (BYSTANDER.test(p.lower) || SELF_HARM.test(p.lower)) return undefined;
  const m = FAMILY.exec(p.lower);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}
