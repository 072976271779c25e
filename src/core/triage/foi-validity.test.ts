import { describe, expect, it } from 'vitest';
import { foiValidity } from './foi-validity.js';

const own = { emailDomains: ['example.nhs.uk'], emailAddresses: ['foi@example.nhs.uk'] };

describe('[INB-7] FOI request validity', () => {
  it('[INB-7] accepts a request with a name, an email address and a description', () => {
    const v = foiValidity({
      text: 'My name is Lisa Carter, email lisa.c@example.com. How many nurses left the trust in 2023?',
    });
    expect(v).toMatchObject({
      hasName: true,
      hasCorrespondenceAddress: true,
      hasDescription: true,
      missing: [],
    });
    expect(v.note).toMatch(/^Valid FOI request/);
  });

  it('[INB-7] reads a sign-off as the name ("Thanks, Jane Smith")', () => {
    expect(
      foiValidity({ text: 'Please provide the board minutes from May. Thanks, Jane Smith' })
        .hasName,
    ).toBe(true);
    expect(
      foiValidity({
        text: 'Could you send the chaperone policy?\nKind regards\nJ. Smith\njs@example.org',
      }).hasName,
    ).toBe(true);
    expect(
      foiValidity({
        text: 'Could you send the chaperone policy? Reply to 14 Cedar Close, SN2 7QP.\nMrs A Khan',
      }).hasName,
    ).toBe(true);
    expect(
      foiValidity({ text: "I'm Dev O'Neill and I'd like the trust's gender pay gap figures" })
        .hasName,
    ).toBe(true);
  });

  it('[INB-7] does not take a first name alone, a handle or a team for a real name', () => {
    const first = foiValidity({
      text: "I'm Dave, how much did the trust spend on agency staff last year?",
    });
    expect(first.hasName).toBe(false);
    expect(first.note).toMatch(/only a first name/);
    expect(foiValidity({ text: 'How many beds are there? @dave_smith_88' }).hasName).toBe(false);
    expect(foiValidity({ text: 'Please publish the minutes. Thanks, NHS Team' }).hasName).toBe(
      false,
    );
  });

  it('[INB-7] counts an email or a postal address, not a social media handle, as an address for correspondence', () => {
    expect(
      foiValidity({ text: 'Send the figures to jane.smith@example.org please' })
        .hasCorrespondenceAddress,
    ).toBe(true);
    expect(
      foiValidity({ text: 'Post the policy to 221b Baker Street please' }).hasCorrespondenceAddress,
    ).toBe(true);
    expect(foiValidity({ text: 'Reply to me at SN2 7QP' }).hasCorrespondenceAddress).toBe(true);
    const handle = foiValidity({
      text: 'DM me the figures @janesmith, how many nurses left last year?',
    });
    expect(handle.hasCorrespondenceAddress).toBe(false);
    expect(handle.missing).toContain('address for correspondence');
    expect(handle.note).toMatch(/social media handle/);
  });

  it("[INB-7] does not take the organisation's own address for the requester's", () => {
    const v = foiValidity(
      {
        text: 'I will send my request to foi@example.nhs.uk. How many staff left last year? Thanks, Jane Smith',
      },
      own,
    );
    expect(v.hasCorrespondenceAddress).toBe(false);
  });

  it('[INB-7] needs a description of the information', () => {
    const v = foiValidity({ text: 'FOI request please. Jane Smith, jane@example.org' });
    expect(v.hasDescription).toBe(false);
    expect(v.missing).toEqual(['description of the information']);
    expect(
      foiValidity({ text: 'What percentage of beds were occupied this winter?' }).hasDescription,
    ).toBe(true);
    expect(foiValidity({ text: 'Please send me a copy of my own records' }).hasDescription).toBe(
      false,
    );
  });

  it('[INB-7] lists everything missing and says what to ask for', () => {
    const v = foiValidity({ text: 'FOI' });
    expect(v.missing).toEqual([
      'name',
      'address for correspondence',
      'description of the information',
    ]);
    expect(v.note).toMatch(
      /^Not yet a valid FOI request: missing name, address for correspondence and description of the information\./,
    );
    expect(v.note).toMatch(/email or postal address/);
  });

  it('[INB-7] stays fast on long input', () => {
    const started = performance.now();
    foiValidity({ text: 'Thanks, Jane Smith '.repeat(50000) });
    foiValidity({ text: 'a'.repeat(100000) });
    expect(performance.now() - started).toBeLessThan(15_000); // catches quadratic blow-ups, not speed (speed is `npm run bench`)
  });
});
