/**
 * brand.credit — official content credited to a person or a production company ("Video by Jane
 * Smith", "Produced by Bright Spark Media Ltd", "© 2025 Acme Films", "📸 @janesmithphoto").
 * Corporate content is the organisation's and is labelled as such, not as someone's work
 * (PUB-9). Commsdesk adds this rule id; labels.md does not list it.
 *
 * A credit line is found by its wording (a credit label, a "…ed by" production verb, a copyright
 * sign, a camera emoji), then the credited name is judged: a handle, a company name or a person's
 * name is reported; the organisation itself, its teams, its partners and other NHS and public
 * bodies are not. A personal story or picture shared with permission is attribution, not a
 * production credit, and is left alone.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

/** Credit wordings. Each captures where the credited name starts (end of the match). */
const TRIGGERS: { re: RegExp; strict: boolean }[] = [
  // "Photo credit: X", "Credit: X", "Video courtesy of X", "Photo by X", "Image © X".
  {
    re: /\b(?:(?:photos?|photograph(?:s|y)?|images?|pictures?|pics?|videos?|films?|footage|artwork|illustrations?|graphics?|design|animation|music|words|editing|camera)\s*(?:credits?\s*[:\-–—]?|by|courtesy of|©)|credits?\s*:|courtesy of)\s*/giu,
    strict: false,
  },
  // "Produced by X", "Filmed and edited by X".
  {
    re: /\b(?:produced|filmed|photographed|directed|edited|written|designed|animated|illustrated|created|shot|videoed)(?:\s+and\s+(?:produced|filmed|photographed|directed|edited|written|designed|animated|illustrated|created|shot))?\s+by\s+/giu,
    strict: false,
  },
  // "© 2025 X", "(c) X", "Copyright X".
  { re: /(?:©\uFE0F?|\([cC]\)|\bcopyright\b)\s*(?:\d{4}\s*)?/giu, strict: false },
  // "📸 @x", "🎥: X" — camera emoji as a credit label.
  // Without a colon or "by", a camera emoji is often a caption ("📸 Jane and Tom at the opening").
  { re: /(?:📸|📷|🎥|🎬|📹)\uFE0F?\s*(?:[:\-–—]|by|credit:?)\s*/gu, strict: false },
  { re: /(?:📸|📷|🎥|🎬|📹)\uFE0F?\s*/gu, strict: true },
  // "Photo: Jane Smith" — a label and colon: only a short name alone on its line is a credit.
  { re: /\b(?:photos?|images?|pictures?|videos?|film)\s*:\s*/giu, strict: true },
];

/** Words that make a credited name a company. */
const COMPANY =
  /\b(?:Ltd|Limited|LLP|PLC|plc|Inc|Media|Productions?|Studios?|Films?|Pictures|Photography|Creative|Agency|Videography|Motion|Content|Marketing|Visuals|Imaging)\b\.?/gu;
/** Words that make a credited name an institution or a place, not a person. */
const INSTITUTION =
  /\b(?:NHS|Trust|ICB|ICS|CCG|Council|Hospitals?|Health|Board|Ambulance|Service|Services|Crown|Government|University|College|School|Academy|Ward|Wards|Team|Unit|Department|Centre|Center|Clinic|Practice|Surgery|Foundation|Charity|Society|Association|Institute|Agency|Office|Ministry|Library|Museum|Archives?|Shutterstock|Getty|Unsplash|Pexels|Wikimedia|iStock)\b/iu;
/** Wording that shows a person's own story or picture shared with their agreement. */
const PERMISSION =
  /\b(?:with (?:(?:kind|their|his|her|the family's|family's) )?(?:permission|consent)|shared with (?:permission|consent)|in (?:his|her|their) own words|used with permission)\b/iu;

/** Capitalised words that start a caption, not a name. */
const NOT_A_NAME =
  '(?!(?:The|Our|My|This|That|These|Those|A|An|We|Here|There|It|All|New|Some|Staff|Patients?|Thanks?|Thank|Happy|Congratulations|Meet|Welcome|Today|Yesterday|Photo|Image|Video)\\b)';
/**
 * A person's name: two or three capitalised words ("Jane Smith"), or one after a title or a role
 * ("Dr Patel", "our comms officer Dave"). One capitalised word alone is too often an organisation
 * ("Mind", "Boots") to call it a person.
 */
const PERSON = new RegExp(
  '^(?:' +
    // our comms officer Dave / Dr Patel / Sister Mary Jones
    `(?:(?:[Oo]ur|[Mm]y|[Tt]he)\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){1,4}|(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Sister|Nurse|Matron)\\.?\\s+)${NOT_A_NAME}\\p{Lu}[\\p{Ll}'’]+(?:[\\s-]\\p{Lu}[\\p{Ll}'’]+){0,2}` +
    '|' +
    // Jane Smith
    `${NOT_A_NAME}\\p{Lu}[\\p{Ll}'’]+(?:[\\s-]\\p{Lu}[\\p{Ll}'’]+){1,2}` +
    ')(?![\\p{L}])',
  'u',
);
const HANDLE = /^@[\p{L}\p{N}_]{1,30}/u;

export default defineRule({
  meta: {
    id: 'brand.credit',
    description: 'Official content credited to an individual or production company',
    defaultSeverity: 'warn',
    audiences: ['corporate'],
    requirements: ['PUB-9'],
  },
  options: z
    .object({
      /** Names that may be credited (e.g. a partner's photo library), matched ignoring case. */
      allow: z.array(z.string()).default([]),
    })
    .strict(),
  create(options, profile) {
    const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    // The organisation and its partners, compared without spaces so "@ExampleNHS" matches "Example NHS".
    const own = [
      profile.organisation.name,
      ...(profile.organisation.shortName ? [profile.organisation.shortName] : []),
      ...profile.organisation.nameVariants,
      ...profile.partners.flatMap((p) => [p.name, ...p.aliases]),
      ...options.allow,
    ]
      .map(squash)
      .filter((s) => s.length >= 3);
    const isOwn = (name: string): boolean => {
      const s = squash(name);
      return own.some((o) => s.includes(o));
    };

    /** Why the credited text names a person or company, or null. */
    const credited = (entity: string, strict: boolean, restOfLine: string): string | null => {
      if (!entity || isOwn(entity)) return null;
      const handle = HANDLE.exec(entity);
      if (handle) return isOwn(handle[0]) ? null : handle[0];
      // Up to the last company word: "Bright Spark Media Ltd".
      let companyEnd = -1;
      for (const c of execAll(COMPANY, entity)) companyEnd = c.index + c[0].length;
      if (companyEnd > 0 && !INSTITUTION.test(entity.slice(0, companyEnd)))
        return entity.slice(0, companyEnd).trim();
      const person = PERSON.exec(entity);
      if (!person || INSTITUTION.test(person[0])) return null;
      // "Photo: Jane Smith" is a credit; "Photo: Sister Mary cutting the cake" is a caption.
      if (strict && restOfLine.trim().length > person[0].length + 2) return null;
      return person[0];
    };

    return (draft, report) => {
      const text = draft.text;
      const seen = new Set<number>();
      for (const { re, strict } of TRIGGERS) {
        for (const m of execAll(re, text)) {
          const from = m.index + m[0].length;
          if (seen.has(from)) continue;
          // The credited name runs to the end of the clause.
          const rest = text.slice(from, from + 120);
          const line = rest.split(/\n/)[0] ?? '';
          const entity = (
            line.split(/[.,;!?|()[\]]|\s(?:and|for|with|who|at|on|in|from)\s|\s[–—-]\s/u)[0] ?? ''
          ).trim();
          const name = credited(entity, strict, line.replace(/[.!?]\s*$/u, ''));
          if (!name) continue;
          if (PERMISSION.test(text.slice(Math.max(0, m.index - 150), from + 150))) continue;
          seen.add(from);
          report({
            start: m.index,
            end: from + name.length,
            message: `Unexpected credit to "${name}", expected official content to be labelled as the organisation's own`,
            expected: [
              `${m[0].trim()} ${profile.organisation.shortName ?? profile.organisation.name}`,
            ],
            note: 'Keep the credit and licence in the media library record instead of the post.',
          });
        }
      }
    };
  },
});
