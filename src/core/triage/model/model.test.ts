import { describe, expect, it } from 'vitest';
import { createTriage } from '../engine.js';
import { prepare } from '../prepare.js';
import { testProfile } from '../../../../test/helpers/profiles.js';
import { features, normalWord, tokens } from './features.js';
import { model } from './generated.js';
import { modelScore } from './index.js';
import { LABELS } from '../labels.js';

describe('[INB-6] triage model features', () => {
  it('marks negation on the words after it, within the clause', () => {
    const names = features("dad hasn't been given a drink. he is fine").map((f) => f.name);
    expect(names).toContain('u:!given');
    expect(names).toContain('u:!drink');
    expect(names).toContain('u:fine');
    expect(names).not.toContain('u:!fine');
  });
  it('normalises text-speak, kin words and digits, and stems lightly', () => {
    expect(normalWord('mam')).toBe('mum');
    expect(normalWord('u')).toBe('you');
    expect(normalWord('cancelled')).toBe('cancell');
    expect(normalWord('nurses')).toBe('nurse');
    expect(normalWord('3am')).toBe('0am');
  });
  it('keeps every feature span inside the text, on the words it came from', () => {
    const lower = 'my nan on ward 6 hasnt had a drink all day!! please help';
    for (const f of features(lower)) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(lower.length);
    }
    expect(tokens(lower).map((t) => lower.slice(t.start, t.end))[1]).toBe('nan');
  });
  it('stays linear on long input', () => {
    const started = performance.now();
    features('my mum has not had a drink, '.repeat(5000));
    features('a'.repeat(100000));
    expect(performance.now() - started).toBeLessThan(15_000); // catches quadratic blow-ups, not speed (speed is `npm run bench`)
  });
});

describe('[INB-6] triage model scores', () => {
  it('is deterministic and explains a score by words of the item', () => {
    const text = "my nan is on ward 6 and nobody has given her a drink all day, she's confused";
    const a = modelScore(prepare({ text }), 'patient_safety');
    const b = modelScore(prepare({ text }), 'patient_safety');
    expect(a.score).toBe(b.score);
    expect(a.score).toBeGreaterThan(0.5);
    expect(a.top.length).toBeGreaterThan(0);
    for (const t of a.top) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
  });
});

describe('[INB-6] the scorer agrees with the training features', () => {
  // The scorer looks words up directly for speed; training reads `features()`. Both must see the
  // same features, or the shipped weights would be applied to something they were not trained on.
  const weights = new Map(
    model.rows.map((row) => {
      const [name, rest] = row.split('\t') as [string, string];
      return [name, new Map(rest.split(' ').map((kv) => kv.split('=') as [string, string]))];
    }),
  );
  it('scores every label as the sum of the known features of `features()`', () => {
    for (const text of [
      "my nan is on ward 6 and nobody has given her a drink all day, she's confused",
      "Not complaining, just asking: how much did the trust spend on agency nurses?? didn't get a reply",
      'dad hasnt been seen by a doctor since 3am. ward 4. pls help',
      'Loved the cafe. Staff were lovely, thank you!',
      '',
    ]) {
      const lower = text.toLowerCase();
      for (const label of LABELS) {
        let z = model.bias[label];
        for (const f of features(lower)) z += Number(weights.get(f.name)?.get(label) ?? 0);
        const expected = 1 / (1 + Math.exp(-z));
        expect(modelScore(prepare({ text }), label).score).toBeCloseTo(expected, 5);
      }
    }
  });
});

describe('[INB-8] complaint.unsafe_care: patient_safety + complaint convention', () => {
  const engine = createTriage(testProfile('nhs-default'));
  const labels = (text: string) => engine.triage({ text }).labels;
  it('a relative reporting a care failure now gets both labels, with evidence', () => {
    const r = engine.triage({
      text: 'Nobody has turned my grandma since last night and she cannot move herself. Her heel is going purple. Ward 15.',
    });
    expect(r.labels).toEqual(expect.arrayContaining(['patient_safety', 'complaint']));
    expect(r.evidence.some((e) => e.label === 'complaint')).toBe(true);
    expect(r.urgent).toBe(true);
  });
  it('staff and bystanders, self-harm and emergencies stay patient_safety alone', () => {
    for (const text of [
      "Student nurse here and I'm worried sick. One qualified nurse for 30 patients tonight and nobody is doing the obs.",
      "I'm 19 and I've taken a load of my mum's tablets about an hour ago, I don't know what to do",
    ]) {
      const got = labels(text);
      expect(got).toContain('patient_safety');
      expect(got).not.toContain('complaint');
    }
  });
  it('an episode that is over is a complaint, not urgent', () => {
    const r = engine.triage({
      text: "Two weeks ago my mum was left on a commode for 45 minutes. She's home now. I'd like to know whether the staff involved have been spoken to.",
    });
    expect(r.labels).toContain('complaint');
    expect(r.labels).not.toContain('patient_safety');
    expect(r.urgent).toBe(false);
  });
  it('no urgent alarm on praise with alarming idioms', () => {
    for (const text of [
      'The cheese scones in the cafe are to die for 😍',
      'A&E team absolutely killing it tonight, legends',
      "I'm literally dying of boredom in this waiting room lol",
    ])
      expect(engine.triage({ text }).urgent).toBe(false);
  });
});
