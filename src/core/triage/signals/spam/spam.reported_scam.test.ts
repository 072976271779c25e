/** spam.reported_scam only argues against spam (negative weight), so it is tested directly. */
import { describe, expect, it } from 'vitest';
import signal from './spam.reported_scam.js';
import type { SignalReport } from '../../signal.js';
import { prepare } from '../../prepare.js';
import { testProfile } from '../../../../../test/helpers/profiles.js';

const reports = (text: string): SignalReport[] => {
  const out: SignalReport[] = [];
  signal.create(signal.options.parse({}), testProfile('nhs-default'))(prepare({ text }), (r) =>
    out.push(r),
  );
  return out;
};

describe('[INB-1] spam.reported_scam', () => {
  it('argues against spam when a scam is reported or asked about', () => {
    for (const text of [
      'Got a text saying my NHS prescription payment failed and to click a link. Is this a scam?',
      'Loads of scam accounts messaging people pretending to be the NHS, careful everyone',
      'Please delete all the bitcoin comments on your posts, people fall for them',
      'Is this link really from you?',
    ]) {
      const r = reports(text);
      expect(r.length, text).toBeGreaterThan(0);
      expect(r.every((x) => x.weight < 0)).toBe(true);
    }
  });
  it('leaves scams themselves alone', () => {
    for (const text of ['Earn £500 a day, DM me', 'Free iPhone giveaway, link in bio'])
      expect(reports(text), text).toEqual([]);
  });
});
