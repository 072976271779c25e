/** How the patient_safety signals combine in the engine: weak evidence adds up, past and general talk does not. */
import { describe, expect, it } from 'vitest';
import { createTriage } from '../../engine.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

const triage = createTriage(testProfile('nhs-default'));
const labelsOf = (text: string) => triage.triage({ text }).labels;

describe('[INB-6] [INB-4] patient_safety label', () => {
  it.each([
    ['two weak signs together', 'My son is 3 months old, burning up and breathing really fast'],
    [
      'distress with no one acting',
      'my uncle on ward 4 is in pain and nobody comes when he presses the buzzer',
    ],
    [
      'a weak sign with a plea',
      'My partner was sent home from A&E confused. Please someone help, I need a nurse to visit',
    ],
    [
      'a warning sign dismissed',
      "my sister's baby is in special care, the midwife told her the baby's fine but she's grey and not feeding",
    ],
    [
      'self-harm disclosed calmly',
      "Been self harming for a few months and I want help but I'm scared to tell my GP",
    ],
  ])('gives patient_safety: %s', (_name, text) => {
    expect(labelsOf(text)).toContain('patient_safety');
  });

  it.each([
    [
      'past and resolved',
      'Last year they gave me the wrong tablets but it was all sorted the next day, the pharmacist was great',
    ],
    [
      'praise mentioning serious illness',
      'The nurses were lifesavers when I had sepsis in 2019, thank you forever',
    ],
    ['colloquial', 'Absolutely dying for a brew after 3 hours in this waiting room lol'],
    [
      'a wait, not a risk',
      "Waited 4 hours in A&E with my son's broken arm, staff were run off their feet but lovely",
    ],
    [
      'awareness',
      "If your child has a rash that doesn't fade under a glass, call 999. Please share #meningitisawareness",
    ],
    [
      'a medical question without risk',
      'Is it normal to still be bleeding 3 weeks after having a baby? Tried ringing the midwife but no answer',
    ],
  ])('does not give patient_safety: %s', (_name, text) => {
    expect(labelsOf(text)).not.toContain('patient_safety');
  });

  it('makes the item urgent, routes it to quality and PALS, and to on-call out of hours', () => {
    const r = triage.triage(
      { text: 'Nobody has turned my grandma since last night and her heel is going purple' },
      { outOfHours: true },
    );
    expect(r.urgent).toBe(true);
    expect(r.routes).toEqual(expect.arrayContaining(['oncall', 'quality', 'pals']));
  });

  it('adds safeguarding for a child or an adult at risk', () => {
    expect(
      triage.triage({ text: 'My mum has dementia and a nurse slapped her hand on the ward' })
        .routes,
    ).toContain('safeguarding');
    expect(triage.triage({ text: "I'm 15 and I've started cutting again" }).routes).toContain(
      'safeguarding',
    );
  });
});
