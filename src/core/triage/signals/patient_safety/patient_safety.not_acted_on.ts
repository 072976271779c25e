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

// Who should have acted, and the ways of saying they have not.
const CARER =
  '(?:the (?:home )?care agency|the agency|agency|home care|the carers|care company|nobody|no one|noone|no-one|no1|none of (?:the|them)(?: \\w+)?|the nurses?|nurses?|staff|the staff|doctors?|the doctors?|the ward|they|the midwife|midwives|midwife|the district nurse|district nurses?|carers?|the carers?|the gp|gp|111|the doctor|the surgery|the team|crisis team|the crisis team|the hospital|security)';
const NOT_DONE =
  "(?:has(?:n't| not)?|have(?:n't| not)?|had(?:n't)?|is(?:n't| not)?|are(?:n't| not)?|was(?:n't)?|were(?:n't)?|did(?:n't| not)|do(?:n't| not)|does(?:n't| not)|won't|wont|will not|can't|cant|cannot|never|not|still (?:haven't|hasn't|not)|'s|'re)?";
const ACT =
  "(?:come|comes|came|coming|turn up|show up|arrive|visit|visited|been|been near|been round|been to see|turned up|shown up|showed up|arrived|attended|helped|helping|help|checked|checking|check|checks|seen|seeing|see|looked|looking|answered|answering|answer|answers|responded|responding|respond|picked up|picking up|pick up|picks up|called back|calling back|call back|rung back|ring back|rang back|listened|listening|listen|done (?:anything|(?:his |her |my |their |[\\p{L}]+'s )?(?:obs|observations|checks|dressing|dressings|bloods|pad|pads))|doing anything|bothered|cares?|given (?:him|her|them|me) (?:anything|pain relief|painkillers)|changed (?:him|her|them|me)|moved (?:him|her|them|me)|turned (?:him|her|them|me)|fed (?:him|her|them|me))";
const NOT_ACTED = new RegExp(
  `(?<![\\p{L}])(?:${CARER} ${NOT_DONE} ?(?:even |yet |once |actually )?${ACT}(?![\\p{L}])|(?:staff|nurses|doctors|nobody|no one)(?: are| is)? nowhere(?: to be seen)?|no (?:staff|nurse|nurses|doctor|doctors|one) (?:around|about|has (?:come|been|seen)|available|in sight)|keep(?:s)? walking past|walk(?:ed|ing)? (?:straight )?past (?:her|him|them|us|my)|ignor(?:ed|ing) (?:us|me|her|him|them|the buzzer|the bell|my)|(?:told|said to) (?:us|me|her|him|them) (?:that )?(?:he'?s|she'?s|it'?s|the baby'?s|baby'?s|they'?re|it was|he was|she was|it is) (?:fine|ok|okay|normal|nothing)|(?:said|says|told (?:us|me|her|him|them))(?: that)? (?:[\\p{L}']+ ){0,3}?(?:is|was|'s|are|were) (?:fine|ok|okay|normal|nothing|well enough|fit|ready|fine to go home|fit to go home|just tired|just anxious)|(?:told|sent) (?:us|me|her|him|them) (?:to )?(?:go home|wait|come back)|turned (?:us|me|her|him|them) away|(?:nobody|no one|no-one)(?: has| had)? (?:showed|shown|explained|told) (?:us|me|her|him|them) how|(?:getting|got|gets|getting more and more|going) (?:worse|more (?:and more )?(?:confused|poorly|unwell|agitated|paranoid|breathless|drowsy))|more and more (?:confused|poorly|unwell|agitated|paranoid|breathless|drowsy)|deteriorat(?:ing|ed)|(?:asked|told|begged|rang|called|pressed|buzzed)(?: them| the nurses?| staff| the ward)? (?:twice|three times|four times|several times|repeatedly|again and again|\\d+ times|(?:\\d+|two|three|four|five|several|multiple) (?:nurses|people|staff|doctors|members of staff|times))|(?:been )?(?:waiting|asking) for (?:a|the) (?:doctor|nurse|painkillers|pain relief|ambulance) (?:for|since)|fobbed off|sent (?:us|her|him|me) away|(?:taken|took|take|takes|moved) (?:his|her|their|my|mum's|dad's) (?:call bell|buzzer|bell|walking frame|frame|glasses|hearing aids?|phone)(?: away)?|didn't call (?:an ambulance|a doctor|999|the doctor|for help|us) (?:until|till)|no (?:nurse|doctor|one|staff|midwife) (?:for|in) (?:\\d+|over an|an|two|three)|still (?:haven't|hasn't|have not|has not) (?:let|allowed) (?:him|her|them|me) (?:eat|drink)|won't answer (?:me|her|him|the phone|my calls)|(?:staff|nurses|the nurse|the nurses|they|carers)(?: are| is| were| keep| keeps)? (?:all )?(?:on (?:their|a|her|his) (?:break|phones?)|asleep|sleeping|falling asleep|chatting|watching (?:tv|their phones))|(?:gone|went) to get (?:someone|a doctor|help|the doctor)(?: [\\p{L}]+){0,3} (?:but|and) (?:it'?s|it has) been|(?:midwife|nurse|doctor|staff|they|the midwife|the nurse|the doctor) (?:just )?(?:left|walked out of|went out of) (?:the room|us|her|him|them)(?: alone)?|said (?:it'?s|it is|she'?s|he'?s) (?:just )?(?:tiredness|anxiety|wind|colic|nothing|a virus|baby blues|hormones)|(?:discharged|sent (?:him|her|them|me) home)(?: \\w+){0,3} (?:anyway|regardless|despite|even though)|(?:it'?s|it has) been (?:\\d+|two|three|four|five|six|several|ten|twenty|thirty|forty) (?:hours|hrs|days|mins|minutes)|still (?:waiting|no (?:call|doctor|nurse|one|ambulance|answer))|no answer|not picking up|ringing out|rings out)(?![\\p{L}])`,
  'gu',
);
const IN_CARE =
  /(?<![\p{L}])(?:ward|wards|bay|bed|a&e|a and e|resus|majors|unit|hospital|care home|nursing home|delivery suite|labour ward|maternity|icu|itu|hdu|cubicle|trolley|corridor|special care|scbu|nicu|crisis team|crisis line|crisis|helpline|district nurse|carers|obs|resus|utc|walk-in|walk in|labour|in labour|ctg|delivery|surgery|operation|theatre|side room|consultant|go home|going home|sent home|samaritans|mental health|psychiatric|hospice|discharged|sent home|ambulance|paramedics|111|999|gp|call back|midwife|maternity)(?![\p{L}])/u;

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
        if (imaginedAt(p, m.index) || timeframe(p, m.index, m.index + m[0].length) === 'past')
          continue;
        report({
          start: m.index,
          end: m.index + m[0].length,
          weight: 0.5,
          note: 'Concern not acted on',
        });
      }
    };
  },
});
