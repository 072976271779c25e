/**
 * pii.person_care — a named person together with details of their care: where they are being
 * cared for ("Mr Jim Roberts on Ward 5", "Sarah in bed 4"), what they have ("has sepsis") or
 * what is being done ("her chemotherapy", "your insulin"). Either half alone is usually fine; the
 * two together disclose someone's health in public (PUB-3).
 *
 * How it works, per sentence: find person mentions (a title and name, a known given name with or
 * without a surname, or the name a reply greets), find care cues (phrase list `pii-person-care`
 * plus ward/bed/bay and "on the … unit" patterns), then decide. Staff (Dr, Nurse, Sister…, a
 * role next to the name, or thanks and praise) and public figures (Sir, King, a partner's name)
 * are left alone unless a cue plainly makes them the patient ("get well soon", "who is
 * recovering"). The greeted person counts only when the care is theirs ("your insulin",
 * "you're booked into the fracture clinic"), never for a greeting alone.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { phraseList } from '../phrases/index.js';
import { compilePhrases, findPhrases } from '../../text/phrases.js';
import { sentences, type Sentence } from '../../text/sentences.js';
import { execAll } from '../../text/exec-all.js';

type CueKind = 'condition' | 'procedure' | 'medication' | 'state' | 'patient' | 'location';

interface Cue {
  start: number;
  end: number;
  kind: CueKind;
  /** Plainly about a patient: a state of care, a possessive ("his operation"), a bed number. */
  strong: boolean;
  /** Tied to "your"/"you're": care of the person the reply is addressed to (or their family). */
  second: boolean;
}

interface Mention {
  start: number;
  end: number;
  /** Greeted at the start of a sentence ("Hi Sam,"): the person the reply is addressed to. */
  addressee: boolean;
  /** Marked as staff by a role next to the name, or thanked or praised. */
  staffLike: boolean;
}

interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, curly apostrophes straightened, possessive "'s" removed. */
  key: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  possessive: boolean;
}

// Words, with inner apostrophes and hyphens ("X-ray", "O'Connor", "Ellie's"). Each repetition
// starts with punctuation the letters cannot match, so this is linear.
const WORD = /[\p{L}\p{N}]+(?:['’\-&][\p{L}\p{N}]+)*/gu;

const tokenise = (text: string): Token[] => {
  const out: Token[] = [];
  for (const m of execAll(WORD, text)) {
    const raw = m[0];
    const straight = raw.replace(/’/g, "'").toLowerCase();
    const possessive = /['](?:s)$/.test(straight) && straight.length > 2;
    out.push({
      start: m.index,
      end: m.index + raw.length,
      text: raw,
      key: possessive ? straight.slice(0, -2) : straight,
      lower: straight,
      possessive,
    });
  }
  return out;
};

/** Index of the range containing `pos` in ranges sorted by start (binary search), or -1. */
const rangeAt = (ranges: readonly { start: number; end: number }[], pos: number): number => {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (pos < r.start) hi = mid - 1;
    else if (pos >= r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
};

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Titles of a patient or member of the public. */
const PATIENT_TITLES = set('mr mrs ms miss mx master');
/** Titles of clinical staff: a titled clinician named on a ward is not patient data. */
const STAFF_TITLES = set('dr doctor nurse sister matron midwife prof professor consultant surgeon');
/** Titles of public figures and saints (St Thomas', Queen Elizabeth): not patients to protect. */
const PUBLIC_TITLES = set(
  'king queen prince princess lord lady sir dame st saint president pope cllr councillor mp minister secretary chancellor baroness baron duke duchess earl count rev reverend father bishop archbishop captain colonel general',
);
/** Words after a name that make it a place, building, award or event: "Mary Seacole Ward". */
const PLACE_WORDS = set(
  'hospital hospitals ward wards unit centre center road street avenue close drive building wing suite clinic surgery practice trust foundation hospice school college university academy infirmary institute award awards fund appeal day week lecture department team service services society association programme project prize theatre theatres stadium arena library pavilion crescent terrace gardens memorial health medical community fellowship scholarship trophy cup',
);
/** Place words that are also common surnames ("Derek Hall", "Patricia Green"): a place only when another place word or nothing personal follows. */
const SURNAME_PLACE_WORDS = set(
  'house lane way park green hill court lodge church chapel hall mews grove place square row estate village station bridge fields home homes',
);
/** Capitalised words that are never a surname. */
const NOT_SURNAME = set(
  'the and or but on in at for from with is was to of by a an as it its we our you your he she they his her their this that these those has had have will would can could may might must be been being are were do does did not no yes so if then than when while after before today tomorrow yesterday tonight monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december nhs bed bay please thanks thank hi hello dear who which where how what why',
);
/** Words that greet someone by name at the start of a reply. */
const GREETING =
  /^(?:@[\w.]+\s+)*(?:hi|hiya|hello|hey|dear|morning|evening|good\s+(?:morning|afternoon|evening)|thanks|thank\s+you|many\s+thanks|sorry)(?:\s+(?:so\s+much|again|both))?\s*,?\s+(\p{Lu}[\p{L}'’-]*)/diu;
const NOT_GREETED = set(
  'all everyone everybody there team folks guys both again you for so sir madam friends again welcome both',
);

/** Roles next to a name mark a member of staff, a volunteer or an officer of the organisation. */
const ROLE =
  '(?:nurse|nurses|sister|matron|doctor|dr|consultant|surgeon|registrar|midwife|healthcare\\s+assistant|hca|porter|physio|physiotherapist|therapist|occupational\\s+therapist|pharmacist|radiographer|paramedic|receptionist|manager|chief\\s+executive|ceo|chair|chairman|chairwoman|director|volunteer|colleague|cleaner|domestic|chaplain|student|associate|practitioner|dietitian|psychologist|gp|health\\s+visitor|support\\s+worker|administrator|secretary|lead|head|specialist|fundraiser|governor|officer|coordinator|co-ordinator|assistant|technician|scientist|sonographer|clinician|team\\s+leader|member\\s+of\\s+staff|staff\\s+member|apprentice|trainee|fellow)';
// Anchored at the start of the last few words before a name (see roleBefore), so it is cheap.
const ROLE_BEFORE = new RegExp(`^${ROLE}s?\\s*,?\\s*$`, 'i');
/** A role in the last one to three words before a name: "our diabetes nurse Helen". */
const roleBefore = (before: string): boolean => {
  const words = before.trimEnd().split(/\s+/);
  for (let n = 1; n <= 3 && n <= words.length; n++) {
    if (ROLE_BEFORE.test(words.slice(words.length - n).join(' '))) return true;
  }
  return false;
};
// "Tom and Lucy, our new healthcare assistants": a role after a pair of names covers both.
const AND_NAME = "(?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)?";
const ROLE_AFTER = new RegExp(
  `^${AND_NAME}\\s*(?:,|\\(|–|-)\\s*(?:(?:our|the|a|an|ward|senior|lead|new|former|retired|head|clinical|specialist|staff|charge|deputy|assistant|trainee|student|matron|theatre|community|district|practice|junior|volunteer)\\s+){0,3}${ROLE}s?\\b` +
    `|^${AND_NAME}\\s+(?:from|of|at)\\s+(?:the|our)\\s+(?:[\\p{L}&'’-]+\\s+){0,3}(?:team|department|dept|service|clinic|practice|pharmacy|charity|trust|board)\\b` +
    `|^\\s*,?\\s+(?:who\\s+)?(?:works|worked|has\\s+worked|runs|ran|leads|led|manages|managed|volunteers|volunteered|joined\\s+(?:us|the\\s+team))\\b`,
  'iu',
);
/** Words that make the named person a patient: "Oliver, one of our cancer patients". */
const PATIENT_AFTER =
  /^\s*,?\s*(?:(?:one\s+of\s+)?(?:our|the)\s+(?:[\p{L}'’-]+\s+){0,2}patients?\b|an?\s+(?:[\p{L}'’-]+\s+){0,2}patient\b|(?:who|which)\s+(?:is|was|has\s+been)\s+(?:a|our)\s+patient\b)/iu;
const PATIENT_BEFORE = /\b(?:patient|patients)\s*,?\s*$/i;

/** Thanks and praise: a named person thanked on a ward is staff, not a patient. */
const PRAISE_G =
  /\b(?:thank(?:s|\s+you)|well\s+done|congratulations|congrats|shout[\s-]?out|kudos|hats\s+off|meet|welcom(?:e|es|ed|ing)|say\s+hello|hello\s+to|farewell|goodbye|happy\s+retirement|retir(?:e|es|ed|ing|ement)|proud|award|awards|winner|won|nominated|celebrat\w*|introducing|bravo|praise|star|amazing|brilliant|fantastic|wonderful|incredible)\b/gi;

// Locations of care.
const NUMBERED_PLACE =
  /\b([Ww]ard|[Bb]ay|[Bb]ed|[Cc]ubicle|[Ss]ide\s+[Rr]oom|[Rr]oom)\s+([0-9]{1,3}[A-Za-z]?|[A-Z])(?![\p{L}\p{N}])/gu;
const NAMED_WARD = /\b(?:\p{Lu}[\p{L}'’-]+\s+){1,3}Ward\b/gu;
const IN_UNIT =
  /\b(?:on|in|into|onto)\s+(?:the|our|a|their|his|her|your|my)\s+(?:[\p{L}'’&-]+\s+){0,2}?(?:ward|unit|bay|clinic|hospice|suite|theatre|cubicle|side\s+room|trolley|corridor)(?![\p{L}])/giu;
const IN_ACUTE =
  /\b(?:in|into|to)\s+(?:(?:the|your|our|their)\s+)?(?:[\p{L}'’]+\s+)?(?:ICU|ITU|HDU|NICU|SCBU|A&E|ED|resus|intensive\s+care|critical\s+care|emergency\s+department|high\s+dependency|special\s+care\s+baby\s+unit|neonatal\s+intensive\s+care)(?![\p{L}])/giu;
/**
 * An injury to a part of the body: "broke his ankle", "fractured her left wrist", "a sprained
 * knee". With his/her/their it is plainly someone's; with "a" or "the" it needs a name nearby.
 */
const INJURY =
  /\b(?:broke|broken|breaking|fractured|fracturing|sprained|dislocated|twisted|injured|hurt|tore|torn|ruptured|snapped|cracked|bruised|busted|smashed)\s+(?:(his|her|their|my|your|a|the|both)\s+)?(?:(?:left|right|lower|upper)\s+)?(?:ankle|ankles|wrist|wrists|arm|arms|leg|legs|hip|hips|ribs?|collarbone|collar\s+bone|neck|back|knee|knees|shoulder|shoulders|elbow|elbows|foot|feet|hand|hands|finger|fingers|thumb|toe|toes|nose|jaw|skull|pelvis|femur|shin|cheekbone|eye\s+socket|spine|vertebra|hamstring|achilles|Achilles|ligament|ligaments|cruciate|ACL|cartilage|tendon|tendons|calf)\b/gu;

/**
 * Caring for someone, just before their name: "looked after Danny Marsh today", "nursed Mrs
 * Green". The object of these verbs is a patient. "Treated Sam to a cake" is not care.
 */
const CARE_GIVEN =
  /\b(?:[Ll]ooked\s+after|[Ll]ooking\s+after|[Ll]ook\s+after|[Cc]ared\s+for|[Cc]aring\s+for|[Nn]ursed|[Aa]dmitted|[Dd]ischarged|[Oo]perated\s+on|[Rr]esuscitated|[Ss]titched\s+up|[Pp]atched\s+up|[Tt]reated)\s+(?:(?:the\s+)?(?:lovely|little|young|wee|brave|legendary|famous|one\s+and\s+only)\s+)?(?=(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s|\p{Lu}\p{Ll})(?![\p{Lu}\p{Ll}'’]+\s+to\s+(?:a|an|some|the)\b)(?!(?:Ward|Wards|Unit|Bay|Bays|Team|Department|Clinic|Theatre|Theatres|Reception|Outpatients|Maternity|Children|Critical|Intensive|Emergency|The|Our|Their|Everyone|All)\b)/gu;

/** A being or booking verb just before a place makes it the person's place of care. */
const BEING = set(
  'is was are were remain remains still now currently been being stay stays stayed staying lying moved transferred admitted readmitted booked referred seen treated recovering waiting went gone taken brought rushed back sent',
);
/** A being or booking verb in the 30 characters before a place, in the same sentence. */
const beingBefore = (before: string): boolean => {
  const tail = before.slice(-30);
  const clause = tail.slice(
    Math.max(tail.lastIndexOf('.'), tail.lastIndexOf('!'), tail.lastIndexOf('?')) + 1,
  );
  // The first piece may be a cut-off word; it still counts when the cut fell on a space.
  const words = clause.toLowerCase().split(/[^a-z]+/);
  for (
    let k = clause === tail && tail.length === 30 && !/^\s/.test(tail) ? 1 : 0;
    k < words.length;
    k++
  ) {
    if (BEING.has(words[k]!)) return true;
  }
  return false;
};

// A care word that is really part of the name of a service, campaign or job: "diabetes clinic",
// "flu jab", "cancer research", "infection control".
const NOT_CARE_AFTER = set(
  'jab jabs vaccine vaccines vaccination vaccinations booster boosters clinic clinics team teams service services campaign campaigns season awareness week month day days research unit units nurse nurses specialist specialists role roles lead leads control prevention rates rate care support group groups network charity society association fund appeal programme pathway pathways screening test-and-trace guidance information advice centre centres ward wards hub hubs line lines project projects conference event events study trial trials champion champions lounge lounges coordinator coordinators',
);
const NOT_CARE_BEFORE = set(
  "gp doctor doctors doctor's dental dentist dentist's vet local practice plastic keyhole robotic",
);

/** Words before a care word that make it someone's: "his", "her", "Ellie's", "has", "with". */
const LINK_BEFORE = set(
  'his her their has had having with undergoing underwent needs needed awaiting await suffering diagnosed treated recovering recover recovers due getting got',
);
const RELATIVE = set(
  'mum mother mam mom dad father husband wife partner son daughter brother sister nan nana nanna gran granny grandma grandad granddad grandpa grandmother grandfather grandson granddaughter aunt auntie uncle cousin niece nephew child baby boy girl',
);
/** A condition, question or general statement, where "you" is anyone, not the greeted person. */
const GENERIC_YOU =
  /\b(?:if|when|whether|unless|anyone|everyone|anybody|should\s+you|in\s+case|can\s+help|may\s+need)\b/i;
const SECOND_ONE = /\b(?:you|your|you're|you’re|you've|you’ve|yours|you'll|you’ll)\b/i;

export default defineRule({
  meta: {
    id: 'pii.person_care',
    description:
      'A named person together with care, diagnosis, treatment or location-in-care details',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /** More names that are never people here (wards, buildings, services named after people). */
      notNames: z.array(z.string()).default([]),
      /** How far (characters) a care word may be from the name in the same sentence. */
      window: z.number().int().min(20).max(400).default(100),
    })
    .strict(),
  create(options, profile) {
    const names = phraseList('pii-person-care-names');
    const given = new Set(
      names.entries
        .filter((e) => e.kind !== 'ambiguous')
        .flatMap((e) => e.phrases.map((p) => p.toLowerCase())),
    );
    const ambiguous = new Set(
      names.entries
        .filter((e) => e.kind === 'ambiguous')
        .flatMap((e) => e.phrases.map((p) => p.toLowerCase())),
    );

    // Care phrases, looked up by their lower-case words joined with single spaces.
    const care = new Map<string, CueKind>();
    const firstWords = new Set<string>();
    let longest = 1;
    for (const e of phraseList('pii-person-care').entries) {
      for (const p of e.phrases) {
        const words = tokenise(p).map((t) => t.lower);
        care.set(words.join(' '), e.kind as CueKind);
        if (words.length > 1) firstWords.add(words[0]!.replace(/'s$/, ''));
        longest = Math.max(longest, words.length);
      }
    }

    // The organisation's places, services, names and partners are never people.
    const masked = compilePhrases([
      ...profile.lexicon.places,
      ...profile.lexicon.services,
      ...profile.organisation.nameVariants,
      profile.organisation.name,
      ...profile.partners.flatMap((p) => [p.name, ...p.aliases]),
      ...options.notNames,
    ]);

    const findCues = (text: string, tokens: Token[]): Cue[] => {
      const cues: Cue[] = [];
      for (let i = 0; i < tokens.length; i++) {
        // Multi-word phrases are tried only from a word that starts one, and only across spaces
        // or hyphens (never punctuation).
        let maxN = 1;
        if (firstWords.has(tokens[i]!.key)) {
          while (
            maxN < longest &&
            i + maxN < tokens.length &&
            /^[\s-]+$/.test(text.slice(tokens[i + maxN - 1]!.end, tokens[i + maxN]!.start))
          )
            maxN++;
        }
        for (let n = maxN; n >= 1; n--) {
          const last = tokens[i + n - 1]!;
          let key = last.lower;
          for (let j = i + n - 2; j >= i; j--) key = tokens[j]!.key + ' ' + key;
          const kind = care.get(key) ?? (last.possessive ? care.get(key.slice(0, -2)) : undefined);
          if (!kind) continue;
          const next = tokens[i + n];
          const prev = tokens[i - 1];
          const nextKey = next && /^[\s-]*$/.test(text.slice(last.end, next.start)) ? next.key : '';
          if (kind !== 'state' && kind !== 'patient') {
            if (NOT_CARE_AFTER.has(nextKey)) break;
            if (
              prev &&
              NOT_CARE_BEFORE.has(prev.key) &&
              /^\s+$/.test(text.slice(prev.end, tokens[i]!.start))
            )
              break;
          }
          // Owned: "his/her/their/Ellie's/your … X" or "has/with … X" within three words.
          let owned = false;
          let second = false;
          for (let k = Math.max(0, i - 3); k < i; k++) {
            const t = tokens[k]!;
            if (/[.!?;]/.test(text.slice(t.end, tokens[i]!.start))) continue;
            if (LINK_BEFORE.has(t.key) || (t.possessive && !RELATIVE.has(t.key))) owned = true;
            if (
              t.key === 'your' ||
              t.key === "you're" ||
              t.key === 'you' ||
              (t.possessive && RELATIVE.has(t.key))
            )
              second = true;
          }
          cues.push({
            start: tokens[i]!.start,
            end: last.end,
            kind,
            strong: kind === 'state' || kind === 'patient' || owned,
            second,
          });
          i += n - 1;
          break;
        }
      }
      const place = (start: number, end: number, strong: boolean) => {
        const before = text.slice(Math.max(0, start - 40), start);
        cues.push({
          start,
          end,
          kind: 'location',
          strong: strong || beingBefore(before),
          second: false,
        });
      };
      for (const m of execAll(INJURY, text)) {
        const owner = (m[1] ?? '').toLowerCase();
        cues.push({
          start: m.index,
          end: m.index + m[0].length,
          kind: 'condition',
          strong: owner === 'his' || owner === 'her' || owner === 'their',
          second: owner === 'your',
        });
      }
      for (const m of execAll(CARE_GIVEN, text)) {
        const verb = m[0].trimEnd();
        cues.push({
          start: m.index,
          end: m.index + verb.length,
          kind: 'patient',
          strong: true,
          second: false,
        });
      }
      for (const m of execAll(NUMBERED_PLACE, text)) {
        const what = m[1]!.toLowerCase();
        // "Room 4" is a meeting room unless it is a side room; beds, bays and cubicles hold patients.
        if (what === 'room') continue;
        place(m.index, m.index + m[0].length, what !== 'ward');
      }
      for (const m of execAll(NAMED_WARD, text)) place(m.index, m.index + m[0].length, false);
      for (const m of execAll(IN_UNIT, text)) place(m.index, m.index + m[0].length, false);
      for (const m of execAll(IN_ACUTE, text)) place(m.index, m.index + m[0].length, false);
      return cues.sort((a, b) => a.start - b.start);
    };

    const findMentions = (
      text: string,
      tokens: Token[],
      sents: Sentence[],
      maskRanges: { start: number; end: number }[],
    ): Mention[] => {
      const out: Mention[] = [];
      const inMask = (s: number, e: number) =>
        rangeAt(maskRanges, s) >= 0 || rangeAt(maskRanges, e - 1) >= 0;
      const isCap = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
      const isSurname = (t: Token | undefined) =>
        !!t &&
        /^\p{Lu}[\p{L}'’-]*\p{Ll}/u.test(t.text) &&
        !t.text.includes('-') &&
        !NOT_SURNAME.has(t.key) &&
        !PLACE_WORDS.has(t.key);
      const gapIs = (a: Token, b: Token, re: RegExp) => re.test(text.slice(a.end, b.start));

      // Thanks and praise, found once; a mention looks for one shortly before it.
      const praise = execAll(PRAISE_G, text).map((m) => m.index);
      const praiseBetween = (from: number, to: number): boolean => {
        let lo = 0;
        let hi = praise.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (praise[mid]! < from) lo = mid + 1;
          else hi = mid;
        }
        return lo < praise.length && praise[lo]! < to;
      };

      // Greeted names: "Hi Sam,", "Thanks Robert." at the start of a sentence.
      const greeted = new Set<number>();
      for (const s of sents) {
        const g = GREETING.exec(s.text);
        if (!g || !g.indices?.[1]) continue;
        const name = g[1]!;
        const key = name.toLowerCase();
        if (NOT_GREETED.has(key) || /['’]s$/.test(name)) continue;
        if (STAFF_TITLES.has(key) || PUBLIC_TITLES.has(key) || PATIENT_TITLES.has(key)) continue;
        greeted.add(s.start + g.indices[1][0]);
      }

      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (!isCap(t)) continue;
        const next = tokens[i + 1];
        const titleGap = /^\.?\s+$/;

        if (PUBLIC_TITLES.has(t.key) && next && isCap(next) && gapIs(t, next, titleGap)) {
          // Skip the public figure's or saint's names.
          let j = i + 1;
          while (
            j < tokens.length &&
            j <= i + 3 &&
            isCap(tokens[j]) &&
            gapIs(tokens[j - 1]!, tokens[j]!, /^\.?\s+$/)
          )
            j++;
          i = j - 1;
          continue;
        }
        if (
          STAFF_TITLES.has(t.key) &&
          next &&
          isCap(next) &&
          gapIs(t, next, titleGap) &&
          !PLACE_WORDS.has(next.key)
        ) {
          let j = i + 1;
          while (
            j < tokens.length &&
            j <= i + 3 &&
            isSurname(tokens[j]) &&
            gapIs(tokens[j - 1]!, tokens[j]!, /^\.?\s+$/)
          )
            j++;
          i = j - 1;
          continue;
        }

        const start = t.start;
        let endTok = i;
        let titled = false;
        if (PATIENT_TITLES.has(t.key)) {
          if (!next || !isSurname(next) || !gapIs(t, next, titleGap)) continue;
          titled = true;
          endTok = i + 1;
          if (isSurname(tokens[i + 2]) && gapIs(next, tokens[i + 2]!, /^\s+$/) && !next.possessive)
            endTok = i + 2;
        } else {
          const isGreeted = greeted.has(t.start);
          const known = given.has(t.key) || (ambiguous.has(t.key) && !t.possessive);
          if (!known && !isGreeted) continue;
          if (!isGreeted && !given.has(t.key)) {
            // An ambiguous name ("May", "Hope") needs a surname to count.
            if (!(isSurname(next) && gapIs(t, next!, /^\s+$/) && !t.possessive)) continue;
          }
          if (!t.possessive && isSurname(next) && gapIs(t, next!, /^\s+$/)) endTok = i + 1;
        }
        // A name followed by a place word is a place: "Mary Seacole Ward", "Florence Hospice".
        const after = tokens[endTok + 1];
        const last = tokens[endTok]!;
        if (
          !titled &&
          after &&
          (PLACE_WORDS.has(after.key) || SURNAME_PLACE_WORDS.has(after.key)) &&
          isCap(after) &&
          gapIs(last, after, /^\s+$/)
        ) {
          i = endTok + 1;
          continue;
        }
        if (!titled && PLACE_WORDS.has(last.key) && endTok > i) {
          i = endTok;
          continue;
        }
        const end = last.possessive ? last.end - 2 : last.end;
        i = endTok;
        if (inMask(start, end)) continue;

        // Staff-like: a role just before or after the name, or thanks and praise in the sentence.
        const sentence = sents[rangeAt(sents, start)];
        const sStart = sentence ? sentence.start : 0;
        const beforeText = text.slice(Math.max(sStart, start - 60), start);
        const afterText = text.slice(end, Math.min(text.length, end + 80));
        const patient = PATIENT_AFTER.test(afterText) || PATIENT_BEFORE.test(beforeText);
        const staffLike =
          !patient &&
          (roleBefore(beforeText) ||
            ROLE_AFTER.test(afterText) ||
            praiseBetween(Math.max(sStart, start - 200), start));
        out.push({ start, end, addressee: greeted.has(t.start), staffLike });
      }
      return out;
    };

    return (draft, report) => {
      const text = draft.text;
      if (!/\p{Lu}/u.test(text)) return;
      const tokens = tokenise(text);
      const cues = findCues(text, tokens);
      if (cues.length === 0) return;
      const sents = sentences(text);
      const maskRanges = [
        ...findPhrases(masked, text),
        ...execAll(NAMED_WARD, text).map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
        })),
      ].sort((a, b) => a.start - b.start);
      const mentions = findMentions(text, tokens, sents, maskRanges);
      if (mentions.length === 0) return;

      // Cues by sentence, filled in one sweep.
      const bySentence: Cue[][] = sents.map(() => []);
      for (const c of cues) {
        const si = rangeAt(sents, c.start);
        if (si >= 0) bySentence[si]!.push(c);
      }
      const cuesIn = (si: number): Cue[] => bySentence[si] ?? [];
      // Cues of sentence `si` within the window of a mention, found by binary search so that a
      // huge run-on sentence does not make this quadratic.
      const cuesNear = (m: Mention, si: number): Cue[] => {
        const list = cuesIn(si);
        let lo = 0;
        let hi = list.length;
        const from = m.start - options.window - 60;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]!.start < from) lo = mid + 1;
          else hi = mid;
        }
        const out: Cue[] = [];
        for (let k = lo; k < list.length && list[k]!.start <= m.end + options.window; k++) {
          const c = list[k]!;
          if (
            Math.abs(c.start - m.start) <= options.window ||
            Math.abs(c.end - m.end) <= options.window
          )
            out.push(c);
        }
        return out;
      };

      // Care that belongs to the greeted person (or their family), anywhere in the reply:
      // "your insulin", "your mum's scan", "you're booked into the fracture clinic".
      let addresseeCare: Cue[] | null = null;
      const ownCare = (): Cue[] => {
        if (addresseeCare) return addresseeCare;
        addresseeCare = [];
        for (let k = 0; k < sents.length; k++) {
          const s = sents[k]!;
          for (const c of cuesIn(k)) {
            // Not in a general "if you…", "anyone who…" statement.
            if (GENERIC_YOU.test(text.slice(Math.max(s.start, c.start - 150), c.start))) continue;
            const near = text.slice(Math.max(s.start, c.start - 45), Math.min(s.end, c.end + 45));
            if ((c.second && c.kind !== 'location') || (c.strong && SECOND_ONE.test(near)))
              addresseeCare.push(c);
          }
        }
        return addresseeCare;
      };

      for (let mi = 0; mi < mentions.length; mi++) {
        const m = mentions[mi]!;
        const si = rangeAt(sents, m.start);
        let hits: Cue[] = [];

        if (m.addressee) {
          hits = [...ownCare().slice(0, 3), ...cuesIn(si).filter((c) => c.kind === 'patient')];
        } else {
          let pool = cuesNear(m, si);
          // "We saw Mrs Patel today. She has sepsis." — a pronoun carries the name on.
          // Also "Lovely bloke. Broke his ankle in a match.": within the next two sentences, a
          // care detail tied to his/her/their, with nobody else named in between.
          for (let k = 1; k <= 2 && pool.length === 0 && si >= 0; k++) {
            const nextS = sents[si + k];
            if (!nextS) break;
            // Mentions are in text order, so the next one is the only one to check.
            const following = mentions[mi + 1];
            if (following && following.start < nextS.end) break;
            const leads = /^(?:he|she|they|his|her|their)\b/i.test(nextS.text);
            pool = cuesIn(si + k)
              .filter(
                (c) =>
                  c.strong &&
                  (leads ||
                    /\b(?:he|she|his|her|him|they|their|them)\b/i.test(
                      text.slice(Math.max(nextS.start, c.start - 25), c.end),
                    )),
              )
              .slice(0, 10);
          }
          if (m.staffLike) {
            // Staff are reported only when a cue plainly makes them the patient, close after the
            // name and with nobody else (a relative, "patients") in between.
            hits = pool.filter((c) => {
              if (c.kind === 'patient') return true;
              if (!(c.kind === 'state' || (c.strong && c.kind !== 'location'))) return false;
              if (c.start < m.end || c.start - m.end > 60) return false;
              const between = text.slice(m.end, c.start);
              return (
                !/\b(?:my|your|our|their)\s+\w+|\bpatients?\b/i.test(between) &&
                !/\b(?:for|to)\s+(?:my|your|his|her|their)\b/i.test(between)
              );
            });
          } else {
            hits = pool;
          }
        }
        if (hits.length === 0) continue;
        const name = text.slice(m.start, m.end);
        const shown = [...new Set(hits.slice(0, 3).map((c) => text.slice(c.start, c.end)))]
          .map((c) => `"${c}"`)
          .join(', ');
        report({
          start: m.start,
          end: m.end,
          message: `Unexpected "${name}" named together with care details (${shown}), expected no name next to health or care information`,
          expected: ['[name removed]'],
          note: 'Never confirm in public that someone is a patient or what their care is. Reply without the name and care details, and continue by private message.',
        });
      }
    };
  },
});
