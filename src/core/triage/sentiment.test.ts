import { describe, expect, it } from 'vitest';
import { prepare } from './prepare.js';
import { isSarcastic, sentimentOf, toneOf } from './sentiment.js';

const sentiment = (text: string) => sentimentOf(prepare({ text }));

describe('[INB-6] sentiment', () => {
  it.each([
    'Massive thank you to the midwives on the delivery suite last night 💙',
    'Staff in A&E absolutely killing it tonight. Legends the lot of you 👏',
    'The brownies in the cafe are to die for 😍',
    "can't fault the care at the hospice, they were brilliant",
    'big up the paramedics, proper professional and sound as anything',
    'Cheers for the update, really helpful',
    "I can't thank you enough",
    'Top service, in and out in 10 mins',
  ])('reads %j as positive', (text) => expect(sentiment(text)).toBe('positive'));

  it.each([
    '4 hours on hold to the surgery this morning. Pathetic.',
    'Your A&E is an absolute joke and the staff couldn’t care less',
    'Charging £4.50 for parking is daylight robbery',
    'great, another 6 hour wait, well done',
    "Oh brilliant, another 'your call is important to us' message. Love that for me 🙃",
    'Hospital food has gone right downhill. Cold chips and grey peas, lovely 🤢',
    'Thanks for nothing',
    'The staff were not helpful at all',
    'Good luck getting an appointment before Christmas lol',
    'The NHS used to be something to be proud of. Now look at it.',
    'Meh. Nothing special.',
    'The nurses were angels but the food and the noise at night were awful.',
  ])('reads %j as negative', (text) => expect(sentiment(text)).toBe('negative'));

  it.each([
    'What time does the pharmacy shut on Saturday?',
    'Hi, could you tell me how much the trust spent on agency nurses? Thanks',
    'Is it OK to take ibuprofen with my sertraline?',
    'Whats the best way to book a blood test?',
    'My late father was treated on ward 4',
    'The figures, broken down by month, please',
    'Please direct all correspondence to our solicitors',
    'Is this account run by real people or a bot? genuinely asking',
    'My dad is on the cardiac ward at the Great Western',
  ])('reads %j as neutral', (text) => expect(sentiment(text)).toBe('neutral'));

  it('marks sarcastic praise and keeps its offsets', () => {
    const text =
      'Great job everyone, really great, losing my mum’s hearing aids. Stellar work 👏👏';
    const p = prepare({ text });
    expect(isSarcastic(p, text.indexOf('Great'))).toBe(true);
    expect(isSarcastic(p, text.indexOf('Stellar'))).toBe(true);
    expect(
      toneOf(p)
        .hits.filter((h) => h.valence > 0)
        .every((h) => h.sarcastic),
    ).toBe(true);
  });

  it('does not mark mixed feedback as sarcasm', () => {
    const p = prepare({ text: 'The nurses were angels but the food was awful.' });
    expect(toneOf(p).sarcasm).toEqual([]);
  });

  it('flips a negated positive but not a phrase that carries its own negation', () => {
    expect(toneOf(prepare({ text: 'not helpful' })).score).toBeLessThan(0);
    expect(toneOf(prepare({ text: "can't fault them, thank you 💙" })).score).toBeGreaterThan(0);
  });

  it('is computed once per prepared item', () => {
    const p = prepare({ text: 'lovely staff' });
    expect(toneOf(p)).toBe(toneOf(p));
  });

  it('stays linear on long and pathological texts', () => {
    for (const text of [
      'great awful '.repeat(20000),
      'not great '.repeat(20000),
      'thanks for cancelling '.repeat(10000),
      '🙄'.repeat(50000),
      'a'.repeat(100000),
    ]) {
      const started = performance.now();
      sentimentOf(prepare({ text }));
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(15_000); // catches quadratic blow-ups, not speed (speed is `npm run bench`)
    }
  });
});
