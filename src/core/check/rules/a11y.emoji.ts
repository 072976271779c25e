/**
 * a11y.emoji — too many emoji, or an emoji standing in for a word ("Get your 💉 today").
 * Screen readers read every emoji out by its full name ("syringe", "red heart"), so a string of
 * them is a long interruption and an emoji in place of a word turns the sentence into a puzzle
 * (PUB-4). One or two at the end of a sentence are fine.
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

/**
 * One emoji as people see it: a flag (two regional indicators), a keycap (1️⃣), or a pictograph
 * in emoji presentation with its skin tone, variation selector, zero-width-joined parts
 * (👩‍⚕️, 🏃‍♀️) and tag characters (the flags of England, Scotland and Wales). Text-style symbols
 * such as © or ™ without the emoji selector are not counted. Each part is one code point or a
 * bounded class, so matching is linear.
 */
const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?(?:\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic})\uFE0F?\p{Emoji_Modifier}?)*[\u{E0020}-\u{E007F}]*/gu;

/** Words after which a noun must follow: an emoji there replaces the noun ("your 💉", "at the 🏥"). */
const BEFORE_NOUN = new Set(
  'a an the your our my his her their its this that these those some any every each at to for with from into of in on get got getting grab book booked need needs no'.split(
    ' ',
  ),
);

/** Subjects after which a verb must follow: an emoji there replaces the verb ("I ❤️ our nurses"). */
const SUBJECTS = new Set(['i', 'we', 'they', 'you', 'he', 'she', 'everyone', 'everybody']);

/** Words that start a new clause, so an emoji before them is decoration, not a missing word. */
const CLAUSE_WORDS = new Set(
  'and but so or then because as if when while thanks thank see x xx xxx'.split(' '),
);

/** Motion words that follow an emoji used as a verb at the start of a sentence ("🏃‍♀️ to the clinic"). */
const MOTION_AFTER = new Set('to into towards down over across round around'.split(' '));

/** Pictographs commonly used as bullets or markers at the start of a line, not as words. */
const MARKERS =
  /^(?:👉|👇|👆|☝|➡|⬇|⬆|↗|↘|▶|🔗|📍|✅|✔|☑|❌|✖|⚠|❗|‼|ℹ|🔴|🟢|🟡|🔵|⭐|🌟|✨|💡|📢|📣|🗓|📅|📆)/u;

/** Plain words for emoji often used in place of them, to suggest. */
const WORDS: Record<string, string> = {
  '💉': 'vaccine',
  '🏥': 'hospital',
  '❤️': 'love',
  '❤': 'love',
  '💙': 'love',
  '💜': 'love',
  '💚': 'love',
  '😍': 'love',
  '📅': 'date',
  '📆': 'date',
  '🗓️': 'date',
  '📞': 'call',
  '☎️': 'call',
  '📧': 'email',
  '💊': 'medicine',
  '🩺': 'check-up',
  '🚑': 'ambulance',
  '👩‍⚕️': 'nurse',
  '👨‍⚕️': 'doctor',
  '🧑‍⚕️': 'health worker',
  '🏃': 'run',
  '🏃‍♀️': 'run',
  '🏃‍♂️': 'run',
  '🚶': 'walk',
  '🚶‍♀️': 'walk',
  '🚶‍♂️': 'walk',
  '🚗': 'drive',
  '🚌': 'bus',
  '☕': 'coffee',
  '🍰': 'cake',
  '🎂': 'birthday',
  '👶': 'baby',
  '🦷': 'teeth',
  '👁️': 'eyes',
  '🧠': 'brain',
  '🫀': 'heart',
  '🩸': 'blood',
  '😷': 'mask',
  '🤧': 'cold',
  '🤒': 'ill',
  '📺': 'TV',
  '📱': 'phone',
  '💻': 'online',
  '🏠': 'home',
  '☀️': 'sun',
  '❄️': 'cold',
};

export default defineRule({
  meta: {
    id: 'a11y.emoji',
    description: 'Too many emoji, or emoji used in place of words',
    defaultSeverity: 'warn',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-4'],
  },
  options: z
    .object({
      /** Most emoji a post may have. */
      max: z.number().int().min(0).default(3),
      /** Whether to report an emoji standing in for a word. */
      inPlaceOfWords: z.boolean().default(true),
    })
    .strict(),
  create(options) {
    const wordBefore = /(?:^|[^\p{L}\p{N}'’-])([\p{L}][\p{L}'’-]*)[ \t]*$/u;
    const wordBeforeThat = /([\p{L}][\p{L}'’-]*)[ \t]+[\p{L}][\p{L}'’-]*[ \t]*$/u;
    const wordAfter = /^[ \t]*([\p{L}][\p{L}'’-]*)/u;
    const sentenceStart = /(?:^|[.!?:\n]\s*|\n\s*)$/u;

    /** Whether the emoji at start…end stands in for a word (false: decoration). */
    const inPlaceOfWord = (text: string, start: number, end: number, emoji: string): boolean => {
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 40);
      const prev = wordBefore.exec(before)?.[1]?.toLowerCase();
      const next = wordAfter.exec(after)?.[1];
      if (prev !== undefined && BEFORE_NOUN.has(prev)) return true;
      if (
        prev !== undefined &&
        SUBJECTS.has(prev) &&
        next !== undefined &&
        /^\p{Ll}/u.test(next) &&
        !CLAUSE_WORDS.has(next)
      ) {
        // "Thank you ❤️ we…", "see you 👋 soon": "you" as an object, not a subject.
        if (prev === 'you') {
          const earlier = wordBeforeThat.exec(before)?.[1]?.toLowerCase();
          if (earlier !== undefined) return false;
        }
        return true;
      }
      if (
        prev === undefined &&
        sentenceStart.test(before) &&
        next !== undefined &&
        MOTION_AFTER.has(next) &&
        !MARKERS.test(emoji)
      )
        return true;
      return false;
    };

    return (draft, report) => {
      const text = draft.text;
      const found: { start: number; end: number; emoji: string }[] = [];
      for (const m of execAll(EMOJI, text))
        found.push({ start: m.index, end: m.index + m[0].length, emoji: m[0] });
      if (found.length === 0) return;

      const reported = new Set<number>();
      if (options.inPlaceOfWords) {
        found.forEach((e, i) => {
          if (!inPlaceOfWord(text, e.start, e.end, e.emoji)) return;
          reported.add(i);
          const word = WORDS[e.emoji] ?? WORDS[e.emoji.replace(/\uFE0F/g, '')];
          report({
            start: e.start,
            end: e.end,
            message: `Unexpected ${e.emoji} in place of a word, expected the word itself: screen readers read out the emoji's name instead`,
            ...(word ? { expected: [word] } : {}),
          });
        });
      }

      if (found.length > options.max) {
        // Point at the first emoji past the limit that is not already reported (the engine keeps
        // only one finding per span), else at any unreported one.
        let at = found.findIndex((_, i) => i >= options.max && !reported.has(i));
        if (at < 0) at = found.findIndex((_, i) => !reported.has(i));
        const e = found[at >= 0 ? at : found.length - 1]!;
        report({
          start: e.start,
          end: e.end,
          message: `Unexpected ${found.length} emoji, expected ${options.max} or fewer: screen readers read out the name of every one`,
          note: 'Keep one or two emoji, at the end of a sentence, and never repeat the same one in a row.',
        });
      }
    };
  },
});
