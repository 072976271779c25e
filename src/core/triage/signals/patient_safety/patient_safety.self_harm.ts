/**
 * patient_safety.self_harm — a risk of suicide or self-harm, for the writer or someone they speak
 * for: "I can't go on", "don't see the point anymore", "going to end it tonight", "started cutting
 * again", "took a load of tablets", "left alone with a belt".
 *
 * The phrases carry their own negation ("don't want to be here"), so prepare's negation scope is
 * not used; only a negator just before the phrase ("I'm not suicidal") cancels it. Hypotheticals
 * still count: "if they send me home again I'll end it" is a risk, not a what-if. "Kill yourself"
 * aimed at someone else is abuse, not this.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import {
  imaginedAt,
  matches,
  mentionsMinor,
  negatedLocally,
  timeframe,
} from '../../text/risk-context.js';

const W = "[\\p{L}\\p{N}'’-]+";
const PRON = '(?:my|him|her|them|one|our)self|themselves|ourselves';
const MEDS =
  '(?:tablets|pills|meds|medication|medicines|paracetamol|co-?codamol|ibuprofen|sleeping pills|sleeping tablets|antidepressants|painkillers|pain killers|insulin|sertraline|citalopram|fluoxetine|mirtazapine|diazepam|codeine|tramadol|morphine|oramorph|lithium|quetiapine|olanzapine|propranolol|amitriptyline)';

// Each pattern is one way of saying it; all are bounded and anchored at word starts.
const PATTERNS: readonly [RegExp, string, number?][] = [
  [
    new RegExp(
      `(?<![\\p{L}])(?:kill|killing|killed|hurt|hurting|harm|harming|harmed|cut|cutting|hang|hanging|hanged|drown|drowning|poison|poisoning|starve|starving|off|offing|top|topping|end|ending) (?:${PRON})(?![\\p{L}])(?! (?:working|to (?:get|keep|make|help|finish)|trying|at work|for (?:the|this|us|you|nothing)|over (?:it|this)|laughing))`,
      'gu',
    ),
    'harming themselves',
  ],
  [
    /(?<![\p{L}])(?:end(?:ing)?|take|taking|took) (?:it all|my (?:own )?life|his (?:own )?life|her (?:own )?life|their (?:own )?life)(?![\p{L}])/gu,
    'ending their life',
  ],
  [
    /(?<![\p{L}])(?:going to|gonna|gunna|want to|wanna|wants to|will|'ll|planning to|plans to|plan to|thinking of|thinking about|about to|ready to|trying to|tried to|try to) end it(?: all)?(?![\p{L}])/gu,
    'ending their life',
  ],
  [
    /(?<![\p{L}])(?:end(?:ing)? (?:it all|everything|things|my life)|end(?:ing)? it (?:tonight|today|now|soon))(?![\p{L}])(?! with (?:him|her|my|them))/gu,
    'ending their life',
  ],
  [
    /(?<![\p{L}])(?:(?:can't|cant|cannot|can not|don't|dont|do not|no longer) (?:see|find|think of|have) (?:a|any|one) reason to (?:keep going|live|go on|carry on|be here|get up|stay)|no reason to (?:keep going|stay)|(?:think|thinking|thought|thoughts) (?:about|of) (?:driving|crashing|jumping|stepping|walking|throwing myself) (?:into|off|in front of|under|out)|(?:driving|crash(?:ing)?) (?:my car )?into (?:a|the) (?:wall|tree|bridge|lorry)|step(?:ping)? in front of (?:a|the) (?:train|bus|lorry|car))(?![\p{L}])/gu,
    'thoughts of ending their life',
  ],
  [
    /(?<![\p{L}])(?:(?:having|had|got|get|getting) (?:really |very |some |such )?(?:dark|bad|suicidal|horrible|scary|intrusive) thoughts|thoughts (?:of|about) (?:ending it|suicide|killing myself|hurting myself|self[- ]harm|dying))(?![\p{L}])/gu,
    'dark thoughts',
  ],
  [
    /(?<![\p{L}])(?:(?:going to|gonna|about to|might|will|'ll|want to|wanna) do something (?:stupid|silly|daft|drastic|i'?ll regret)|(?:got|has|have|made|making) (?:a )?plan(?:s)? (?:and a date|to end|to kill|to die)|(?:set|picked|chosen) a date)(?![\p{L}])/gu,
    'plans or euphemisms for ending their life',
  ],
  [
    /(?<![\p{L}])(?:voices (?:are )?telling (?:me|him|her|them) to (?:hurt|kill|harm)|written (?:a |my )?(?:letters?|notes?) (?:to|for) (?:my|the) (?:kids|children|family|mum|dad|wife|husband|partner)|said (?:my|our|his|her) goodbyes|saying goodbye to (?:everyone|people|everybody|us|all (?:her|his|my) friends)|giving (?:away )?(?:all )?(?:my|his|her|their) (?:things|stuff|belongings|possessions)(?: away)?|(?:can't|cant|cannot|can not|not able to|unable to|(?:don'?t|dont|do not) think (?:i|he|she|they) can|not sure (?:i|he|she|they) can) keep (?:myself|himself|herself|themselves) safe|not safe (?:from|around|with) (?:myself|himself|herself))(?![\p{L}])/gu,
    'warning signs of suicide',
  ],
  [
    /(?<![\p{L}])(?:suicidal|suicide attempt|suicide note|suicide plan|suicide watch|suicidal thoughts|(?:attempt(?:ed|ing)?|tried|try|trying|thinking (?:of|about)|talk(?:ing|ed|s)? about|consider(?:ing|ed)?|contemplat(?:ing|ed)|plan(?:ning|ned)?|threaten(?:ed|ing|s)?) (?:to )?(?:commit(?:ting)? )?suicide)(?![\p{L}])/gu,
    'suicidal',
  ],
  [
    /(?<![\p{L}])(?:want(?:s|ed)? to|wanna|wish(?:es|ed)? (?:to|i could|i was|i were)|would rather|i'?d rather|just want to) (?:die|be dead|not be here|not be alive|not exist|disappear forever|(?:go to )?sleep (?:forever|and (?:not|never) wake up)|not wake up|never wake up)(?![\p{L}])/gu,
    'wanting to die',
  ],
  [
    /(?<![\p{L}])(?:wish (?:i|he|she) (?:was|were|wasn't|weren't) (?:dead|here|alive|born)|better off (?:dead|without (?:me|him|her))|no reason to (?:live|go on|carry on|be here)|nothing (?:left )?to live for|give up on life|given up on (?:life|living))(?![\p{L}])/gu,
    'no reason to live',
  ],
  [
    /(?<![\p{L}])(?:don't|dont|do not|doesn't|doesnt|does not|didn't|didnt) want to (?:be here|be alive|live|wake up|go on|carry on|exist)(?: any ?more)?(?![\p{L}])/gu,
    'not wanting to live',
  ],
  [
    /(?<![\p{L}])(?:can't|cant|cannot|can not) (?:go on|carry on|keep going)(?=\s*(?:$|[.!,?;:…\n)]|any ?more|like this|living|with (?:life|this)))/gu,
    'cannot go on',
  ],
  [
    /(?<![\p{L}])(?:can't|cant|cannot|can not) (?:do this|cope|take (?:it|this)|handle (?:it|this)|face (?:it|another day|tomorrow))(?: any ?more| like this)(?![\p{L}])/gu,
    'cannot cope',
    0.5,
  ],
  [
    /(?<![\p{L}])(?:(?:don't|dont|do not|can't|cant|cannot|doesn't|doesnt) see (?:the|any) point|no point|what'?s the point|whats the point|there'?s no point)(?: (?:any ?more|in (?:living|life|anything|going on|carrying on|being here|trying)|of (?:living|life|anything|going on|being here)|living|going on|carrying on))(?![\p{L}])/gu,
    'seeing no point in living',
  ],
  [
    /(?<![\p{L}])(?:self[- ]?harm(?:ing|ed|s)?|sh'?ing again|cutting again|started cutting|cut (?:my|his|her|their) (?:wrists?|arms?|legs?|thighs?|stomach|skin)|deep cuts?|slit (?:my|his|her) wrists|cutting (?:my|his|her) (?:wrists|arms|legs)|burning (?:myself|himself|herself)|relapsed? (?:with|into) self[- ]?harm)(?![\p{L}])/gu,
    'self-harm',
  ],
  [
    new RegExp(
      `(?<![\\p{L}])(?:took|taken|take|taking|swallowed|had|necked|downed|eaten|ate)(?: (?:all|a load|loads|a lot|lots|a bunch|a handful|handfuls|a bag of|a bag|a strip|a few|some|a couple of|a whole (?:box|packet|pack|bottle|strip|tub)|(?:\\d{2,3}|ten|twelve|fifteen|twenty|thirty|forty|fifty)|every one|too many|a full (?:box|packet|bottle)))(?: of)?(?: ${W}){0,2} ${MEDS}(?![\\p{L}])`,
      'gu',
    ),
    'overdose',
  ],
  [/(?<![\p{L}])(?:overdose(?:d)?|taken an od|took an od|od'?d|od'?ing)(?![\p{L}])/gu, 'overdose'],
  [
    /(?<![\p{L}])(?:left (?:alone )?with (?:a|her|his|the|their) (?:belt|cord|rope|ligature|lace|laces|scarf|blade|razor|razors|knife)|ligature|noose|(?:stockpil|sav|hoard|collect)(?:ing|ed) (?:up )?(?:my |his |her )?(?:tablets|pills|meds)|(?:jump|jumping|throw (?:myself|himself|herself|themselves)) (?:off|from|in front of) (?:a |the |that )?(?:bridge|roof|train|car|building|cliff|multi-?storey|multi storey|car park|flats|balcony|window|motorway|lorry|bus)|(?:gonna|going to|wants? to|want to|threatening to|threatened to|thinking (?:of|about)|planning to|about to|'ll|will) (?:jump|throw (?:myself|himself|herself|themselves)) (?:off|from|in front of|out of)|standing on (?:the|a) (?:bridge|roof|ledge|edge)|(?:patient|man|woman|lad|lass|girl|boy|someone|somebody|person|bloke|guy|kid|teenager|my \p{L}+)(?: is|'s| has been)? (?:up |stood |standing |sat |sitting )?on (?:the|a) (?:roof|ledge|bridge|railings|parapet)(?: of (?:the|a) [\p{L}-]+)?(?! garden| terrace)|(?:sitting|standing|stood|sat|perched) on the (?:edge|ledge|railings?|side) of (?:the|a) (?:bridge|roof|cliff|building|platform|car park|multi-?storey)|(?:tablets|pills|meds) (?:all )?(?:lined up|ready|counted out|saved up|stockpiled)|got the (?:tablets|pills|rope|blades?) (?:ready|lined up|here|out))(?![\p{L}])/gu,
    'means of harm',
  ],
  [
    /(?<![\p{L}])(?:(?:i|i'll|i will|i'm|im|he|she|he'll|she'll)(?: probably| just)? (?:won't|wont|will not|not going to|ain't going to|might not) be (?:here|around|alive) (?:to see|for|by|much longer|next|tomorrow|at christmas|any ?more)|(?:want|wanna|wish|wishing)(?: i could| to)?(?: just)? disappear (?:for good|forever|for ever|permanently)|(?:not|never) (?:be )?around (?:any ?more|much longer)|(?:pills|tablets|meds)(?: [\p{L}']+){0,5}? (?:all )?(?:in|under|hidden in) (?:my|his|her) (?:drawer|room|bag|bedside))(?![\p{L}])/gu,
    'wanting to disappear',
  ],
  // Shut away with a means of harm: "locked herself in the bathroom and says she's got a blade".
  [
    /(?<![\p{L}])(?:(?:locked|barricaded|shut) (?:herself|himself|themselves|myself) in(?: [\p{L}']+){0,8}? (?:got|has|have|with|holding|took|taken) (?:a |the |his |her |my |some )?(?:blade|razor|knife|rope|belt|cord|ligature|pills|tablets|meds|scissors|glass)|(?:got|has|have|with|holding) (?:a |the |his |her |my |some )?(?:blade|razor|knife|rope|belt|cord|ligature)(?: [\p{L}']+){0,6}? (?:locked|barricaded|shut) (?:herself|himself|themselves|myself) in)(?![\p{L}])/gu,
    'alone with a means of harm',
  ],
  // Passive wishes not to exist, said calmly: "it'd be easier if I just wasn't here", "nobody
  // would miss me", "the pills are in my hand". Contractions come with and without apostrophes.
  [
    /(?<![\p{L}])(?:(?:easier|better|simpler)(?: for (?:everyone|everybody|them|my \p{L}+))? if (?:i|he|she) (?:just )?(?:wasn'?t|was not|weren'?t|were not|wasnt|didn'?t exist|disappeared|was gone|were gone|(?:was|were)n'?t around|died|never woke up)(?: (?:here|around|alive|about|any ?more))?|(?:no ?one|nobody|noone|no body|not one person)(?: would| will|'d|'ll)? (?:even )?(?:miss|notice|care) (?:me|him|her|if i)|(?:pills|tablets|meds|blade|razor|rope|knife)(?: are| is|'s|'re)? (?:in|on) (?:my|his|her) (?:hand|hands|lap|palm)|(?:everything|life|it all|my life)(?: just)? (?:is|feels|seems) (?:so |totally |completely |just )?(?:pointless|meaningless|hopeless)|tonight(?:'s| is| feels like) the night|(?:this|tonight|today)(?: is|'s) (?:my|the) last (?:post|message|night|day)|(?:won'?t|wont|will not|not gonna|not going to) (?:be )?(?:a )?(?:problem|burden) (?:for|to) (?:you|anyone|anybody) (?:much )?(?:longer|any ?more)|(?:sorry for )?(?:everything|all of it)[,.]? (?:goodbye|bye) (?:everyone|all)|goodbye (?:everyone|all|world|cruel world))(?![\p{L}])/gu,
    'wishing not to exist',
  ],
  [
    /(?<![\p{L}])(?:(?:i'?ve|i have|got) nothing left|nothing left to (?:give|live for)|(?:i'?m|im) done with (?:life|living|everything)|no way out|(?:i'?m|im) a burden|everyone would be better off)(?![\p{L}])/gu,
    'hopelessness',
    0.5,
  ],
];

export default defineSignal({
  meta: {
    id: 'patient_safety.self_harm',
    label: 'patient_safety',
    description: 'Suicide or self-harm risk for the writer or someone they speak for',
    requirements: ['INB-6', 'INB-4'],
  },
  options: z.object({}).strict(),
  create() {
    return (p, report) => {
      const minor = mentionsMinor(p.lower);
      // "If you're ever feeling suicidal, call…" is signposting, not a disclosure.
      const signposting = (at: number) => {
        if (!imaginedAt(p, at)) return false;
        const lead = p.lower.slice(Math.max(0, at - 60), at);
        return /(?:if|in case) (?:you|you're|youre|you are|anyone|anybody|someone|somebody|people|your)(?![\p{L}])[^.!?\n]*$/u.test(
          lead,
        );
      };
      for (const [re, what, base = 1] of PATTERNS) {
        for (const m of matches(re, p.lower)) {
          const start = m.index;
          const end = start + m[0].length;
          // "I'm not suicidal" / "never tried to end it": a negator just before cancels it.
          if (negatedLocally(p, start, 3) || signposting(start)) continue;
          // "my brother took his own life in 2015", "thank you for saving me after my overdose in
          // 2020" — grief or gratitude, not a risk now.
          if (timeframe(p, start, end) === 'past') continue;
          report({
            start,
            end,
            weight: base,
            note: `Risk of suicide or self-harm (${what})${minor ? ' — a child or young person' : ''}`,
            ...(minor ? { routes: ['safeguarding' as const] } : {}),
          });
        }
      }
    };
  },
});
