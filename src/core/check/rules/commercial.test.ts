import rule from './commercial.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';

const big = 'We are pleased to announce our new community hub opens in May. '.repeat(17000);

ruleTester(rule, {
  valid: [
    'We’re pleased to announce that Acme Transport has been awarded the £14m patient transport contract following a competitive tender.',
    'Our hospital charity has raised £250,000 for the new children’s ward appeal!',
    'Our budget for 2024/25 is £1.2bn. Read the full plan at www.example.nhs.uk/budget',
    {
      text: 'We’re hiring! Band 5 nurses on a permanent contract, salary £28,407 to £34,581.',
      name: 'a job advert names a contract and a salary',
    },
    {
      text: 'In a bid to cut waiting times, we’ve opened two new evening clinics.',
      name: '"in a bid to"',
    },
    {
      text: 'If your breast feels tender to the touch, speak to your GP.',
      name: 'tender as a symptom',
    },
    {
      text: 'The partnership between us and the council has helped 500 families this winter.',
      name: '"between us" in a sentence',
    },
    'You can talk to our Freedom to Speak Up guardian in confidence.',
    'Your conversation with our PALS team is confidential.',
    'Thanks for your message. To protect your privacy, please don’t share personal details here.',
    {
      text: 'The date of the summer fair hasn’t been announced yet – watch this space!',
      name: 'an unannounced date with no deal or plan',
    },
    'We are in talks with local schools about our careers day.',
    {
      text: 'Our tender for the new pathology service is now open for bids on Find a Tender.',
      name: 'an open procurement notice is public',
    },
    'We’ve signed a new contract with our cleaning provider worth £2m a year. Find out more on our website.',
    'Our new health hub opens in the old Debenhams building next spring.',
    'Pay negotiations between the unions and the government continue.',
    { text: big, name: '1 MB text' },
    { text: '£'.repeat(10000) + '1'.repeat(100000), name: 'pound signs and digits' },
  ],
  invalid: [
    {
      text: 'Exciting news: we’re in final negotiations with MedLogix for the £14m patient transport contract and expect to sign next month, ahead of the other bidders.',
      errors: [{ actual: 'final negotiations', message: /negotiation or bid/ }],
    },
    {
      text: 'Between us, the board is planning to close the Trowbridge birthing unit next year, but that hasn’t been announced yet so keep it quiet!',
      errors: [
        { actual: 'Between us', message: /private/ },
        { actual: 'hasn’t been announced' },
        { actual: 'keep it quiet' },
      ],
    },
    {
      text: 'Our bid for the community services tender came in £2.3m under the incumbent’s, so we’re confident we’ll win when the panel decides next week.',
      errors: [{ actual: 'under the incumbent' }],
      name: 'a bid before award',
    },
    {
      text: 'Just had a chat with the chief exec - she says we’re buying the old Debenhams building for a new health hub but the deal isn’t done yet 🤫',
      audience: 'personal',
      errors: [
        { actual: 'chat with the chief exec' },
        { actual: 'deal isn’t done' },
        { actual: '🤫' },
      ],
    },
    {
      text: 'Off the record, we’re merging with the trust next door.',
      errors: [{ actual: 'Off the record' }],
    },
    {
      text: 'Our bid for the tender is £2.3m, well below what the council expected.',
      errors: [{ actual: '£2.3m', message: /figure/ }],
    },
    {
      text: 'Our offer to the council was £1.5m and we can go to £2m if we have to.',
      errors: [{ actual: '£1.5m' }],
    },
    {
      text: 'The restructure will mean 40 redundancies – not official yet.',
      errors: [{ actual: 'not official yet' }],
    },
    {
      text: 'Strictly confidential: the merger papers go to the board on Friday.',
      errors: [{ actual: 'Strictly confidential' }],
    },
    {
      text: 'Between us and the lamppost, the merger is happening.',
      errors: [{ actual: 'Between us and the lamppost' }],
    },
  ],
});
