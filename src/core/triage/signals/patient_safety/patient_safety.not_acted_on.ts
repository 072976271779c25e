/**
 * patient_safety.not_acted_on — someone in care is getting worse or asking for help and nobody is
 * responding: "nobody's come", "staff keep walking past", "told us she's fine but she's grey",
 * "getting worse", "asked three times".
 *
 * Supporting evidence only (0.5): with a warning sign or a plea it makes the item a safety risk;
 * on its own ("nobody answers the phone") it is a complaint about responsiveness. It only speaks
 * when the text places someone in care (a ward, a bed, A&E, a care home).
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { imaginedAt, matches, timeframe } from '../../text/risk-context.js';

const NOT_ACTED =
  /(?<![\p{L}])(?:(?:nobody|no one|noone|no-one|no1|none of the (?:staff|nurses|doctors)) (?:has |have |had |'s |is |are |was |were )?(?:been )?(?:come|comes|came|been (?:to see|near|round)|checked|checking|checks|checking on|looking after|seeing to|watching|seen (?:her|him|them|my \w+)|listened|listening|answered|answering|responded|responding|helped|helping|bothered|noticed|turned up|done anything|doing anything|cares?|coming)|(?:staff|nurses|doctors|they|the ward)(?: are| were| is)? (?:aren't|arent|are not|not|isn't|isnt|won't|wont|weren't|didn't|don't|dont) (?:answering|listening|responding|coming|doing anything|checking|bothered|helping|picking up)|keep(?:s)? walking past|walk(?:ed|ing)? (?:straight )?past (?:her|him|them|us|my)|ignor(?:ed|ing) (?:us|me|her|him|them|the buzzer|the bell|my)|told (?:us|me|her|him|them) (?:that )?(?:he'?s|she'?s|it'?s|the baby'?s|baby'?s|they'?re|it was|he was|she was|it is) (?:fine|ok|okay|normal|nothing)|(?:getting|got|gets|getting more and more|going) (?:worse|more (?:and more )?(?:confused|poorly|unwell|agitated|paranoid|breathless|drowsy))|more and more (?:confused|poorly|unwell|agitated|paranoid|breathless|drowsy)|deteriorat(?:ing|ed)|asked (?:twice|three times|four times|several times|repeatedly|again and again|\d+ times|them twice|them three times)|(?:been )?(?:waiting|asking) for (?:a|the) (?:doctor|nurse|painkillers|pain relief) (?:for|since)|fobbed off|sent (?:us|her|him|me) away|(?:nobody|no one|noone|no-one)(?: (?:at|on|from) the [\p{L}]+(?: [\p{L}]+)?)? (?:picks up|is picking up|answers|is answering|rings back|has rung back|called back|has called back|came back)|(?:it'?s|it has) been (?:\d+|two|three|four|five|six|several) (?:hours|hrs|days)|still (?:waiting|no (?:call|doctor|nurse|one|ambulance)))(?![\p{L}])/gu;
const IN_CARE =
  /(?<![\p{L}])(?:ward|wards|bay|bed|a&e|a and e|resus|majors|unit|hospital|care home|nursing home|delivery suite|labour ward|maternity|icu|itu|hdu|cubicle|trolley|corridor|special care|scbu|nicu|crisis team|crisis line|crisis|helpline|samaritans|mental health|psychiatric|hospice|discharged|sent home|ambulance|paramedics|111|999|gp|call back|midwife|maternity)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'patient_safety.not_acted_on',
    label: 'patient_safety',
    description: 'Deterioration or calls for help in care not acted on (supporting evidence only)',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      if (!IN_CARE.test(p.lower)) return;
      for (const m of matches(NOT_ACTED, p.lower, 20)) {
        if (imaginedAt(p, m.index) || timeframe(p, m.index, m.index + m[0].length) === 'past') continue;
        report({ start: m.index, end: m.index + m[0].length, weight: 0.5, note: 'Concern not acted on' });
      }
    };
  },
});
