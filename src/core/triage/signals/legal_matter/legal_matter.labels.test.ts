/** The legal_matter label in the engine: governance, never for legal-sounding insults. */
import { describe, expect, it } from 'vitest';
import { createTriage } from '../../engine.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

const triage = createTriage(testProfile('nhs-default'));

describe('[INB-14] legal_matter label', () => {
  it('litigation goes to governance', () => {
    const r = triage.triage({ text: "We'll see you in court. My lawyers have everything." });
    expect(r.labels).toContain('legal_matter');
    expect(r.routes).toContain('governance');
  });

  it.each([
    ['"criminal" as an insult', 'Charging £4.50 for 2 hours parking at a hospital is criminal'],
    ['negated', "I'm not going to sue, I just want someone to say sorry"],
    [
      'a request for figures',
      'Could you tell us how much the trust has paid out in clinical negligence settlements over five years?',
    ],
  ])('is not a legal matter: %s', (_name, text) => {
    expect(triage.triage({ text }).labels).not.toContain('legal_matter');
  });
});
