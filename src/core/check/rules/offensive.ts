/**
 * offensive — obscene, profane, abusive, discriminatory, threatening or harassing language
 * (PUB-3). The obscenity library finds disguised profanity ("sh1t", "fuuuck"); our own lists add
 * UK insults, mild profanity, threats, harassment and slurs, and undo spacing ("s h i t"),
 * masking ("p*ss") and leetspeak for them. An allow-list keeps place names (Scunthorpe,
 * Penistone), ordinary words (cockpit, assess) and clinical phrases (bloody stool) clean.
 */
import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { z } from 'zod';
import { compilePhrases, findPhrases, type PhraseMatch } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { addUnlessOverlapping, bySentence, containedIn } from '../../text/spans.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

const words = phraseList('offensive-words');
const allow = phraseList('offensive-allow');
const wordsOf = (kind: string): string[] =>
  allPhrases({ ...words, entries: words.entries.filter((e) => e.kind === kind) });

/** Kinds of finding, in the order they are looked for. */
type Kind = 'profanity' | 'mild' | 'insult' | 'slur' | 'threat' | 'harassment' | 'discrimination';
const WORD_KINDS = [
  'profanity',
  'mild',
  'insult',
  'slur',
  'threat',
  'harassment',
] as const satisfies readonly Kind[];

const LABEL: Record<Kind, string> = {
  profanity: 'profanity',
  mild: 'mild profanity',
  insult: 'insult',
  slur: 'discriminatory slur',
  threat: 'threat',
  harassment: 'harassing language',
  discrimination: 'discriminatory generalisation about a group',
};

/**
 * Words of the library's English list that are anatomy, clinical or legal terms, names, or
 * blood groups in NHS posts ("anal fissure", "sexual health", "rape crisis", "ABO"), or that our
 * own lists handle with more context ("dick" as a name, "fag" as a cigarette, "cum laude").
 */
const LIBRARY_DROPPED = new Set([
  'anal',
  'anus',
  'penis',
  'vagina',
  'sex',
  'semen',
  'ejaculate',
  'masturbate',
  'orgasm',
  'rape',
  'incest',
  'bestiality',
  'boob',
  'hooker',
  'porn',
  'cum',
  'dick',
  'fag',
  'scat',
  'abo',
]);
/** Library words that are slurs rather than profanity. */
const LIBRARY_SLURS = new Set([
  'nigger',
  'negro',
  'chink',
  'kike',
  'abeed',
  'africoon',
  'arabush',
  'boonga',
  'chingchong',
  'tranny',
  'retard',
  'spastic',
  'dyke',
]);
/** Library words that are mild in British English. */
const LIBRARY_MILD = new Set(['arse']);

/** The library matcher, built once: it holds a hundred or so compiled patterns. */
let library: { matcher: RegExpMatcher; data: DataSet<{ originalWord: string }> } | undefined;
function libraryMatcher(): NonNullable<typeof library> {
  if (!library) {
    const data = new DataSet<{ originalWord: string }>()
      .addAll(englishDataset)
      .removePhrasesIf((p) => LIBRARY_DROPPED.has(p.metadata?.originalWord ?? ''));
    library = {
      matcher: new RegExpMatcher({ ...data.build(), ...englishRecommendedTransformers }),
      data,
    };
  }
  return library;
}

/** Leetspeak read back as letters, only inside a word that has letters ("5h1t", "1d10t"). */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
/** A word that may hide letters behind digits or symbols. */
const LEET_WORD = /(?<![\p{L}\p{N}@$!])[\p{L}\p{N}@$!]{3,30}(?![\p{L}\p{N}])/gu;

/** Letters spaced or dotted out: "s h i t", "f.u.c.k", "c-r-a-p". */
const SPACED = /(?<![\p{L}\p{N}])(?:\p{L}[ .*_-]{1,2}){2,20}\p{L}(?![\p{L}\p{N}])/gu;
/** A word with letters masked by asterisks or hashes: "p*ss", "f***ing", "b******s". */
const MASKED = /(?<![\p{L}\p{N}*#])\p{L}{1,12}[*#]{1,8}[\p{L}*#]{0,14}(?![\p{L}\p{N}])/gu;
/** A run of three or more of the same letter: "tosssser". */
const REPEATS = /(\p{L})\1{2,}/u;

/** Threats of violence against someone: "I'll kill you", "we're going to smash your face". */
const THREAT =
  /\b(?:i['’]?ll|i\s+will|i['’]m\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|we['’]ll|we\s+will|we['’]re\s+going\s+to|gonna|someone\s+should|somebody\s+should|someone['’]s\s+going\s+to)\s+(?:kill|hurt|stab|shoot|batter|punch|smash|slap|strangle|knife|glass|rape|murder|deck|thump|end|torch|firebomb|break)\s+(?:you|u|ya|yer|them|him|her|every\s+one\s+of\s+you|all\s+of\s+you|the\s+lot\s+of\s+you|(?:your|his|her|their)\s+(?:face|head|teeth|skull|legs|arms|neck|nose|jaw|kneecaps|car|windows|house|family|kids))\b/giu;
/** "I'll find you" as a threat, not "we'll find you a bed". */
const FIND_YOU =
  /\b(?:i['’]?ll|i\s+will|i['’]m\s+going\s+to|i['’]m\s+gonna|we['’]ll|we\s+will)\s+(?:find|track\s+down|hunt\s+down)\s+(?:you|u|ya|them|him|her)\b(?!\s+(?:a|an|the|some|somewhere|someone|something|support|help|more|your|our|in|on|at|to|with|through|home|out|back|into|seen|sorted|booked|there|the\s+right)\b)/giu;

/** Knowing where someone lives or parks: "I know where that consultant parks", "I've got your manager's home address". */
const STALK =
  /\b(?:know|found\s+out)\s+where\s+(?:you|u|he|she|they|that\s+[\p{L}]{2,20}|your\s+[\p{L}]{2,20})\s+(?:live|lives|park|parks|sleep|sleeps|go|goes)\b|\b(?:got|have|know|found)\s+(?:your|his|her|their|[\p{L}'’ ]{1,30}['’]s)\s+(?:home\s+)?address\b/giu;

/** A veiled threat: "keep ignoring me and see what happens", not "come and see what happens behind the scenes". */
const SEE_WHAT_HAPPENS =
  /\b(?:keep|carry\s+on|do\s+(?:that|it)\s+again|try\s+(?:it|that)\s+again)\b[^.!?\n]{0,40}?\bsee\s+what\s+happens\b(?!\s+(?:to|when|behind|at|in|next|if|on)\b)/giu;

/** "Shut up" said to someone, not "shut up shop". */
const SHUT_UP =
  /(?:^|[.!?,:;]\s*|\b(?:just|you|so|now|please)\s+)shut\s+(?:up|it)\b(?!\s+(?:shop|about))/giu;

/**
 * People described by origin, religion or identity: "Romanian carers", "Muslim doctors",
 * "foreign nurses". Together with hostile framing in the sentence this is a discriminatory
 * generalisation; on its own it is not.
 */
const GROUP_PEOPLE =
  /\b(?:Polish|Romanian|Bulgarian|Lithuanian|Latvian|Albanian|Ukrainian|Russian|Indian|Pakistani|Bangladeshi|Nigerian|Ghanaian|Kenyan|Zimbabwean|Somali|Sudanese|Eritrean|Filipino|Chinese|Vietnamese|Arab|Afghan|Iraqi|Iranian|Syrian|Turkish|Kurdish|Jamaican|Caribbean|African|Asian|Muslim|Jewish|Hindu|Sikh|Roma|Gypsy|Eastern\s+European|[Bb]lack|[Bb]rown|[Ff]oreign|[Oo]verseas|[Ii]mmigrant|[Mm]igrant|[Gg]ay|[Tt]rans|[Dd]isabled|[Aa]utistic)\s+(?:doctors?|nurses?|carers?|staff|workers?|people|patients?|famil(?:y|ies)|men|women|lads|girls|porters?|cleaners?|surgeons?|consultants?|midwi(?:fe|ves)|students?|colleagues?|neighbours?|drivers?|residents?)\b/gu;

/** A pronoun that carries a group on into the next sentence: "Half of them can barely…". */
const GROUP_PRONOUN = /\b(?:they|them|their|these|those|he|she|his|her)\b/iu;

/** "I'm such an idiot": an insult aimed at oneself is not abuse. */
const SELF =
  /\b(?:I['’]?m|I\s+am|I\s+was|I\s+felt|I\s+feel|me|myself|like)\s+(?:(?:such|a|an|an?\s+(?:absolute|complete|total|utter|right|massive))\s+){0,2}$/iu;

export default defineRule({
  meta: {
    id: 'offensive',
    description: 'Obscene, profane, abusive, discriminatory, threatening or harassing language',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /**
       * Audiences for which mild profanity ("bloody", "damn", "crap") is reported. Corporate posts
       * never use it; a staff member's personal post is left to their judgement by default.
       */
      mildAudiences: z.array(z.enum(['corporate', 'personal'])).default(['corporate']),
      /** More words to report (kind: profanity). */
      extraWords: z.array(z.string().min(2)).default([]),
      /** More names and words never to report (local place names, surnames). */
      allow: z.array(z.string().min(2)).default([]),
    })
    .strict(),
  create(options) {
    const lib = libraryMatcher();
    // One matcher for every listed phrase (one pass over the text), and a lookup for its kind.
    const kindOfPhrase = new Map<string, Kind>();
    const wildcards: { prefix: string; kind: Kind }[] = [];
    for (const kind of WORD_KINDS) {
      for (const p of kind === 'profanity'
        ? [...wordsOf(kind), ...options.extraWords]
        : wordsOf(kind)) {
        const key = p.toLowerCase().replace(/\s+/gu, ' ');
        if (key.endsWith('*')) wildcards.push({ prefix: key.slice(0, -1), kind });
        else kindOfPhrase.set(key, kind);
      }
    }
    const listed = compilePhrases([
      ...kindOfPhrase.keys(),
      ...wildcards.map((w) => w.prefix + '*'),
    ]);
    const kindOf = (matched: string): Kind | undefined => {
      const key = matched.toLowerCase().replace(/\s+/gu, ' ');
      return kindOfPhrase.get(key) ?? wildcards.find((w) => key.startsWith(w.prefix))?.kind;
    };
    const allowed = compilePhrases([...allPhrases(allow), ...options.allow]);
    const groups = compilePhrases(wordsOf('group'));
    const hostile = compilePhrases(wordsOf('hostile'));
    const hostileWeak = compilePhrases(wordsOf('hostile-weak'));

    // Single words by kind, for spaced-out, masked and stretched spellings.
    const single = new Map<string, Kind>();
    for (const kind of ['mild', 'insult', 'slur', 'profanity'] as const) {
      for (const p of kind === 'profanity'
        ? [...wordsOf(kind), ...options.extraWords]
        : wordsOf(kind)) {
        const w = p.toLowerCase().replace(/\*$/u, '');
        if (/^[\p{L}]+$/u.test(w)) single.set(w, kind);
      }
    }
    for (const w of [
      'fuck',
      'fucks',
      'fucked',
      'fucker',
      'fuckers',
      'fuckin',
      'bastard',
      'bastards',
      'bitch',
      'bitches',
      'twat',
      'twats',
      'wank',
      'wanking',
      'whore',
      'whores',
      'slut',
      'sluts',
      'prick',
      'pricks',
      'cock',
      'cocks',
      'tits',
      'pussy',
      'nigger',
      'niggers',
      'dick',
      'dicks',
    ]) {
      if (!single.has(w))
        single.set(w, LIBRARY_SLURS.has(w.replace(/s$/u, '')) ? 'slur' : 'profanity');
    }
    const collapsed = new Map<string, Kind>();
    for (const [w, k] of single) collapsed.set(w.replace(/(\p{L})\1+/gu, '$1'), k);
    const byLength = new Map<number, string[]>();
    for (const w of single.keys()) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);

    const note =
      'Posts must not contain obscene, abusive, discriminatory or threatening language. Rephrase, or do not post.';

    return (draft, report) => {
      const text = straightQuotes(draft.text);
      const mildOn = options.mildAudiences.includes(draft.audience);
      const safe = findPhrases(allowed, text);
      const isAllowed = (start: number, end: number): boolean => containedIn(safe, start, end);
      const found: { start: number; end: number; kind: Kind }[] = [];
      const add = (start: number, end: number, kind: Kind): void => {
        if (end <= start || isAllowed(start, end)) return;
        if (kind === 'mild' && !mildOn) return;
        found.push({ start, end, kind });
      };

      // Our lists, on the text as written.
      for (const m of findPhrases(listed, text)) {
        const kind = kindOf(m.text);
        if (!kind) continue;
        if ((kind === 'insult' || kind === 'slur') && !m.text.includes(' ')) {
          // "psycho-social", "anti-idiot": part of a compound, not the word itself.
          if (
            /^-\p{L}/u.test(text.slice(m.end, m.end + 2)) ||
            /\p{L}-$/u.test(text.slice(Math.max(0, m.start - 2), m.start))
          )
            continue;
        }
        if (kind === 'insult' && SELF.test(text.slice(Math.max(0, m.start - 40), m.start)))
          continue;
        add(m.start, m.end, kind);
      }

      // Single words written in leetspeak ("1d10t", "w4nker"), looked up word by word.
      LEET_WORD.lastIndex = 0;
      for (const m of execAll(LEET_WORD, text)) {
        const tok = m[0];
        if (!/\p{L}/u.test(tok) || !/[013457@$!]/u.test(tok)) continue;
        const word = tok.replace(/[013457@$!]/gu, (c) => LEET[c] ?? c).toLowerCase();
        const kind = single.get(word) ?? kindOf(word);
        if (
          kind &&
          (kind !== 'insult' || !SELF.test(text.slice(Math.max(0, m.index - 40), m.index)))
        )
          add(m.index, m.index + tok.length, kind);
      }

      // The library, for disguised spellings of its own words.
      for (const m of lib.matcher.getAllMatches(text, true)) {
        const word = lib.data.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
        const kind: Kind = LIBRARY_SLURS.has(word)
          ? 'slur'
          : LIBRARY_MILD.has(word)
            ? 'mild'
            : 'profanity';
        // The library's end index is inclusive; widen to the whole word so the span quotes it.
        let start = m.startIndex;
        let end = m.endIndex + 1;
        while (start > 0 && /[\p{L}\p{N}*@$]/u.test(text[start - 1]!)) start--;
        while (end < text.length && /[\p{L}\p{N}*@$]/u.test(text[end]!)) end++;
        if (isAllowed(start, end)) continue;
        add(start, end, kind);
      }

      // Spaced-out, masked and stretched spellings of single words.
      SPACED.lastIndex = 0;
      for (const m of execAll(SPACED, text)) {
        // "s h i t. f.u.c.k" is one run of single letters: try it whole, then split at wider gaps.
        const parts = [{ at: 0, s: m[0] }];
        let from = 0;
        for (const g of execAll(/[^\p{L}]{2}/gu, m[0])) {
          parts.push({ at: from, s: m[0].slice(from, g.index) });
          from = g.index + 2;
        }
        if (from > 0) parts.push({ at: from, s: m[0].slice(from) });
        for (const part of parts) {
          const joined = part.s.replace(/[^\p{L}]/gu, '').toLowerCase();
          if (joined.length < 3) continue;
          const kind = single.get(joined) ?? collapsed.get(joined.replace(/(\p{L})\1+/gu, '$1'));
          if (!kind) continue;
          add(m.index + part.at, m.index + part.at + part.s.length, kind);
          if (part.at === 0 && part.s === m[0]) break;
        }
      }
      MASKED.lastIndex = 0;
      for (const m of execAll(MASKED, text)) {
        const tok = m[0].toLowerCase();
        if (tok.length < 3) continue;
        const hit = (byLength.get(tok.length) ?? []).find((w) =>
          [...tok].every((c, i) => c === '*' || c === '#' || c === w[i]),
        );
        if (hit) add(m.index, m.index + m[0].length, single.get(hit)!);
      }
      for (const m of execAll(/[\p{L}]{3,40}/gu, text)) {
        if (!REPEATS.test(m[0])) continue;
        const kind = collapsed.get(m[0].toLowerCase().replace(/(\p{L})\1+/gu, '$1'));
        if (kind) add(m.index, m.index + m[0].length, kind);
      }

      // Threats.
      for (const re of [THREAT, FIND_YOU, STALK, SEE_WHAT_HAPPENS]) {
        re.lastIndex = 0;
        for (const m of execAll(re, text)) add(m.index, m.index + m[0].length, 'threat');
      }
      SHUT_UP.lastIndex = 0;
      for (const m of execAll(SHUT_UP, text)) {
        const at = m.index + m[0].search(/shut/iu);
        add(at, m.index + m[0].length, 'harassment');
      }

      // Hostile generalisations about a group: a group with a hostile framing in one sentence,
      // or a strongly hostile sentence that refers back ("them", "they") to a group just named.
      // Groups are found once in the whole text; most posts name none and skip the rest.
      GROUP_PEOPLE.lastIndex = 0;
      const allGroups = addUnlessOverlapping(
        findPhrases(groups, text),
        execAll(GROUP_PEOPLE, text).map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
        })),
      );
      let previousGroups = false;
      const groupSents = allGroups.length > 0 ? sentences(text) : [];
      const groupsBy = bySentence(groupSents, allGroups);
      for (let si = 0; si < groupSents.length; si++) {
        const s = groupSents[si]!;
        const gs = groupsBy[si]!;
        const hadGroups = previousGroups;
        previousGroups = gs.length > 0;
        if (gs.length === 0 && !hadGroups) continue;
        const strong = findPhrases(hostile, s.text);
        if (gs.length === 0) {
          if (strong.length > 0 && GROUP_PRONOUN.test(s.text)) {
            const first = strong[0]!;
            add(s.start + first.start, s.start + first.end, 'discrimination');
          }
          continue;
        }
        const weak = findPhrases(hostileWeak, s.text);
        const othering = gs.filter((g) =>
          /\b(?:those|these|bloody|typical)\s+$/iu.test(
            s.text.slice(Math.max(0, g.start - 9), g.start),
          ),
        ).length;
        if (strong.length === 0 && weak.length + othering < 2) continue;
        const parts: PhraseMatch[] = [...gs, ...strong, ...weak];
        const start = Math.min(...parts.map((p) => p.start));
        const end = Math.max(...parts.map((p) => p.end));
        add(s.start + start, s.start + end, 'discrimination');
      }

      found.sort((a, b) => a.start - b.start || b.end - a.end);
      for (const f of found) {
        const actual = text.slice(f.start, f.end);
        report({
          start: f.start,
          end: f.end,
          message: `Unexpected ${LABEL[f.kind]} "${actual}", expected respectful language`,
          note,
        });
      }
    };
  },
});
