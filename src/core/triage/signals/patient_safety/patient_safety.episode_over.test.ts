import { describe, expect, it } from 'vitest';
import signal from './patient_safety.episode_over.js';
import { prepare } from '../../prepare.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

// A negative-weight signal, so the signal tester's tables (positive evidence or none) do not fit:
// "over" items must get exactly one −1, "open" items nothing.
const weights = (text: string): number[] => {
  const out: number[] = [];
  signal.create(signal.options.parse({}), testProfile('nhs-default'))(prepare({ text }), (r) =>
    out.push(r.weight),
  );
  return out;
};

describe('[INB-6] patient_safety.episode_over argues against a risk now', () => {
  for (const text of [
    "Two weeks ago my mum was left on a commode for 45 minutes. She's home now. I'd like to know whether the staff involved have been spoken to.",
    'Back in March my nan was not given a drink for most of a day on your ward. She pulled through, thankfully, but I still want answers.',
    'My late father developed a pressure sore on your ward in 2023. Nobody has ever explained it.',
    'Mum was given the wrong tablets twice during her stay in the summer. She was okay in the end but we only found out from her discharge letter.',
    "She's home and safe now but the way my mother was left in a soiled bed overnight still upsets me.",
  ])
    it(`over: ${text.slice(0, 60)}…`, () => expect(weights(text)).toEqual([-1]));

  for (const text of [
    "My dad hasn't been given a drink since breakfast and nobody has checked on him. Ward 12.",
    'Last year she had a fall here and tonight she is on the floor again and nobody is coming',
    "He was discharged last night and he's still confused and not eating",
    'My late husband\u2019s tablets are in the drawer and I keep thinking about taking them all tonight',
    "She says she's fine now but she took a load of pills an hour ago",
  ])
    it(`open: ${text.slice(0, 60)}…`, () => expect(weights(text)).toEqual([]));
});
