/**
 * abuse.threat — threats of violence. A credible threat — the writer's own intent to hurt someone
 * ("I'll break his legs"), knowing where someone lives or parks, waiting for them, a bomb or a
 * weapon, incitement ("someone should burn the place down"), "you're dead" — is urgent and goes
 * to the police. Veiled threats and wishes of harm ("watch your backs", "hope you rot in hell",
 * "kill yourself") are abusive but not urgent.
 *
 * Conditional threats ("if you cancel again I'll smash the place up") are still threats, so
 * hypotheticals are not discounted. Someone else's threat reported by the writer ("he said he'd
 * kill her", or in quotes) is not the writer's abuse; a person at risk is patient_safety's job.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { after, matches, negatedLocally, reportedSpeech } from '../../text/risk-context.js';

const INTENT =
  "(?:(?<=^|[.!?\\n] ?|[.!?]  )(?:going to|gonna|gunna|coming (?:down|round|over|in) (?:there |here )?(?:to|and))|i'?ll|i will|i shall|i'?m (?:gonna|going to|gunna|coming (?:down|round|over|in) (?:there |here )?(?:to|and))|im (?:gonna|going to|gunna)|i am (?:gonna|going to)|we'?ll|we will|we'?re (?:gonna|going to)|i'?d (?:happily|gladly|love to)|i want to|i wanna|i swear (?:to god )?(?:i'?ll|i will)|i'?ll be coming (?:down|round|over) (?:there |here )?(?:to|and))";
const VERB =
  '(?:kill|murder|stab|shoot|hurt|batter|smash|beat|punch|slap|kick|knock|break|burn|torch|bomb|blow up|glass|strangle|throttle|deck|lamp|leather|knife|wreck|trash|hunt|rip|end|do|sort|make|put|come for|come after|get|find|run (?:him|her|you|them) over|attack|bottle|headbutt)';
const TARGET =
  "(?:you|ya|u|the next (?:one|person|nurse|doctor|receptionist|member of staff|\\p{L}+ (?:that|who))|every (?:window|car|door|last one|single one|one of (?:you|them))|yous|youse|him|her|them|his|their|your|ur|every (?:one|last one) of you|all of you|the lot of you|each of you|whoever|someone|somebody|the (?:place|ward|building|hospital|surgery|reception|receptionists?|doctors?|nurses?|staff|manager|consultant|gp|lot|windows|car|cars|door|doors|desk|security|guard|matron|midwife|surgeon|porter|boss|chief|ceo|practice|clinic|trust|head|face)|that (?:place|ward|building|hospital|surgery|receptionist|doctor|nurse|consultant|gp|manager|matron|woman|man|cow|bitch|idiot|prick)|this (?:place|ward|building|hospital|surgery)|[a-z]+'s)";
// "I'll break his legs", "I'm going to smash the place up", "I'll find you".
const INTENT_RE = new RegExp(
  `(?<![\\p{L}])${INTENT}(?: [\\p{L}']+){0,4}? ${VERB}(?: (?:up|down|in|out|over))? ${TARGET}(?![\\p{L}])`,
  'gu',
);
// Verbs that are threats only with the right object or ending ("I'll do you", "I'll sort you out").
const WEAK_VERB =
  /(?:do|sort|make|put|get|find|end|come for|come after|hunt)(?: (?:up|down|in|out|over))? \S+$/;
// "I'll break his legs" is a threat, "I'll knock your door" is not: with a possessive, the thing
// harmed must be a body part or property.
const POSSESSIVE = /(?:his|her|their|your|ur)$/;
const HARMED =
  /^\s*(?:\p{L}+ )?(?:legs?|neck|nose|jaw|face|head|heads|arms?|teeth|skull|knees?|kneecaps|fingers?|hands?|ribs|back|windows?|car|cars|house|home|door|doors|tyres|throat|eyes?|lights|block|brains?)(?![\p{L}])/u;
const WEAK_OK =
  /^(?:\s*(?:out|in|down|over|pay|suffer|regret|sorry|in hospital|in a box|in the ground|properly|good and proper|like|myself|for this|for what)\b|\s*(?:[.!?,;:]|$))/;

const CREDIBLE: readonly RegExp[] = [
  // Knowing where someone is: "I know where she lives", "I know where that consultant parks".
  /(?<![\p{L}])(?:i|we) (?:know|found out|have found out|'ve found out) where (?:you|he|she|they|your \w+|his \w+|her \w+|that \w+|the \w+|[\p{L}]+)(?: [\p{L}]+){0,2} (?:live|lives|living|work|works|park|parks|drink|drinks|go|goes|sleep|sleeps|stay|stays|drop|drops|pick|picks|get off|gets off|walk|walks|meet|meets|eat|eats|shop|shops|train|trains|drive|drives)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:i|we) know (?:which|what) (?:school|nursery|house|street|gym|pub|church)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:i|we) know (?:your|his|her|their) (?:home |real |full )?(?:address|name|car|reg|registration|kids|children|family|shift|shifts|routine|house)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:i|we) (?:know|found out|have found out|'ve found out|'ll find out|will find out|am going to find out|'m going to find out|'m gonna find out) (?:what car|which car|where)[^.!?\n]{0,60}?(?<![\p{L}])(?:lives?|living|drives?|parks?|works?|stays?|sleeps?)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:pay|paying|give|giving) (?:you|him|her|them|that \w+|the \w+) a (?:little |proper |nice |wee )?visit(?![\p{L}])/gu,
  /(?<![\p{L}])(?:i'?ve|i have|i got|we'?ve|we have|we got) (?:got |found )?(?:your|his|her|their|the \w+(?:'s)?|[\p{L}]+'s)(?: [\p{L}']+){0,2} (?:home )?(?:address|reg|registration|car reg|phone number|number)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:i'?ll|i will|we'?ll|we will|i'?m|im|we'?re|gonna|going to|gunna) (?:be )?waiting (?:for (?:you|him|her|them|[\p{L}.]+(?: [\p{L}]+)?) )?(?:in|at|outside|by|after) (?:the |your |his |her |their )?(?:staff |main |back |front |side )?(?:car ?park|carpark|entrance|exit|gate|shift|house|home|work|door|outside|end of)/gu,
  // Lying in wait: "I'll be outside the surgery at 6 when that doctor finishes".
  /(?<![\p{L}])(?:i'?ll|i will|we'?ll|we will|i'?m|im|we'?re)(?: be)?(?: waiting| sat| parked| stood)? (?:outside|at|in|by)(?: the| your| his| her)? [\p{L}\p{N}: ]{0,25}?(?:when|till|until|for when|as) (?:that|the|your|ur|his|her|he|she|they|you)(?: [\p{L}]+)? (?:finishes|finish|ends|end|leaves|comes out|come out|gets off|get off|knocks off|clocks off|goes home)/gu,
  // Incitement: "someone should burn the place down".
  /(?<![\p{L}])(?:someone|somebody|people|they|we) (?:should|needs? to|ought to|must|wants? to|is going to|are going to) (?:\w+ ){0,2}?(?:burn|bomb|torch|blow up|stab|shoot|kill|batter|hurt|attack|smash|firebomb|petrol bomb|set fire to)(?![\p{L}])/gu,
  // Bombs and weapons.
  /(?<![\p{L}])(?:(?:a |the )?(?:bomb|explosive|device) (?:in|at|inside|under) (?:the|your) (?:hospital|building|ward|surgery|a&e|car ?park|clinic)|(?:planted|plant|put|left|leave|bring|bringing) a (?:bomb|device|knife|gun|machete|blade|weapon)|(?:i'?ve got|i have got|i have|i got|i'?ll bring|i'?m bringing|i'?ll be bringing) a (?:knife|gun|machete|blade|weapon|shotgun|crossbow))(?![\p{L}])/gu,
  // Coming after people: "I'm coming for every one of you".
  /(?<![\p{L}])(?:i'?m|im|i am|we'?re|we are|i'?ll be|we'?ll be)(?: [\p{L}']+)? (?:coming|gonna come|going to come|gunna come) (?:for|after) (?:you|u|ya|yous|every (?:last )?one of (?:you|ya|yous)|all of (?:you|ya)|the lot of (?:you|ya)|him|her|them|that \p{L}+|the \p{L}+|your \p{L}+|[\p{L}]+'s)(?![\p{L}])/gu,
  // Arson hinted: "petrol's cheap", "shame if something happened to it".
  /(?<![\p{L}])(?:(?:petrol|matches|lighter fluid|a lighter)(?:'s|s| is| are) (?:cheap|easy to get)|(?:be a |it'?d be a |would be a )?(?:shame|pity) if (?:something|anything) (?:happened|was to happen|were to happen)|(?:he|she|they|you|u) (?:won'?t|wont|will not|will never|wo n't) (?:see it|know what'?s) coming)(?![\p{L}])/gu,
  // Promised injury: "she'll be going home in an ambulance".
  /(?<![\p{L}])(?:(?:'ll|will|gonna|going to|is|are|be)(?: be)? (?:going home|leaving|carried out|going out|coming out|ending up|end up|leave) in (?:an ambulance|a body bag|a box|a coffin|a wheelchair|a&e|intensive care|the morgue)|(?:need|needing|needs) (?:an ambulance|a doctor|a&e|a body bag) (?:when|after|by the time) (?:i|we)(?:'m|'re| am| are)? (?:done|finished|through))(?![\p{L}])/gu,
  // Turning up armed: "coming down there with a baseball bat", "I'll be round with a hammer".
  /(?<![\p{L}])(?:com(?:e|ing)|turn(?:ing)? up|be (?:round|down|there|outside)|round there|down there|walk(?:ing)? in|show(?:ing)? up)(?: [\p{L}']+){0,3}? with (?:a|my|me|the) (?:baseball bat|cricket bat|bat|knife|blade|machete|hammer|crowbar|gun|shotgun|axe|petrol can|can of petrol|brick|bottle|mates?)(?![\p{L}])/gu,
  // Orders to destroy, shouted: "BURN THE LOT OF YOU DOWN", "torch the place".
  /(?<![\p{L}])(?:burn|torch|bomb|blow up|blow|petrol bomb|firebomb|shoot|stab) (?:the whole (?:place|building|hospital|lot|ward)|the lot of (?:you|them|em)|all of (?:you|them)|every (?:last )?one of (?:you|them)|you all|yous|youse|the (?:place|building|hospital|ward|surgery|lot)|this (?:place|building|hospital|dump)|that (?:place|building|hospital|dump)|it all)(?: (?:down|up|to the ground))?(?![\p{L}])/gu,
  // "If I see that receptionist in town she's getting it".
  /(?<![\p{L}])(?:if|when|next time|once) (?:i|we) (?:see|catch|find|get hold of|bump into|meet) (?:that|the|this|you|him|her|them|your|ur)[^.!?\n]{0,50}?(?:getting it|get it|getting a slap|getting battered|getting a kicking|gonna get|going to get|is dead|'s dead|are dead|'ll get|will get|'ll regret|will regret|won't know what hit)/gu,
  // Death threats spoken to someone.
  /(?<![\p{L}])(?:you(?:'re| are) (?:dead|a dead (?:man|woman))(?! to me)(?![\p{L}])|you(?:'re| are) (?:going to|gonna) die|you'?ll be dead|your days are numbered|you won'?t (?:live|see (?:christmas|tomorrow|the weekend)))/gu,
];
const VEILED: readonly RegExp[] = [
  /(?<![\p{L}])(?:(?:you'?ll|you will|wait (?:till|until) you|then you'?ll) see what (?:i'?ll|i will|i'?m gonna|i'?m going to|i can|happens)|(?:she'?s|he'?s|you'?re|they'?re|you are|she is|he is) (?:getting it|gonna get it|going to get it|in for it|getting a slap|getting battered|getting a kicking|getting a smack)|(?:wants?|needs?|deserves?|could do with|asking for|is asking for|are asking for) (?:a )?(?:good |proper |right )?(?:slap|slapping|smack|kicking|hiding|punch|beating|battering|clip round the ear|smack in the mouth|kick up the arse|good hiding)|(?:make sure|see to it) (?:that )?(?:s?he|you|they|that \w+|the \w+|him|her) (?:never|doesn't|does not|won't) (?:works?|practises?|nurses?) (?:again|anywhere)|i know people|(?:we'?ll|we will|let'?s) see how (?:brave|tough|hard|big|clever|smug|cocky) (?:he|she|they|you) (?:is|are)|watch what happens|(?:better |best |wanna |want to |should |needs? to )?watch (?:your|ur|yer|his|her|their) (?:backs?|step)|you'?ve been warned|you(?:'ll| will) (?:regret (?:this|it)|pay for (?:this|it)|be sorry)|(?:keep|carry on|try|do (?:that|it) again|ignore me)[^.!?\n]{0,40}(?:and )?see what happens|get(?:s)? what'?s coming|rot in hell|burn in hell|drop dead|kill yourself|kill yourselves|kys|neck yourself|deserves? to (?:die|suffer|rot|burn|be shot|get cancer|be hurt)|(?:want|wants|need|needs|deserve|deserves|could do with) (?:a )?(?:shooting|hanging|stringing up|lining up and shooting|putting down|a bullet|burning|torching|taking out(?: the back)? and shooting)|there(?:'ll| will| is going to|'s gonna| is gonna) be (?:trouble|bother|consequences|blood)|should (?:all )?be (?:shot|hanged|hung|strung up|lined up|put down|burnt|burned|executed|gassed)|(?:string|line) (?:them|you|em|'em) up)(?![\p{L}])/gu,
  // Wishing harm: "hope the whole place burns down", "hope someone sorts you out".
  /(?<![\p{L}])(?:i )?(?:hope|wish|pray) (?:you|they|he|she|it|the \w+|that \w+|someone|somebody|whoever|anyone who|anybody who|everyone who|everybody who|all (?:the|you|your|of) \w+|every (?:one|last one) of you|the whole (?:place|lot|hospital|building)|your \w+|all of you|you all|u)(?: [\p{L}']+){0,9}? (?:die|dies|dying|rot|rots|burn|burns|burnt|suffer|suffers|gets? (?:cancer|run over|hit|attacked|stabbed|what'?s coming)|sorts? (?:you|them|him|her) out|crash|crashes|chokes?|drown|drowns)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:hope|wish|pray) (?:your|ur|yer|their|his|her) (?:kids|children|family|mum|mam|dad|da|nan|gran|baby|babies|loved ones|wife|husband|parents)(?: [\p{L}']+){0,4}? (?:end up|ends up|get|gets|die|dies|suffer|suffers|go through|goes through|are left|is left|get left|wait|waits|rot|lose|loses)(?![\p{L}])/gu,
  /(?<![\p{L}])(?:hope|wish|pray)(?:s|ed)? (?:someone|somebody|a bus|a car|karma)(?: would| will| 'd|'d)? (?:run (?:\w+ ){1,3}over|runs (?:\w+ ){1,3}over|stab|shoot|kill|batter|beat|hit|knock|punch|sort)(?![\p{L}])/gu,
];

export default defineSignal({
  meta: {
    id: 'abuse.threat',
    label: 'abuse',
    description: 'Threats of violence; credible ones are urgent and go to the police',
    requirements: ['INB-13'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      const credible = (start: number, end: number, what: string) =>
        report({
          start,
          end,
          weight: 1,
          urgent: true,
          routes: ['police'],
          note: `Credible threat (${what})`,
        });

      for (const m of matches(INTENT_RE, p.lower)) {
        if (reportedSpeech(p, m.index) || negatedLocally(p, m.index, 3)) continue;
        if (/(?:myself|yourself)$/.test(m[0])) continue;
        const next = after(p, m.index + m[0].length, 30);
        if (WEAK_VERB.test(m[0]) && !WEAK_OK.test(next)) continue;
        if (
          POSSESSIVE.test(m[0]) &&
          !/(?:kill|murder|stab|shoot|hurt|strangle|throttle|deck|lamp|attack|slap|punch|kick|headbutt|batter) her$/.test(
            m[0],
          ) &&
          !HARMED.test(next)
        )
          continue;
        // Quote the thing threatened too: "I'll break his legs".
        const harmed = POSSESSIVE.test(m[0]) ? HARMED.exec(next) : null;
        credible(
          m.index,
          m.index + m[0].length + (harmed ? harmed[0].length : 0),
          'intent to hurt someone',
        );
      }
      for (const re of CREDIBLE) {
        for (const m of matches(re, p.lower)) {
          if (reportedSpeech(p, m.index) || negatedLocally(p, m.index, 3)) continue;
          // "someone is going to get hurt" warns of an accident: the harm has no doer.
          if (
            / (?:get|gets|be|being) (?:\w+ )?(?:hurt|killed|shot|stabbed|attacked|burnt|burned)$/.test(
              m[0],
            )
          )
            continue;
          credible(
            m.index,
            m.index + m[0].length,
            'knows where someone is, a weapon, or incitement',
          );
        }
      }
      // "You've been warned" after "going to the papers and a lawyer" warns of exposure, not violence.
      const otherRecourse =
        /(?<![\p{L}])(?:lawyer|solicitor|court|papers|press|newspaper|media|mp|ombudsman|cqc|complaint|complain|social media|tiktok|facebook|review|legal)(?![\p{L}])/u.test(
          p.lower,
        );
      for (const re of VEILED) {
        for (const m of matches(re, p.lower)) {
          if (reportedSpeech(p, m.index) || negatedLocally(p, m.index, 3)) continue;
          if (
            otherRecourse &&
            /(?:been warned|regret|be sorry|pay for|know people|never works?)/.test(m[0])
          )
            continue;
          report({
            start: m.index,
            end: m.index + m[0].length,
            weight: 1,
            note: 'Veiled threat or wish of harm',
          });
        }
      }
    };
  },
});
