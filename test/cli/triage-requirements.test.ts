/**
 * The triage requirements end to end through `commsdesk triage`: label, route and checklist for
 * one clear item of each kind. (Per-signal tables live beside the signals.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonl, runCli } from './run-cli.js';

type Out = {
  id: string;
  labels: string[];
  urgent: boolean;
  routes: string[];
  actions: { id: string; clause: string }[];
  evidence: { label: string; rule: string }[];
};

const ITEMS = [
  {
    id: 'safety',
    text: 'My mum has been on Ward 4 since Tuesday. Nobody has helped her eat or drink and she has a sore on her heel that nobody has looked at. She is getting weaker.',
  },
  {
    id: 'complaint',
    text: 'I want to make a formal complaint about how my son was spoken to at his outpatient appointment on 3 March by the receptionist.',
  },
  {
    id: 'medical',
    text: 'Is it ok to take ibuprofen with my blood pressure tablets? I have a bad back.',
  },
  {
    id: 'legal',
    text: 'My solicitor will be sending a letter of claim about the surgery my husband had last year.',
  },
  {
    id: 'media',
    text: 'Hi, I am writing a piece for the Evening Post on ambulance delays. Could your press team give us a statement?',
  },
  {
    id: 'threat',
    text: 'I know which nurse it was and I will be waiting for her in the car park after her shift.',
  },
  {
    id: 'personal',
    text: 'Can someone call my dad back? His NHS number is 943 476 5919 and his mobile is 07700 900123.',
  },
  {
    id: 'goodnews',
    text: 'Two years ago your cardiac team saved my life. Today I ran my first marathon. Thank you all, I will never forget what you did.',
  },
  {
    id: 'misinfo',
    text: 'The flu jab contains a microchip so they can track you. Share before they delete this!',
  },
];

describe('triage requirements through the CLI', () => {
  let out: Record<string, Out>;
  beforeAll(() => {
    const r = runCli(['triage', '--profile', 'bsw', '--now', '2026-11-24T10:00:00Z'], jsonl(ITEMS));
    out = Object.fromEntries((r.lines as Out[]).map((o) => [o.id, o]));
  });
  const actions = (id: string) => out[id]!.actions.map((a) => a.id);

  it('[INB-6] a serious patient-safety comment: urgent, Quality and PALS, and the Appendix B steps cited to BSW', () => {
    const o = out['safety']!;
    expect(o.labels).toContain('patient_safety');
    expect(o.urgent).toBe(true);
    expect(o.routes).toEqual(expect.arrayContaining(['quality', 'pals']));
    expect(actions('safety')).toEqual(
      expect.arrayContaining([
        'public_apology',
        'share_quality',
        'share_pals',
        'ask_contact_privately',
      ]),
    );
    expect(o.actions.find((a) => a.id === 'public_apology')!.clause).toMatch(/^BSW/);
    expect(o.evidence.some((e) => e.label === 'patient_safety')).toBe(true);
  });

  it('[INB-8] a complaint goes to PALS and is not handled on social media', () => {
    expect(out['complaint']!.labels).toContain('complaint');
    expect(out['complaint']!.routes).toContain('pals');
  });

  it('[INB-10] a medical question is answered only by signposting', () => {
    expect(out['medical']!.labels).toContain('medical_question');
    expect(actions('medical')).toContain('signpost_medical');
  });

  it('[INB-14] a legal matter goes to governance with no comment', () => {
    expect(out['legal']!.labels).toContain('legal_matter');
    expect(out['legal']!.routes).toContain('governance');
  });

  it('[INB-15] a media enquiry goes to the press office, not answered on social media', () => {
    expect(out['media']!.labels).toContain('media_enquiry');
    expect(out['media']!.routes).toContain('press');
  });

  it('[INB-13] a threat is urgent abuse routed to the police, and nobody engages', () => {
    const o = out['threat']!;
    expect(o.labels).toContain('abuse');
    expect(o.urgent).toBe(true);
    expect(o.routes).toContain('police');
    expect(actions('threat')).not.toContain('acknowledge_thank');
  });

  it('[INB-16] personal data posted publicly is hidden, passed on and erased', () => {
    expect(out['personal']!.labels).toContain('personal_data');
    expect(actions('personal')).toEqual(
      expect.arrayContaining(['hide_item', 'pass_on_personal_data', 'erase_personal_data']),
    );
  });

  it('[INB-17] a good-news story and a misrepresentation are flagged to the communications team', () => {
    expect(out['goodnews']!.labels).toContain('praise');
    expect(actions('goodnews')).toContain('flag_good_news');
    expect(out['misinfo']!.labels).toContain('misinformation');
    expect(actions('misinfo')).toContain('flag_misinformation');
  });
});
