/**
 * media_enquiry.journalist — the author introduces themselves as a journalist or an outlet:
 * "I'm a reporter at the Swindon Advertiser", "Producer at Sky News", "Sophie from the Health
 * Service Journal", "Radio Wiltshire here". Enough on its own: media enquiries go to the press
 * office and are never answered on social media (INB-15). A journalist mentioned by someone else
 * ("a reporter told me", "I'll go to the papers") is not an introduction.
 */
import { z } from 'zod';
import { defineSignal } from '../../signal.js';
import { matchesIn, sentenceIndexAt } from '../../text/desk-cues.js';
import { hitsOf } from '../../text/phrase-index.js';
import { hasOutlet, mayBeMedia, mediaCues, outletNear } from './cues.js';
import { execAll } from '../../../text/exec-all.js';

// Before a role: "I'm a", "I am the", "this is", "as a" with up to three modifiers ("senior health").
const SELF =
  /(?<![\p{L}])(?:i'm|i am|im|this is|it's|its|as|i work as|working as)\s+(?:[\p{L}-]+,\s+)?(?:a|an|the|one of the)?\s*(?:[\p{L}-]+\s+){0,3}$/u;
// A sentence opening: greeting words and a name or modifiers only ("Hi there, Sophie", "Senior").
const OPENING = /^(?:[\p{L}'-]+[\s,:;-]+){0,4}$/u;
const OPENING_WORDS =
  /^(?:(?:hi|hello|hey|hiya|morning|afternoon|evening|there|good|dear|all|team|senior|junior|freelance|student|local|health|political|chief|deputy|assistant|investigative|national|regional|broadcast|podcast|news|social|affairs|and|(?!(?:The|A|An|That|This|Your|Our|My|His|Her|Their|Some|One|Every|No)(?![\p{L}]))[\p{Lu}][\p{L}\d']*)[\s,:;-]*)*$/u;
// The outlet's voice: "our correspondent", "my editor".
const OUR_ROLE =
  /(?<![\p{L}])(?:our|my)\s+(?:[\p{L}-]+\s+)?(?:correspondent|reporter|journalist|editor|news\s+desk|newsdesk|producer|presenter|film\s+crew|camera\s+crew)(?![\p{L}])/gu;
// "I'm with", "we're from", "I write for" — then an outlet.
const WITH_OUTLET =
  /(?<![\p{L}])(?:(?:i'm|im|i\s+am|we're|we\s+are)\s+(?:with|from|at)|(?:i|we)\s+(?:write|work|report|freelance|produce)\s+(?:for|at|with)|writing\s+for)\s+(?:the\s+)?/gu;
// "We're a student radio show", "this is a podcast".
const WE_ARE_OUTLET =
  /(?<![\p{L}])(?:we're|we\s+are|this\s+is|i\s+run|we\s+run|i\s+host|we\s+host|i\s+edit|we\s+edit)\s+(?:a|an|the)\s+(?:[\p{L}\d-]+\s+){0,2}?(?:radio\s+(?:show|station|programme)|podcast|newspaper|news\s+(?:site|website|channel|page|account|blog)|magazine|tv\s+(?:show|channel|programme)|youtube\s+channel|newsletter)(?![\p{L}])/gu;
// After a role: where they work or what they are doing.
const AFTER_ROLE =
  /^\s*(?:,|-|–|—|:|at|for|from|with|on|here|writing|working|covering|reporting)(?![\p{L}])/u;

export default defineSignal({
  meta: {
    id: 'media_enquiry.journalist',
    label: 'media_enquiry',
    description: 'The author introduces themselves as a journalist, producer or outlet',
    requirements: ['INB-15'],
  },
  options: z.object({}).strict(),
  create() {
    const cues = mediaCues();
    return (p, report) => {
      // No role, outlet or medium named: nothing below can match.
      if (!mayBeMedia(p)) return;
      const roles = [
        ...hitsOf(p, cues.role).map((m) => ({ m, weak: false })),
        ...hitsOf(p, cues.weakRole).map((m) => ({ m, weak: true })),
      ];
      for (const { m, weak } of roles) {
        const at = m.start;
        const end = m.end;
        const before = p.lower.slice(Math.max(0, at - 60), at);
        const s = p.sentences[sentenceIndexAt(p, at)];
        const lead = s ? p.text.slice(s.start, at) : '';
        const selfIntro = SELF.test(before);
        const opensSentence =
          s !== undefined &&
          OPENING.test(lead) &&
          OPENING_WORDS.test(lead) &&
          AFTER_ROLE.test(p.lower.slice(end, end + 12));
        const outlet = outletNear(p, end, 40);
        // "Priya, a researcher for BBC Radio 4": an appositive role at an outlet. "The reporter from
        // the BBC was rude" is someone else.
        const appositive = /,\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}$/u.test(before);
        const atOutlet =
          appositive &&
          outlet !== undefined &&
          /^\s*(?:,|-|–|at|for|from|with|on)\s/u.test(p.lower.slice(end, end + 8)) &&
          outlet.start - end < 12;
        if (!selfIntro && !opensSentence && !atOutlet) continue;
        // Producers, editors and researchers exist outside the media too: they need an outlet or a story.
        if (weak && !outlet && !hasOutlet(p) && hitsOf(p, cues.story).length === 0) continue;
        report({
          start: at,
          end: outlet ? outlet.end : end,
          weight: 1,
          note: 'Introduces themselves as media',
        });
        return;
      }
      // "our correspondent is outside", "my editor wants": the outlet speaking of its own staff.
      for (const m of matchesIn(p, OUR_ROLE)) {
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: 1,
          note: 'Speaks for a media outlet',
        });
        return;
      }
      // "I'm with the local paper", "we're from the Echo", "I write for the Guardian".
      for (const m of matchesIn(p, WITH_OUTLET)) {
        // "I write for a local community magazine": the outlet may come after an article and a few words.
        const outlet = outletNear(p, m.index! + m[0].length, 30);
        if (outlet) {
          report({
            start: m.index!,
            end: outlet.end,
            weight: 1,
            note: 'Introduces themselves as media',
          });
          return;
        }
      }
      // "We're a student radio show", "this is a podcast about…".
      for (const m of matchesIn(p, WE_ARE_OUTLET)) {
        report({
          start: m.index!,
          end: m.index! + m[0].length,
          weight: 1,
          note: 'Introduces themselves as media',
        });
        return;
      }
      // A signed-off name and outlet: "Drop me a DM - Jodie, Radio Tyneview", "— Sam, the Echo".
      for (const m of execAll(/(?:^|[-–—~]|\n)\s*\p{Lu}\p{Ll}{1,20},\s+(?:the\s+)?/gu, p.text)) {
        const outlet = outletNear(p, m.index + m[0].length, 0);
        if (outlet) {
          report({
            start: m.index,
            end: outlet.end,
            weight: 1,
            note: 'Signs off with a name and an outlet',
          });
          return;
        }
      }
      // "Dan from Wiltshire Live", "Jess here from the Daily Mail", "Radio Wiltshire here".
      for (const m of execAll(/(?<![\p{L}])\p{Lu}\p{Ll}{1,20}(?:\s+here)?\s+from\s+/gu, p.text)) {
        const from = m.index + m[0].length;
        const outlet =
          outletNear(p, from, 0) ??
          (p.lower.startsWith('the ', from) ? outletNear(p, from + 4, 0) : undefined);
        if (outlet) {
          report({
            start: m.index,
            end: outlet.end,
            weight: 1,
            note: 'Introduces themselves as media',
          });
          return;
        }
      }
      for (const s of p.sentences) {
        const greeting =
          /^(?:(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|morning|afternoon|evening)[\s,!.:-]+)?/u.exec(
            p.lower.slice(s.start, s.end),
          )![0];
        const outlet = outletNear(p, s.start + greeting.length, 0);
        if (!outlet) continue;
        const rest = p.text.slice(outlet.end, Math.min(s.end, outlet.end + 40));
        if (/^(?:\s+\p{Lu}[\p{L}'-]+){0,2}\s+here(?![\p{L}])/u.test(rest)) {
          report({
            start: outlet.start,
            end: outlet.end + rest.indexOf('here') + 4,
            weight: 1,
            note: 'Introduces themselves as media',
          });
          return;
        }
      }
    };
  },
});
