/** The personal_data label in the engine. */
import { describe, expect, it } from 'vitest';
import { createTriage } from '../../engine.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

const triage = createTriage(testProfile('nhs-default'));
const labelsOf = (text: string) => triage.triage({ text }).labels;

describe('[INB-16] [INB-11] personal_data label', () => {
  it.each([
    ['an NHS number', 'my mums nhs no is 943 476 5919 can someone update her address'],
    [
      'a named relative with care details',
      'My dad Peter Wilson is on Ward 5 after his stroke and nobody will update us',
    ],
    ['a phone number', 'Please call me back on 07700 900 123 about my referral'],
    ['an address', "I'm at 22 Primrose Avenue, BS16 4RT, the district nurse never turned up"],
  ])('gives personal_data: %s', (_name, text) => {
    expect(labelsOf(text)).toContain('personal_data');
  });

  it.each([
    ['named staff praised', 'Thanks to Nurse Emma Clarke on Ward 5, she was brilliant with my dad'],
    ["the organisation's own number", 'Call PALS on 01632 960001 if you have concerns'],
    [
      'a reference failing the NHS check',
      'My complaint reference is 2847193650 and nobody has replied',
    ],
  ])('does not give personal_data: %s', (_name, text) => {
    expect(labelsOf(text)).not.toContain('personal_data');
  });
});
