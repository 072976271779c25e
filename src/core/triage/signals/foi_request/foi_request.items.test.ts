/**
 * foi_request on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'I would be grateful if you could supply the minutes of the quality committee from March.',
  'Could you let me know how many ambulances were held outside the ED for more than an hour last week?',
  'Pls can u send me the trusts policy on staff using their own phones on wards',
  'What was the total cost of the new car park, including consultancy fees?',
  'Requesting under FOI: all invoices paid to Acme Consulting Ltd 2022-2024.',
  "Can I get a copy of the contract with the private MRI provider? Want to see how much we're paying",
  'how many nurses left the trust in 2023 and how many were recruited from overseas',
  'Does the ICB keep data on how many people are waiting over 52 weeks for a hip replacement? If so can you send it',
  "I'd like to see the business case for closing the Minor Injuries Unit at Malmesbury.",
  "Hi there, what's the chief exec's salary and did they get a bonus this year?",
  'Please disclose the number of serious incidents declared by the maternity unit per quarter over the last three years.',
  'Would you publish your parking income for last financial year? Would be good to know where the money goes',
  'Can you tell me what proportion of cancer patients started treatment within 62 days in 2024?',
  'Freedom of information request - copies of any emails between the chief executive and the council about the hospital car park',
  'Can the trust confirm how many times the hospital declared OPEL 4 this winter?',
  'Asking on behalf of our residents group: how much did the ICB spend on management consultants in each of the last 5 years?',
  'can you provide your whistleblowing policy and the number of concerns raised through freedom to speak up last year',
  'What is the current vacancy rate for midwives at each site?',
  'Where can I find the board papers for the meeting on 4 June? Not on the website',
  'Under FOIA I request the number of patients who died while waiting for an ambulance in 2023',
  'hi could u tell me how many beds the hospital has and how many are closed due to norovirus at the moment',
  'Would like to know the total spent on taxis for patients last year please',
  "Could you send me the trust's gifts and hospitality register for the last two years?",
  'what does the ICB pay per hour for agency GPs? and how many did you use in 2024',
  'Please can I have the equality impact assessment for the changes to the stroke pathway',
  "I'm a local councillor and I'd like the figures for delayed discharges at the RUH broken down by council area",
  'How many complaints did you get about the new booking system since it launched?',
  "Hello, is the trust's current contract with the cleaning company available to view? What's its value?",
  'Can you share data on ambulance response times in rural areas vs towns for the past 12 months',
  'Asking for the dates of all board meetings in 2025 and where the papers are published',
  'How much money has been spent on the new logo and signage? Genuinely want to know',
  'Our community group is putting together a report on local health services. Could you tell us how many GP appointments were offered per 1,000 patients in each practice last year? Thanks in advance',
  'Please release details of all payments over £25,000 made by the trust in quarter 3',
  'how many operations were cancelled on the day at the RUH in december? and why',
  "Could someone let me have the trust's fire safety policy and the date of its last fire risk assessment for the tower block?",
  'Im doing research for my dissertation, could you tell me the number of nurses who left within their first year, by year, since 2020',
  "I'd like to know what the trust's total energy bill was in 2022/23 compared to 2021/22",
  'Do you record how many patients are discharged after 10pm? If so I would like those numbers for the last 6 months',
  'What is the average length of stay on the elderly care wards?',
  "please can you provide a list of all the companies the ICB has contracts with for patient transport and what they're paid",
  'How many staff are currently suspended pending investigation?',
  'Is there a published breakdown of what the £4m for the new A&E was actually spent on?',
  "Good afternoon. I'm writing on behalf of Wiltshire Patient Voice. We'd like to request the minutes of the last three quality committees, and ask whether there is a public consultation planned on the birth centre changes.",
  'Hi, requesting info on how many maternity incidents were reported to HSIB in 2022',
  'Can you tell me the name of the company that runs your car parks and how much they make from it each year?',
  'Please could you publish the latest CQC action plan and progress report',
  'wot is the trust paying for the new IT system? total contract value pls',
  "I'm requesting all emails sent by the chief executive mentioning the word 'merger' in January",
  'Could you let me know the number of nurses on long term sickness absence at the moment?',
  "Does the hospital keep records of how many patients are discharged without a care package? I'd like the numbers",
  'What was spent on interpreters by the ICB in the last financial year?',
  "Is there a published list of the trust's board members and their declared interests?",
  'Could I please have the total number of hip replacements carried out at the RUH in each of the last 3 years?',
  'what does the ICB spend on private ambulances? asking for a friend lol',
  'Please send me your policy on staff wearing religious dress at work',
  "Is the register of gifts and hospitality published anywhere? Can't find it",
  'How many GP practices in Wiltshire are currently not accepting new patients?',
  "I'm a councillor and would like data on ambulance waits in my ward for last year",
];

const notLabelled = [
  'can i get a copy of my discharge summary please, never got given one',
  'Podcast host here (The Health Hour). Looking for an NHS spokesperson on GP access for an episode recording next month.',
  'Tried ringing the surgery 47 times this morning. 47. Unreal.',
  "Credit where it's due - the out of hours GP rang back within 20 mins and sorted my son's antibiotics. Thank you",
  "How do I register with a GP if I've just moved here",
  "Don't take your kids for the MMR, it causes bowel disease and autism, research it",
  'can you tell me what time my appointment is tomorrow, lost the letter',
  'Paid for parking on the app but still got a fine, ref ZX9981, and nobody is answering the appeals line. I want it cancelled.',
  'You lot are getting worse every year',
  'Any1 know if the x ray dept at the community hosp is open sundays',
  "Apparently they're stopping all non urgent ops for a year. My mate who's a porter told me",
  'I have been following your posts for a while and I think you do a great job of explaining things. Quick question though, does the minor injuries unit treat burns or do I need A&E?',
  "I had a smear at Lister practice in Jan, was told results in 4 weeks. It's now May. Nobody answers the phone. Not good enough.",
  "Nobody ever answers at the surgery, it's like they don't want patients",
  'Can I get my covid and flu jab at the same time?',
  'Heard the maternity unit is only taking private patients from April. Spread the word',
  'hi, I run a local news page on facebook, can I get a quote from the hospital about the parking changes for a post tonight?',
  'Absolute credit to the maternity team at the RUH, you made our first birth a really positive experience',
  'Masks cause more infections than they stop, look at the data',
  "The nurse who took my bloods on Tuesday at Riverside left a massive bruise and was really short with me when I said it hurt. I'd like to complain.",
];

describe('[INB-7] foi_request on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('foi_request'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('foi_request'),
  );
});
