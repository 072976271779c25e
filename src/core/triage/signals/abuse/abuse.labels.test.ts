/** How the abuse signals combine in the engine: credible threats are urgent and go to the police. */
import { describe, expect, it } from 'vitest';
import { createTriage } from '../../engine.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

const triage = createTriage(testProfile('nhs-default'));

describe('[INB-13] abuse label', () => {
  it('a credible threat is abuse, urgent, and routed to the police', () => {
    const r = triage.triage({
      text: "I know where that consultant parks his car. Next time I see him I'll break his legs",
    });
    expect(r.labels).toContain('abuse');
    expect(r.urgent).toBe(true);
    expect(r.routes).toContain('police');
  });

  it('a wish of harm is abuse but not urgent', () => {
    const r = triage.triage({
      text: 'Useless bunch of c***s. Hope the whole place burns down with the managers inside',
    });
    expect(r.labels).toContain('abuse');
    expect(r.urgent).toBe(false);
  });

  it.each([
    ['mild frustration', 'The wait was bloody ridiculous, 7 hours'],
    ['swearing in praise', 'The nurses were f***ing brilliant with my dad'],
    [
      'reporting abuse of staff',
      'A man was screaming "you stupid cow" at the receptionist and nobody stopped him',
    ],
    ['place names', 'Scunthorpe, Penistone and Middlesex clinics are open on Saturday'],
  ])('is not abuse: %s', (_name, text) => {
    expect(triage.triage({ text }).labels).not.toContain('abuse');
  });
});
