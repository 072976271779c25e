/**
 * `commsdesk demo` — what `npm start` runs until the desk server lands: checks a few drafts and
 * triages a few comments for the demo organisation (nhs-default), printed for a person to read.
 * All names, numbers and addresses below are invented example values.
 */
import { createChecker } from '../core/check/engine.js';
import { toDraft, type Draft } from '../core/check/draft.js';
import { profileOrExit } from './profile-option.js';
import { formatCheckText } from './text-report.js';

const DRAFTS: { id: string; draft: Partial<Draft> & { text: string } }[] = [
  {
    id: 'clean reply',
    draft: {
      text: 'Thank you for your kind words. We will pass them on to the team on the children’s ward.',
    },
  },
  {
    id: 'reply with personal data',
    draft: {
      text: 'Hi Jo, we have found the record for NHS number 943 476 5919 and will ring you on 07700 900123.',
    },
  },
  {
    id: 'medical advice',
    draft: {
      text: 'Sorry you feel rough. Take two paracetamol every four hours and you will not need to see anyone.',
    },
  },
  {
    id: 'post with an unconsented photo',
    draft: {
      text: 'Meet our new IMAGING team #radiologyweek',
      media: [{ type: 'image', identifiable_people: true, consent: false }],
    },
  },
  {
    id: 'staff draft for a personal account',
    draft: {
      text: 'Another unpaid late shift at the trust. Management just do not care.',
      audience: 'personal',
      handle: '@ExampleNHSNurseAmy',
    },
  },
];

export async function demoCommand(): Promise<void> {
  const profile = profileOrExit('nhs-default');
  if (!profile) return;
  const checker = createChecker(profile);
  const colour = process.stdout.isTTY === true;
  process.stdout.write(
    `Commsdesk demo — profile "${profile.id}" (${profile.organisation.name})\n\n`,
  );
  process.stdout.write(
    'Content check: every draft is checked against the policy before it can go out.\n\n',
  );
  for (const { id, draft } of DRAFTS) {
    const d = toDraft(draft);
    process.stdout.write(formatCheckText(id, d, checker.check(d), colour) + '\n');
  }
  try {
    const { demoTriage } = await import('./triage.command.js');
    demoTriage(profile, colour);
  } catch {
    // Triage lands with its own issue; the check demo stands alone.
  }
  process.stdout.write(
    'Try it yourself:\n  echo \'{"id":"1","text":"your draft"}\' | ./bin/commsdesk check --format text\n',
  );
}
