/** The medical_question label in the engine, and its cross-over with patient_safety. */
import { describe, expect, it } from 'vitest';
import { createTriage } from '../../engine.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

const triage = createTriage(testProfile('nhs-default'));

describe('[INB-10] medical_question label', () => {
  it('a question about symptoms in acute danger is also patient safety', () => {
    const r = triage.triage({ text: 'My son has swallowed a button battery, what do I do??' });
    expect(r.labels).toEqual(expect.arrayContaining(['medical_question', 'patient_safety']));
  });

  it('a statement asking for advice is a medical question, not a safety risk', () => {
    const r = triage.triage({
      text: 'wondering if i can take ibuprofen with my blood pressure tablets',
    });
    expect(r.labels).toContain('medical_question');
    expect(r.labels).not.toContain('patient_safety');
  });

  it.each([
    ['where to get a jab', 'where can I get a flu jab in Swindon?'],
    ['booking', 'Can I book my covid booster online?'],
    ['praise', 'Thank you to the team who treated my chest infection, you were brilliant'],
  ])('is not a medical question: %s', (_name, text) => {
    expect(triage.triage({ text }).labels).not.toContain('medical_question');
  });
});
