/**
 * pii.dob — a date of birth: a date labelled as one ("DOB 03/04/1980", "date of birth:
 * 1980-04-03") or given as when someone was born ("born 3 March 1925", "born here on
 * 14/02/2024"). With a name or a photo it is enough to identify a person (PUB-3).
 */
import { z } from 'zod';
import { defineRule } from '../rule.js';
import { execAll } from '../../text/exec-all.js';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:[0-3]?[0-9])(?:st|nd|rd|th)?';
const YEAR = "(?:1[89][0-9]{2}|20[0-9]{2}|'[0-9]{2})";

/** A full or partial date, first match wins. Group 1 is a four-digit year when one is given. */
const DATE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    // 03/04/1980, 3.4.80, 03-04-1980
    '[0-3]?[0-9][/.\\-][01]?[0-9][/.\\-](?:([0-9]{4})|[0-9]{2})' +
    // 1980-04-03
    '|([12][0-9]{3})-[01][0-9]-[0-3][0-9]' +
    // (the) 3(rd) (of) March(,) (1925)
    `|(?:the\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+(${YEAR}))?` +
    // March 3(rd)(,) (1925)
    `|${MONTH}\\s+(?:the\\s+)?${DAY}(?:,?\\s+(${YEAR}))?` +
    ')(?![\\p{L}\\p{N}])',
  'iu',
);
/** A year alone, for "born in 1990" / "born 1925". */
const YEAR_ONLY = /^(?:in\s+)?((?:19|20)[0-9]{2})(?![\p{L}\p{N}'’])/u;

/** Labels for a date of birth. "born" is handled on its own (it takes words before the date). */
const LABEL =
  /(?<![\p{L}\p{N}\-‑])(?:(dob|d\.\s?o\.\s?b\.?|date\s+of\s+birth|birth\s?date|birthday)|(born))(?![\p{L}\p{N}\-‑])/giu;

// "new born", "first born", "still born", "Bath-born": not a birth date.
const NOT_BIRTH_BEFORE =
  /\b(?:new|first|second|last|still|well|high|free|native|home|locally)[\s\-‑]*$/i;

// Words that may come between "born" and its date: "born here on", "born at the RUH on the",
// "born safely in our maternity unit on". Anything else ("born and bred… joined us on") breaks
// the link. Words are separated by spaces, so the repetition cannot backtrack.
const BORN_GAP_WORD =
  /^(?:here|there|at|in|on|the|our|a|an|this|hospital|unit|ward|maternity|birth|birthing|centre|center|suite|early|prematurely|premature|just|safely|by|caesarean|section|c-section|via|home|local|st|st\.|\p{Lu}[\p{L}'’&.-]*)$/u;
const bornGapOk = (gap: string): boolean => {
  const words = gap
    .trim()
    .replace(/[,:(]$/, '')
    .trim();
  if (!words) return true;
  const list = words.split(/\s+/);
  return list.length <= 6 && list.every((w) => BORN_GAP_WORD.test(w));
};

/**
 * What may sit between a label and its date: punctuation and a few linking words ("date of birth
 * is", "DOB:", "date of birth, 21.06.1958,", "date of birth on file as", "DOB given as").
 * Each word must be followed by a separator, so the repetition cannot backtrack.
 */
const LABEL_GAP =
  /^[\s:=\-–—(,]*(?:(?:is|was|of|as|being|on|file|given|listed|recorded|shown|we|have|has|it['’]s|reads|says|still|confirmed|that|hold|held|had|got)[\s:=\-–—(,]+){0,5}$/i;

/** A date just before a label: "21/06/2012 (DOB)". */
const DATE_BEFORE = new RegExp(`(?:${DATE.source})[\\s,(:\\-–]{0,3}$`, 'iu');

// A year alone is a date of birth only with a birthday or age in the same sentence.
const AGE_CUE =
  /\b(?:birthday|turns?|turning|turned|aged?|years?\s+old|centenarian|[0-9]{1,3}(?:st|nd|rd|th)\b)/i;

export default defineRule({
  meta: {
    id: 'pii.dob',
    description: 'A date of birth (labelled, or given as when someone was born)',
    defaultSeverity: 'block',
    audiences: ['corporate', 'personal'],
    requirements: ['PUB-3'],
  },
  options: z
    .object({
      /**
       * Report a year alone after "born" ("born in 1925") when the sentence also gives an age or
       * birthday ("turns 100", "100th birthday"). Without an age cue a year alone is not reported.
       */
      yearWithAge: z.boolean().default(true),
      /**
       * Births before this year are historical figures (Florence Nightingale, born 1820), not
       * living people's personal data.
       */
      earliestYear: z.number().int().min(1800).max(2000).default(1900),
    })
    .strict(),
  create(options) {
    const tooOld = (y: string | undefined): boolean =>
      y !== undefined && Number(y) < options.earliestYear;

    return (draft, report) => {
      const text = draft.text;
      if (!/\b(?:dob|d\.|birth|born)/i.test(text)) return;
      let lastEnd = -1;
      const emit = (start: number, end: number) => {
        if (start < lastEnd) return;
        lastEnd = end;
        const actual = text.slice(start, end);
        report({
          start,
          end,
          message: `Unexpected date of birth "${actual}", expected it removed: a date of birth helps identify a person`,
          expected: ['[date of birth removed]'],
          note: 'Leave the date out, or give an age or a birthday without the date and year, and only with the person’s consent.',
        });
      };

      LABEL.lastIndex = 0;
      for (const m of execAll(LABEL, text)) {
        const labelStart = m.index;
        const labelEnd = m.index + m[0].length;
        // The rest of the sentence after the label, at most 80 characters. A dot inside a date
        // ("03.04.1980") is not a sentence end, so only a dot followed by a space ends it.
        let tail = text.slice(labelEnd, labelEnd + 80);
        const stop = tail.search(/[.!?](?:\s|$)|[\n;]/);
        if (stop >= 0) tail = tail.slice(0, stop + 1);
        const d = DATE.exec(tail);
        const gap = d ? tail.slice(0, d.index) : tail;

        if (m[1]) {
          // A label: the date follows directly ("DOB: 03/04/1980", "date of birth is 3 March").
          const isBirthday = /^birthday$/i.test(m[1]);
          const fullYear = d ? (d[1] ?? d[2] ?? d[3] ?? d[4]) : undefined;
          if (d && LABEL_GAP.test(gap) && (!isBirthday || fullYear || /^[0-9]/.test(d[0]))) {
            if (!tooOld(fullYear)) emit(labelStart, labelEnd + d.index + d[0].length);
            continue;
          }
          if (isBirthday) continue;
          // "DOB 1980"
          const y = /^\s*[:=\-–]?\s*((?:19|20)[0-9]{2})(?![\p{L}\p{N}])/u.exec(tail);
          if (y && !tooOld(y[1])) {
            emit(labelStart, labelEnd + y[0].length);
            continue;
          }
          // "21/06/2012 (DOB)": the date comes just before the label.
          const head = text.slice(Math.max(0, labelStart - 40), labelStart);
          const back = DATE_BEFORE.exec(head);
          if (back) {
            const start = labelStart - (head.length - back.index);
            // Keep a closing bracket with "(DOB)".
            const close =
              text.slice(start, labelStart).includes('(') && text[labelEnd] === ')' ? 1 : 0;
            emit(start, labelEnd + close);
          }
          continue;
        }

        // "born": not "new-born", "first born", "Bath-born", "born and bred".
        const before = text.slice(Math.max(0, labelStart - 12), labelStart);
        if (NOT_BIRTH_BEFORE.test(before) || /[-‑]\s*$/.test(before)) continue;
        // "Happy birthday to the NHS! Born on 5 July 1948": the NHS, not a person.
        if (
          /\b(?:the|our|your)\s+NHS\b(?![\s-]+(?:hospital|trust|maternity|unit|ward|birth))/i.test(
            text.slice(Math.max(0, labelStart - 100), labelStart),
          )
        )
          continue;
        if (d && bornGapOk(gap)) {
          const fullYear = d[1] ?? d[2] ?? d[3] ?? d[4];
          if (!tooOld(fullYear)) emit(labelStart, labelEnd + d.index + d[0].length);
          continue;
        }
        if (!options.yearWithAge) continue;
        const y = YEAR_ONLY.exec(tail.replace(/^\s+/, ''));
        if (!y || tooOld(y[1])) continue;
        // The sentence around "born" must give an age or a birthday, and not be about the NHS.
        const lead160 = text.slice(Math.max(0, labelStart - 160), labelStart);
        const sStart =
          labelStart -
          lead160.length +
          Math.max(lead160.lastIndexOf('.'), lead160.lastIndexOf('\n'), -1) +
          1;
        const rest = text.slice(labelEnd, labelEnd + 160);
        const sEndRaw = rest.search(/[.!?\n]/);
        const sEnd = sEndRaw < 0 ? labelEnd + rest.length : labelEnd + sEndRaw;
        const sentence = text.slice(sStart, sEnd);
        if (!AGE_CUE.test(sentence) || /\bNHS\b/.test(sentence)) continue;
        const lead = tail.length - tail.replace(/^\s+/, '').length;
        emit(labelStart, labelEnd + lead + y[0].length);
      }
    };
  },
});
