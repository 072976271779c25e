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
    {
      text: 'Big news coming soon! Our new website goes live on Monday.',
      name: 'a teaser with no deal or plan',
    },
    {
      text: 'Our Freedom to Speak Up guardians hold private meetings with any member of staff.',
      name: 'private meetings as a service',
    },
    'Book a private room for your team meeting through the intranet.',
    {
      text: 'We overheard lots of lovely comments about our new garden this week.',
      name: '"overheard" with no plan or deal',
    },
    { text: big, name: '1 MB text' },
    { text: '£'.repeat(10000) + '1'.repeat(100000), name: 'pound signs and digits' },
  ],
  invalid: [
    {
      text: 'Rumour has it we’re taking over the Hillside community hospital in the spring.',
      errors: [{ actual: 'Rumour has it' }],
    },
    {
      text: 'Mum’s the word, but we’re buying the old bus depot for our new clinic.',
      errors: [{ actual: 'Mum’s the word', message: /private/ }],
      name: 'a secrecy idiom',
    },
    {
      text: 'We’re in advanced talks to take over the Hill Road practice for £900k.',
      errors: [{ actual: 'advanced talks', message: /negotiation/ }],
      name: 'talks about a purchase with a figure',
    },
    {
      text: 'Overheard the finance director saying the day surgery unit is closing next spring.',
      audience: 'personal',
      errors: [{ actual: 'Overheard the finance director' }],
      name: 'what a senior person said, overheard',
    },
    {
      text: 'The board agreed last night to merge the two stroke units, but it won’t be announced until the spring.',
      errors: [{ actual: 'won’t be announced' }],
      name: 'a plan that will be announced later',
    },
    {
      text: 'We’ve put in an offer of £1.2m for the old library building, fingers crossed!',
      errors: [{ actual: '£1.2m', message: /figure/ }],
      name: 'an offer with a figure',
    },
    {
      text: 'In a private meeting today we heard the trust is selling the staff car park to a developer.',
      audience: 'personal',
      errors: [{ actual: 'private meeting' }],
      name: 'a plan heard in a private meeting',
    },
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
