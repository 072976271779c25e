import { describe, expect, it } from 'vitest';
import { sentences } from './sentences.js';

const texts = (t: string) => sentences(t).map((s) => s.text);

describe('sentences', () => {
  it('splits on full stops, question and exclamation marks followed by space, and on line breaks', () => {
    expect(texts('Hi there. Call 111! Is it open?\nNew line')).toEqual([
      'Hi there.',
      'Call 111!',
      'Is it open?',
      'New line',
    ]);
  });
  it('keeps abbreviations, decimals and web addresses inside their sentence', () => {
    expect(texts('Dr. Patel and Mrs. Jones e.g. the team. See www.nhs.uk for 2.5 hours.')).toEqual([
      'Dr. Patel and Mrs. Jones e.g. the team.',
      'See www.nhs.uk for 2.5 hours.',
    ]);
  });
  it('gives offsets into the original text', () => {
    const t = '  One.   Two?  ';
    for (const s of sentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
  });
  it('handles empty text, runs of punctuation and no punctuation', () => {
    expect(texts('')).toEqual([]);
    expect(texts('Really?!?! Yes...')).toEqual(['Really?!?!', 'Yes...']);
    expect(texts('no stop at all')).toEqual(['no stop at all']);
  });
});
