/**
 * patient_safety.emergency — someone described as having acute warning signs now: chest pain,
 * struggling to breathe, unresponsive or fitting, a rash that doesn't fade, stroke signs,
 * something dangerous swallowed, no baby movements, heavy bleeding — or violence in progress.
 *
 * Strong signs are enough when they are about a person now. Weak signs (won't drink, high
 * temperature, drowsy, grey) need a second one. Past, negated ("no chest pain") and hypothetical
 * ("what if he has a seizure") mentions are context, not evidence.
 */
import { z } from 'zod';
import { compilePhrases } from '../../../text/phrases.js';
import { findPhrases } from '../../text/prefilter.js';
import { triagePhrases } from '../../phrases/index.js';
import { defineSignal, type SignalReport } from '../../signal.js';
import {
  MAX_MATCHES,
  around,
  imaginedAt,
  matches,
  mentionsSpecificPerson,
  negatedLocally,
  sentenceText,
  timeframe,
} from '../../text/risk-context.js';

// Weak signs that need their own grammar: a fever of 38 or more, a person who has gone grey.
const FEVER =
  /(?<![\p{L}])(?:temp|temperature|fever)(?:'s| is| was| of| at| reading| has been| been)?(?: (?:over|above|about|around|nearly|almost|of))? ?(?:3[89]|4[0-2])(?:\.\d)?(?![\d])/gu;
const GREY =
  /(?<![\p{L}])(?:he's|she's|hes|shes|baby's|is|looks|looking|gone|going|turned|turning|very|really) (?:grey|gray|ashen)(?![\p{L}])/gu;
// A colour change round the mouth or face: "gone a funny blue colour round her mouth".
const COLOUR =
  /(?<![\p{L}])(?:gone|going|turned|turning|went|looks?|looking|is|are|was) (?:a |an )?(?:funny |bit |really |very |slightly |dusky |pale )?(?:blue|bluish|blueish|grey|gray|purple|mottled|ashen|dusky|white)(?: ?(?:colour|color|tinge|tint|ish))?(?: (?:round|around|on|in|at) (?:her|his|the|my|their) (?:mouth|lips|face|fingers|toes|hands|feet))?(?![\p{L}])/gu;
// Chest pain in other words ("chest feels like an elephant is sitting on it") and a numb arm.
const CHEST =
  /(?<![\p{L}])(?:chest(?: is| feels| feel| has been| keeps)?(?: [\p{L}']+){0,4}? (?:tight|heavy|crushing|crushed|squeez\w*|pressure|elephant|burning|hurts|hurting|agony|killing)|(?:left )?arm (?:is |has gone |going |gone |feels )?(?:numb|dead|tingling|heavy)|jaw (?:and|&) (?:left )?arm|pain (?:going |spreading |shooting )?(?:down|into) (?:his|her|my) (?:left )?arm)(?![\p{L}])/gu;
// Low oxygen: "sats are 85%", "oxygen level dropped to 88".
const SATS =
  /(?<![\p{L}])(?:sats|saturations?|oxygen(?: levels?| sats)?|o2(?: levels?| sats)?|spo2)(?: (?:are|is|was|were|of|at|down to|dropped to|dropping to|only|just))*\s?(?:[4-8]\d|9[0-1])\s?%?(?![\p{N}])/gu;
// Just back from hospital or an operation, or just given birth.
const RECENT_CARE =
  /(?<![\p{L}])(?:discharged|sent (?:him |her |them |me )?home|came home|come home|got home|back home|came out of hospital|out of hospital|since (?:he|she|they|i) (?:got|came|was sent) home|after (?:his|her|my|their) (?:op|operation|surgery|procedure)|post[- ]?op|c-?section|caesarean|gave birth|given birth|had (?:the|a|her|the) baby|had (?:his|her|my) (?:hip|knee|op|operation|gallbladder|appendix|bowel|surgery) (?:done|out|op)|op (?:on|last) \w+)(?![\p{L}])/u;
// Blood supply lost to a limb: "toes are white and cold", "legs have gone black at the toes".
const LIMB =
  /(?<![\p{L}])(?:(?:toes|fingers|foot|feet|legs?|hands?|arm)(?: have| has| are| is|'s|'re)?(?: gone| turned| going| turning| all| really| a bit)* (?:black|blue|white|purple|mottled|grey|gray|icy|ice cold|stone cold)|(?:can'?t|cant|cannot|can not|unable to) (?:feel|move) (?:his|her|my|their|the) (?:toes|fingers|foot|feet|legs?|hands?|arm)|(?:can'?t|cant|cannot) feel (?:them|it|anything) (?:any ?more|at all))(?![\p{L}])/gu;
// Someone down in the road or on the floor while people pass.
const DOWN =
  /(?<![\p{L}])(?:(?:a |an |some |this |that |the )?(?:woman|man|lady|bloke|guy|lad|lass|girl|boy|person|patient|someone|somebody|old (?:man|woman|lady|fella)|elderly \p{L}+)(?: is| was|'s)? (?:lying|laid|slumped|collapsed|unconscious|passed out|on the floor|on the ground)(?: [\p{L}']+){0,3}? (?:in|on|outside|by|near) (?:the )?(?:road|floor|pavement|ground|street|car park|bus stop|entrance|corridor|toilets?))(?![\p{L}])/gu;
// A writer setting out a formal complaint is looking back on care, not raising an alarm.
const COMPLAINING =
  /(?<![\p{L}])(?:want to complain|wish to complain|make a (?:formal )?complaint|making a (?:formal )?complaint|formal complaint|raise a complaint|complaint about)(?![\p{L}])/u;
// Bleeding while pregnant, however it is put.
const PREGNANT =
  /(?<![\p{L}])(?:pregnant|expecting|\d{1,2} ?(?:weeks?|wks?) (?:pregnant|gone|along)|(?:is|'s|am|i'm|im|at|shes|hes|now) \d{1,2} ?(?:weeks?|wks?)(?! (?:ago|old|since|after|later|now|postpartum))|\d{1,2}\+\d|(?:first|second|third) trimester|my bump)(?![\p{L}])/u;
// After the birth, bleeding is expected for weeks: that is a question, not an alarm.
const AFTER_BIRTH =
  /(?<![\p{L}])(?:after (?:having|giving birth|the birth|birth|delivery|a c-?section|my c-?section|her c-?section|having (?:a|the|my|her) baby)|since (?:giving birth|the birth|having)|postpartum|post-?partum|post-?natal|lochia)(?![\p{L}])/u;
const BLEEDING =
  /(?<![\p{L}])(?:bleeding|bleed|losing blood|lost (?:a lot of|loads of|lots of) blood|passing clots|clots)(?: (?:quite |really |very )?(?:a lot|heavily|loads|lots|badly|bright red|everywhere|through))?(?![\p{L}])/gu;
// A blood sugar far out of range: "his sugars are 28", "BM was 2.1".
const SUGAR =
  /(?<![\p{L}])(?:sugars?|blood sugars?|bms?|glucose|blood glucose|sugar levels?)(?:'s)?(?: (?:are|is|was|were|of|at|up to|down to|dropped to|gone up to|reading|readings|level|levels|now|still|over|only))* ?(?:2[5-9]|3\d|[12]\.\d)(?![\d])(?! ?(?:%|years?|yrs|weeks?|days?|hours?|mins?|minutes))/gu;
// Violence going on now: a weapon, or an attack on staff or patients.
const WEAPON =
  /(?<![\p{L}])(?:knife|knives|gun|machete|weapon|blade|axe|hammer|firearm|shotgun|baseball bat)(?![\p{L}])/gu;
const ATTACK =
  /(?<![\p{L}])(?:attacking|assaulting|punching|beating|stabbing|stabbed|kicking off|going mental|going mad|lashing out|swinging|chasing|headbutt\w*|threatening|waving|brandishing|wielding|pulled)(?![\p{L}])/u;
const ASSAULT_NOW =
  /(?<![\p{L}])(?:punched|punching|hit|hitting|attacked|attacking|assaulted|assaulting|headbutted|stabbed|kicked|kicking|bit|biting|strangling|throttling|beating up|beat up|threw [\p{L}]+ at|throwing [\p{L}]+ at|spat at|spitting at) (?:a|the|one of the|another|two|several|our|my) (?:nurse|nurses|doctor|doctors|paramedic|paramedics|staff|member of staff|patient|patients|receptionist|security guard|guard|porter|midwife|hca|carer|woman|man|child|baby)(?![\p{L}])/gu;
// "he's fitting", "she keeps fitting": a seizure, not a kitchen being fitted.
const FITTING =
  /(?<![\p{L}])(?:he's|she's|hes|shes|he is|she is|baby's|baby is|is|keeps|kept|started|been|still|'s been)(?: now| just| still| started| been)? (?:fitting|seizing|convulsing)(?![\p{L}])/gu;
// A hazard where patients are: smoke, fire, sparking, gas.
const HAZARD =
  /(?<![\p{L}])(?:smoke (?:coming|pouring|everywhere|from)|smoking plug|on fire|a fire (?:in|on|at)|fire in the|flames|sparking|sparks (?:coming|from)|burning smell|smell of burning|smells of burning|gas leak|smell of gas|smells of gas|electric shock|exposed wires|live wires|ceiling (?:has )?(?:collapsed|come down|fallen in)|water pouring (?:through|from) the ceiling|(?:dripping|leaking|pouring|running) (?:on|onto|into|over|down|near) (?:the )?(?:electric\w*|sockets?|plugs?|wiring|lights?|fuse ?box)|ceiling(?: tiles?)?(?: [\p{L}\p{N}]+){0,4}? (?:is |are )?(?:bulging|sagging|about to (?:collapse|come down|give way))|(?:run|ran|running) out of (?:oxygen|o2|oxygen cylinders|blood|insulin)|no oxygen (?:left|on the ward|cylinders))(?![\p{L}])/gu;
const WHERE_PATIENTS =
  /(?<![\p{L}])(?:ward|bed|bay|unit|patients?|hospital|a&e|theatre|icu|itu|nicu|resus|care home|clinic|waiting room)(?![\p{L}])/u;
const INFO =
  /(?<![\p{L}])(?:awareness|campaign|conference|training|webinar|workshop|leaflet|know the signs|signs of|symptoms of|please share|learn)(?![\p{L}])/u;
// Something dangerous swallowed, in any wording: "drank some of the bleach under the sink".
const INGESTED =
  /(?<![\p{L}])(?:drank|drunk|drink|swallowed|swallow|ate|eaten|ingested|licked|chewed|sucked)(?: (?:some|a bit|a lot|loads|half|one|two|a couple|all)(?: of)?)?(?: (?:the|a|an|my|her|his|mum's|dad's|nan's))?(?: [\p{L}']+){0,2}? (?:bleach|batteries|battery|magnets?|washing (?:tablets?|pods?|capsules?|liquid)|liquitabs?|dishwasher (?:tablets?|pods?)|detergent|antifreeze|weed ?killer|poison|e-?liquid|vape (?:liquid|juice)|cleaning (?:fluid|product|spray)|white spirit|paraffin|methadone|iron tablets|nicotine)(?![\p{L}])/gu;
const NOW =
  /(?<![\p{L}])(?:right now|now|currently|at the moment|hiding|is|are|'s|'re|in progress|happening)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.emergency',
    label: 'patient_safety',
    description:
      'Acute warning signs in a person now (chest pain, not breathing, fitting, non-fading rash, stroke signs, overdose, no fetal movement) or violence in progress',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    const list = triagePhrases('patient_safety-red-flags');
    const strong = compilePhrases(
      list.entries.filter((e) => e.kind === 'strong').flatMap((e) => e.phrases),
    );
    const weak = compilePhrases(
      list.entries.filter((e) => e.kind === 'weak').flatMap((e) => e.phrases),
    );
    const noteOf = new Map<string, string>();
    for (const e of list.entries)
      for (const ph of e.phrases) noteOf.set(ph.replace(/\*$/, ''), e.message ?? 'warning sign');

    return (p, report) => {
      // A mention counts when it is about someone now: not negated, imagined or over. Past
      // ("after his heart attack in 2019") and general ("don't go in with chest pain") mentions
      // are no evidence at all.
      const now = (start: number, end: number) =>
        !imaginedAt(p, start) && !negatedLocally(p, start) && timeframe(p, start, end) !== 'past';
      // The person may be named in the next sentence: "Is a stiff neck with a rash serious? My son's
      // 15". Awareness talk ("sepsis awareness matters") is about no one.
      const aboutSomeone = (start: number, end: number) => {
        if (!now(start, end)) return false;
        const s = sentenceText(p, start, end);
        if (INFO.test(s)) return false;
        return mentionsSpecificPerson(s) || mentionsSpecificPerson(around(p, end, end, 0, 150));
      };

      for (const m of findPhrases(strong, p.lower).slice(0, MAX_MATCHES)) {
        if (!aboutSomeone(m.start, m.end)) continue;
        const key = [...noteOf.keys()].find((k) => m.text.startsWith(k)) ?? m.text;
        report({
          start: m.start,
          end: m.end,
          weight: 1,
          note: `Emergency warning sign (${noteOf.get(key) ?? 'warning sign'})`,
        });
      }
      const sign = (re: RegExp, what: string, test = (_m: RegExpExecArray) => true) => {
        for (const m of matches(re, p.lower)) {
          const end = m.index + m[0].length;
          if (test(m) && aboutSomeone(m.index, end))
            report({ start: m.index, end, weight: 1, note: `Emergency warning sign (${what})` });
        }
      };
      sign(FITTING, 'fitting');
      sign(COLOUR, 'colour change round the mouth or face', (m) =>
        /(?:mouth|lips|face|fingers|toes|hands|feet)$/.test(m[0]),
      );
      sign(CHEST, 'chest pain or arm numbness');
      sign(SATS, 'low oxygen');
      sign(INGESTED, 'something dangerous swallowed');
      sign(SUGAR, 'blood sugar far out of range');
      sign(LIMB, 'blood supply to a limb');
      if (PREGNANT.test(p.lower) && !AFTER_BIRTH.test(p.lower))
        sign(BLEEDING, 'bleeding in pregnancy');
      sign(DOWN, 'someone collapsed where people are');

      // Weak signs: two different ones together are enough, one alone only supports.
      const weakHits: SignalReport[] = [];
      const seen = new Set<string>();
      const addWeak = (start: number, end: number, what: string) => {
        if (!now(start, end) || seen.has(what)) return;
        seen.add(what);
        weakHits.push({
          start,
          end,
          weight: 0.5,
          note: `Warning sign (${what}) — serious alongside another`,
        });
      };
      for (const m of findPhrases(weak, p.lower).slice(0, MAX_MATCHES))
        addWeak(m.start, m.end, m.text);
      for (const m of matches(FEVER, p.lower))
        addWeak(m.index, m.index + m[0].length, 'high temperature');
      for (const m of matches(GREY, p.lower))
        addWeak(m.index, m.index + m[0].length, 'grey colour');
      // One sign is enough in someone just home from hospital, after an operation or a birth:
      // deterioration at home is what discharge safety-netting is for.
      const justHome =
        weakHits.length === 1 && RECENT_CARE.test(p.lower) && !COMPLAINING.test(p.lower);
      const w = weakHits.length >= 2 || justHome ? 1 : 0.5;
      for (const r of weakHits)
        report({ ...r, weight: w, note: w === 1 ? 'Several warning signs together' : r.note! });

      for (const m of matches(HAZARD, p.lower)) {
        const end = m.index + m[0].length;
        if (now(m.index, end) && WHERE_PATIENTS.test(sentenceText(p, m.index, end)))
          report({ start: m.index, end, weight: 1, note: 'Hazard where patients are' });
      }
      // Violence: happening now goes to the police too; reported without a present tense it supports.
      for (const m of matches(ASSAULT_NOW, p.lower)) {
        const end = m.index + m[0].length;
        if (!now(m.index, end)) continue;
        const live =
          /(?<![\p{L}])(?:just|right now|now|still|currently|at the moment|kicking off|is|are|'s|hiding)(?![\p{L}])/u.test(
            sentenceText(p, m.index, end),
          );
        report({
          start: m.index,
          end,
          weight: live ? 1 : 0.5,
          note: 'Violence against staff or patients happening',
          ...(live ? { routes: ['police' as const] } : {}),
        });
      }
      for (const m of matches(WEAPON, p.lower)) {
        const end = m.index + m[0].length;
        const s = sentenceText(p, m.index, end);
        if (!ATTACK.test(s) || !now(m.index, end)) continue;
        const live = NOW.test(s);
        report({
          start: m.index,
          end,
          weight: live ? 1 : 0.5,
          note: 'Violence with a weapon described as happening',
          ...(live ? { routes: ['police' as const] } : {}),
        });
      }
    };
  },
});
