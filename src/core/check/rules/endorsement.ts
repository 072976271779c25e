/**
 * endorsement — a post that endorses or promotes a company, product or organisation that is not
 * an NHS body, a public body or a configured partner (PUB-3). The NHS must not be seen to favour
 * a business. Thanking a company for a donation is fine; telling people to buy from it is not.
 */
import { z } from 'zod';
import { compilePhrases, findPhrases, type PhraseMatch } from '../../text/phrases.js';
import { sentences } from '../../text/sentences.js';
import { allPhrases, phraseList } from '../phrases/index.js';
import { straightQuotes } from '../../text/straight-quotes.js';
import { addUnlessOverlapping, bySentence, containedIn, overlapsAny } from '../../text/spans.js';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

const list = phraseList('endorsement-phrases');
const phrasesOf = (kind: string): string[] =>
  allPhrases({ ...list, entries: list.entries.filter((e) => e.kind === kind) });
const ranking = phraseList('endorsement-ranking');
const rankingOf = (kind: string): string[] =>
  allPhrases({ ...ranking, entries: ranking.entries.filter((e) => e.kind === kind) });

/** A percentage discount: "20% off", "10 % off". */
const PERCENT_OFF = /(?<![\p{L}\p{N}])\d{1,3}\s?%\s*off\b/giu;

/** A name: up to four capitalised words or numbers ("Fitbit Charge 6", "Domino's Pizza"). */
const NAME = String.raw`\p{Lu}[\p{L}\p{N}'’&.-]{0,30}(?:\s+(?:\p{Lu}[\p{L}\p{N}'’&.-]{0,30}|\d{1,4})){0,3}`;

/** Named-object constructions that endorse whatever they name. */
const NAMED: { re: RegExp; why: string }[] = [
  {
    re: new RegExp(
      String.raw`\b(?:we|I)(?:\s+(?:would|'d|’d|always|highly|really|strongly|definitely|do))*\s+recommend(?:s|ed)?\s+(?:the\s+|a\s+|an\s+)?(${NAME})`,
      'gu',
    ),
    why: 'recommends',
  },
  {
    // "Our patients love Specsavers", "I only trust Savlon", "the team swear by Crocs".
    re: new RegExp(
      String.raw`\b(?:[Ww]e|I|[Ee]veryone|[Ss]taff|[Pp]atients|[Nn]urses|[Oo]ur\s+\p{Ll}+|[Tt]he\s+team)(?:\s+(?:really|all|absolutely|just|only|always|do))*\s+(?:love|loves|trust|trusts|swear\s+by|swears\s+by|rely\s+on|relies\s+on)\s+(?:the\s+)?(${NAME})`,
      'gu',
    ),
    why: 'praises',
  },
  {
    // "Keep cool this summer with Fizzo", "stay hydrated on shift with Aquavita".
    re: new RegExp(
      String.raw`\b(?:[Ss]tay|[Kk]eep|[Gg]et)\s+(?:cool|hydrated|warm|fresh|going|energised|energized|active|fit|healthy)\b[^.!?\n]{0,30}?\bwith\s+(?:the\s+)?(${NAME})`,
      'gu',
    ),
    why: 'recommends',
  },
  {
    re: new RegExp(String.raw`\b(?:proudly\s+)?sponsored\s+by\s+(?:the\s+)?(${NAME})`, 'giu'),
    why: 'is sponsored by',
  },
  {
    re: new RegExp(String.raw`\bbrought\s+to\s+you\s+by\s+(?:the\s+)?(${NAME})`, 'giu'),
    why: 'is brought to you by',
  },
  {
    re: new RegExp(String.raw`\bin\s+association\s+with\s+(?:the\s+)?(${NAME})`, 'giu'),
    why: 'is in association with',
  },
  {
    re: new RegExp(
      String.raw`\bbest\s+(?:app|apps|product|products|brand|one|trainers|shoes|tracker|watch|supplement|supplements|vitamins|coffee|pizza|chicken|place|shop|gym)\b[^.!?\n]{0,60}?\bis\s+(?:the\s+)?(${NAME})`,
      'giu',
    ),
    why: 'calls the best',
  },
  {
    re: new RegExp(
      String.raw`(${NAME})\s+(?:is|are)\s+(?:the|by\s+far\s+the|simply\s+the)\s+best\b`,
      'gu',
    ),
    why: 'calls the best',
  },
];

/** Capitalised words that start a name but are ordinary words or public services. */
const ORDINARY_NAME =
  /^(?:The|A|An|Our|Your|My|This|That|These|Those|It|We|You|They|GP|GPs|A&E|NHS|Pharmacy|Pharmacies|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|Covid|COVID-19|Flu|MMR|HPV|RSV)$/u;

/** Words that mark a name as a public body or a charity, which this rule leaves alone. */
const PUBLIC_NAME =
  /\b(?:NHS|Council|ICB|ICS|CCG|Integrated\s+Care|Foundation\s+Trust|Trust|Hospitals?|Health\s+Board|Ambulance|Fire|Police|Government|Department|Agency|Commission|Healthwatch|University|College|School|Charity|Charities|Foundation|Appeal|Fund|Hospice|Rotary|Lions)\b|\bUK$/u;

/**
 * A capitalised name (one to three words, or a run-together name such as "CalmMind") just before
 * a product word: "the CalmMind app", "Zesto energy drink". The product words come from the list.
 */
const PRODUCT_NAME = String.raw`(?<![\p{L}\p{N}#@'’])(\p{Lu}[\p{L}\p{N}'’&-]{0,30}(?:\s+\p{Lu}[\p{L}\p{N}'’&-]{0,30}){0,2})\s+`;

/** A word with a capital inside it ("CalmMind", "SleepWell"): a made-up brand, not a word. */
const INNER_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}/u;

/** A phrase as a pattern whose first letter may be either case ("app", "App"). */
const anyFirstCase = (phrase: string): string => {
  const body = phrase
    .trim()
    .split(/\s+/u)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('\\s+');
  const first = body.charAt(0);
  return first.toLowerCase() !== first.toUpperCase()
    ? `[${first.toLowerCase()}${first.toUpperCase()}]${body.slice(1)}`
    : body;
};
/** A phrase as a pattern in any case, for expressions that cannot take the i flag. */
const anyCase = (phrase: string): string =>
  [...phrase.trim()]
    .map((c) => {
      if (/\s/u.test(c)) return '\\s+';
      if (c.toLowerCase() !== c.toUpperCase()) return `[${c.toLowerCase()}${c.toUpperCase()}]`;
      return c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    })
    .join('')
    .replace(/(?:\\s\+)+/gu, '\\s+');

/** Common English words (the hashtag dictionary): a one-word name that is one is not a brand. */
let dictionary: ReadonlySet<string> | undefined;
function englishWords(): ReadonlySet<string> {
  dictionary ??= new Set(
    phraseList('hashtag-words')
      .entries.filter((e) => e.kind !== 'acronym')
      .flatMap((e) => e.phrases.map((p) => p.toLowerCase())),
  );
  return dictionary;
}

/** Whether `at` starts a sentence (so its capital letter says nothing about a name). */
const isSentenceStart = (text: string, at: number): boolean =>
  /(?:^|[.!?:\n]\s*|^\s*["'‘“(]?)$/u.test(text.slice(Math.max(0, at - 4), at));

/** Words that show a personal post speaks as NHS staff. */
const STAFF_IDENTITY =
  /\b(?:NHS|nurse|nurses|nursing|doctor|doctors|midwife|midwives|paramedic|GP|HCA|physio|physiotherapist|pharmacist|consultant|ward|trust|hospital|my patients|our patients|on shift|night shift|colleagues)\b/iu;

export default defineRule({
  meta: {
    id: 'endorsement',
    description:
      'Endorses or promotes a company, product or organisation that is not an NHS body or partner',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /** More brands to treat as commercial (local businesses the organisation is often asked to plug). */
      brands: z.array(z.string().min(2)).default([]),
      /** More names that are never an endorsement (on top of partners and the organisation's names). */
      allow: z.array(z.string().min(2)).default([]),
      /**
       * Personal posts are reported only when they speak as NHS staff or carry a discount code:
       * a nurse may like their trainers in private.
       */
      personalNeedsStaffIdentity: z.boolean().default(true),
    })
    .strict(),
  create(options, profile) {
    const brandSource = compilePhrases([...phrasesOf('brand'), ...options.brands]);
    // Brands are matched with their capital letter, so "wellington boots" is not the chemist.
    const brands = brandSource ? new RegExp(brandSource.source, 'gu') : null;
    const promo = compilePhrases(phrasesOf('promo'));
    const productName = new RegExp(
      PRODUCT_NAME +
        `(?:${allPhrases(phraseList('endorsement-products')).map(anyFirstCase).join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    const superlative = rankingOf('superlative').map(anyCase).join('|');
    const category = rankingOf('category').map(anyCase).join('|');
    // "the best supermarket in town", "our staff's top drink", "my favourite coffee shop".
    const ranked = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${superlative})(?:\\s+[\\p{L}'’-]{2,20}){0,2}?\\s+(?:${category})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    const praiseAlone = compilePhrases(phrasesOf('praise-alone'));
    const common = englishWords();
    const promote = compilePhrases(phrasesOf('promote'));
    const org = profile.organisation;
    const allowedNames = [
      ...phrasesOf('public'),
      ...profile.partners.flatMap((p) => [p.name, ...p.aliases]),
      ...org.nameVariants,
      org.name,
      ...(org.shortName ? [org.shortName] : []),
      ...options.allow,
    ];
    const allowed = compilePhrases(allowedNames);
    const allowedKeys = new Set(allowedNames.map((n) => n.toLowerCase()));
    // Given names: "we love Sarah" thanks a person, not a product.
    const givenNames = new Set(
      allPhrases(phraseList('pii-person-care-names')).map((n) => n.toLowerCase()),
    );

    /** Whether a captured name is a company or product (not a public body, partner or ordinary word). */
    const commercialName = (name: string): boolean => {
      const first = name.split(/\s+/u)[0] ?? '';
      if (ORDINARY_NAME.test(first) || PUBLIC_NAME.test(name)) return false;
      const lower = name.toLowerCase();
      for (const key of allowedKeys)
        if (lower === key || lower.startsWith(key + ' ') || key.startsWith(lower)) return false;
      return true;
    };

    const message = (what: string, why: string): string =>
      `Unexpected endorsement: the post ${why} "${what}", expected no promotion of companies or products other than NHS bodies and partners`;
    const note =
      'Thank a business for a donation if you must, without telling people to buy from it. Signpost NHS services instead.';

    return (draft, report) => {
      const text = straightQuotes(draft.text);
      const promos: PhraseMatch[] = [...findPhrases(promo, text)];
      PERCENT_OFF.lastIndex = 0;
      for (const m of execAll(PERCENT_OFF, text))
        promos.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      if (
        draft.audience === 'personal' &&
        options.personalNeedsStaffIdentity &&
        promos.length === 0 &&
        !STAFF_IDENTITY.test(text)
      )
        return;

      const found: { m: PhraseMatch; why: string }[] = [];
      for (const m of promos) found.push({ m, why: 'uses the promotion' });

      const inAllowed = findPhrases(allowed, text);
      const isAllowedSpan = (m: PhraseMatch): boolean => containedIn(inAllowed, m.start, m.end);
      const listed: PhraseMatch[] = [];
      if (brands) {
        brands.lastIndex = 0;
        for (const m of execAll(brands, text)) {
          const hit = { start: m.index, end: m.index + m[0].length, text: m[0] };
          if (!isAllowedSpan(hit)) listed.push(hit);
        }
      }

      // A name that is not listed but is plainly a product: "the CalmMind app", "Zesto drink".
      productName.lastIndex = 0;
      const products: PhraseMatch[] = [];
      for (const m of execAll(productName, text)) {
        const name = m[1]!;
        const hit = { start: m.index, end: m.index + name.length, text: name };
        if (isAllowedSpan(hit) || !commercialName(name) || givenNames.has(name.toLowerCase()))
          continue;
        if (!name.includes(' ') && !INNER_CAPITAL.test(name)) {
          // One ordinary word ("Sleep app", "Hand gel") or a capital that only starts a sentence.
          if (common.has(name.toLowerCase()) || isSentenceStart(text, m.index)) continue;
        }
        products.push(hit);
      }
      const brandHits = addUnlessOverlapping(listed, products);

      const sents = sentences(text);
      const brandsBy = bySentence(sents, brandHits);
      for (let si = 0; si < sents.length; si++) {
        const s = sents[si]!;
        const inSentence = brandsBy[si]!.map((b) => ({
          ...b,
          start: b.start + s.start,
          end: b.end + s.start,
        }));
        const triggers = findPhrases(promote, s.text);
        // A sentence that ranks a kind of business or product, or only praises and urges a try,
        // points back to the brand named before it: "Thanks to Tesco Extra. The best
        // supermarket in town!", "We like the CalmMind app. Try it tonight."
        ranked.lastIndex = 0;
        const rank = ranked.exec(s.text);
        const praise = rank ? undefined : findPhrases(praiseAlone, s.text)[0];
        const back = rank
          ? { start: rank.index, end: rank.index + rank[0].length, text: rank[0] }
          : praise;
        if (back && brandHits.length > 0 && inSentence.length === 0) {
          found.push({
            m: { start: s.start + back.start, end: s.start + back.end, text: back.text },
            why: rank ? 'ranks above others' : 'urges people to try',
          });
          continue;
        }
        if (back) triggers.push(back);
        if (triggers.length === 0) continue;
        if (inSentence.length > 0) {
          for (const b of inSentence) found.push({ m: b, why: 'promotes' });
          continue;
        }
        // "Massive thanks to Domino's! Everyone should order from them": the brand is elsewhere.
        if (brandHits.length > 0) {
          const t = triggers.find(
            (x) =>
              /^\s*(?:them|it|there|theirs|their|one|some|yours)\b/iu.test(
                s.text.slice(x.end, x.end + 12),
              ) || /^(?:order|buy|shop|grab|get|pick|head|pop)/iu.test(x.text),
          );
          if (t)
            found.push({
              m: { start: s.start + t.start, end: s.start + t.end, text: t.text },
              why: 'sends people to',
            });
        }
      }

      for (const { re, why } of NAMED) {
        re.lastIndex = 0;
        for (const m of execAll(re, text)) {
          const name = (m[1] ?? '').replace(/[.’'-]+$/u, '');
          const at = m.index + m[0].lastIndexOf(m[1] ?? '');
          if (!name || !commercialName(name)) continue;
          // "Get fit with Jane": a person, not a product.
          if (givenNames.has((name.split(/\s+/u)[0] ?? '').toLowerCase())) continue;
          // Loving or trusting a name says nothing about what it is ("we love Penistone"): only
          // a listed brand or a made-up product name ("SnoozeWell") counts.
          if (why === 'praises' && !INNER_CAPITAL.test(name) && !overlapsAny(brandHits, at, at + 1))
            continue;
          // "Water is the best drink": one ordinary word is not a brand's name.
          if (!name.includes(' ') && !INNER_CAPITAL.test(name) && common.has(name.toLowerCase()))
            continue;
          found.push({ m: { start: at, end: at + name.length, text: name }, why });
        }
      }

      found.sort((a, b) => a.m.start - b.m.start);
      for (const { m, why } of found)
        report({ start: m.start, end: m.end, message: message(m.text, why), note });
    };
  },
});
