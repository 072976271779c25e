/**
 * media_enquiry on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  "Evening - Tom, news desk at the Bristol Post. We're hearing reports of a power cut at the hospital. Can you confirm? Going to print in an hour.",
  "Hi, I work for ITV West Country and we're putting together a report on ambulance waits for tonight's 6pm news. Could someone do a short interview this afternoon?",
  "I'm a freelance writing for the i about nurse burnout, would your chief nurse be willing to talk? No rush, publishing in a couple of weeks",
  "We're a student radio show doing a segment on sexual health services, can we get someone from the clinic on air next Tuesday?",
  "Hello, researcher from BBC Panorama here. We're investigating waiting lists and would like to put some questions to your press office.",
  "Any comment on the leaked report about the children's ward? We're running it on our front page tomorrow.",
  'Morning! Jo from the Gazette & Herald. Doing a feel-good piece on the volunteers at the hospital cafe, any chance of a chat with the team?',
  "DM from Sky: our correspondent is outside the hospital now and we'd like a statement for the 5 o'clock bulletin",
  'hiya im with the local paper, heard theres been an outbreak on one of the wards, is that right? need to know asap',
  'Podcast host here (The Health Hour). Looking for an NHS spokesperson on GP access for an episode recording next month.',
  "This is Priya, a researcher for BBC Radio 4's You and Yours. We're looking at hospital parking charges and wondered if someone could speak to us this week?",
  'Good afternoon, Health Service Journal here. We understand the chief nurse has resigned. Could you confirm and provide a comment before 5pm today?',
  "journo here at the Echo - any chance of a quote about the new scanner for Thursday's edition?",
  'Hey, we run a local news page with 40k followers and want to do a story on the A&E waits, can someone from the trust answer some questions?',
  "I'm working on a documentary about maternity care for Channel 5 and would like to film on the labour ward. Who should I speak to?",
  "BBC Wiltshire newsroom: we're live on air in 20 minutes and have reports of a fire at the hospital. Can anyone confirm?",
  "Hi from the Telegraph's health team. We're publishing tonight on locum spending and would like the trust's response.",
  "Hi - I'm a health reporter with the Manchester Evening News, we're covering the cyber attack and wondered if the trust had a statement? We'd like to publish this afternoon",
  "Researcher at ITV's Good Morning Britain here. We're doing an item on hospital food tomorrow morning and would love a spokesperson to come on.",
  "my name is Sam, I write for a local community magazine and we'd like to feature your volunteers in our spring issue. who can I talk to?",
  'Evening. LBC newsroom. Do you have a response to the claims made by the whistleblower on air tonight?',
  "Hi there, we're making a TV programme about emergency departments and would love to talk to your comms team about filming",
  "Can your press team call me back? I'm a reporter at the Yorkshire Post, it's about the maternity report, deadline 3pm today",
  "Afternoon, this is Helen from ITV News Central. We've had viewers contact us about the closure of ward 7. Is anyone available to talk on camera today?",
  "Journalist here, working on a Sunday Times investigation into agency spending. Can you send me the trust's response by Friday?",
  'hi, I run a local news page on facebook, can I get a quote from the hospital about the parking changes for a post tonight?',
  "I'm a presenter on BBC Radio Bristol, would your vaccination lead come on my show next week?",
  "Hi from the Nursing Times - we're doing a feature on preceptorship and would like to speak to your chief nurse",
  'Hi, Ellie here from the Salisbury Journal. Is anyone free for a quick chat about the new scanner? Not urgent.',
  "BBC South researcher here: we're putting together a report on delayed discharges for tonight's programme, can we have a statement by 5?",
  'Writing an article for Pulse on GP workload in the area, would the ICB give me a comment? Deadline end of next week.',
  "Sky News desk: we're hearing reports of a lockdown at the hospital, can you confirm? We're on air now",
];

const notLabelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'Asking on behalf of our residents group: how much did the ICB spend on management consultants in each of the last 5 years?',
  "Our kid's wheelchair was damaged by the patient transport crew on Tuesday and they wouldn't give us a name. Want it sorted.",
  'Just want to say a massive thanks to the team in Day Surgery, you were all fab and made a scary day so much easier x',
  'Do I need to book for the covid jab or can I just turn up?',
  "Don't take your kids for the MMR, it causes bowel disease and autism, research it",
  "Could you send me the trust's gifts and hospitality register for the last two years?",
  'The security guard at the main entrance was so aggressive towards my disabled brother on Sunday. Completely out of order.',
  "my mum was in ward 10 for a fortnight and the nurses were angels, especially the night staff. couldn't have asked for more x",
  'where do i take a sample for testing, the surgery or the hospital lab',
  'Earn from home with our proven system!!! 💰💰 Message me for details',
  'Do you record how many patients are discharged after 10pm? If so I would like those numbers for the last 6 months',
  'Formal complaint re: the treatment of my father on Ward 4B between 2 and 9 March. Please pass to PALS.',
  'Delighted to hear the minor injuries unit is staying open! Great news for the town',
  "Hi, I've moved house, how do I update my address with the hospital?",
  "I don't usually post but I need to say something. My dad had his bypass at the heart unit in February and the surgeons were incredible. But since he came home, district nursing has been a nightmare - three missed visits in two weeks and nobody calls to say they aren't coming. We've complained twice. Please can someone sort this out.",
  'Honestly the worst GP surgery in the county',
  'Which entrance is best for the fracture clinic? Coming by taxi',
  'what does the ICB spend on private ambulances? asking for a friend lol',
  'Really impressed with how quick the new appointment system is',
];

describe('[INB-15] media_enquiry on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('media_enquiry'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('media_enquiry'),
  );
  it.each([
    "Evening - Tom, news desk at the Bristol Post. We're hearing reports of a power cut at the hospital. Can you confirm? Going to print in an hour.",
    "Hi, I work for ITV West Country and we're putting together a report on ambulance waits for tonight's 6pm news. Could someone do a short interview this afternoon?",
    "Any comment on the leaked report about the children's ward? We're running it on our front page tomorrow.",
    "DM from Sky: our correspondent is outside the hospital now and we'd like a statement for the 5 o'clock bulletin",
    'hiya im with the local paper, heard theres been an outbreak on one of the wards, is that right? need to know asap',
    'Good afternoon, Health Service Journal here. We understand the chief nurse has resigned. Could you confirm and provide a comment before 5pm today?',
    "BBC Wiltshire newsroom: we're live on air in 20 minutes and have reports of a fire at the hospital. Can anyone confirm?",
    "Hi from the Telegraph's health team. We're publishing tonight on locum spending and would like the trust's response.",
    "Hi - I'm a health reporter with the Manchester Evening News, we're covering the cyber attack and wondered if the trust had a statement? We'd like to publish this afternoon",
    'Evening. LBC newsroom. Do you have a response to the claims made by the whistleblower on air tonight?',
    "Can your press team call me back? I'm a reporter at the Yorkshire Post, it's about the maternity report, deadline 3pm today",
    "Afternoon, this is Helen from ITV News Central. We've had viewers contact us about the closure of ward 7. Is anyone available to talk on camera today?",
    'hi, I run a local news page on facebook, can I get a quote from the hospital about the parking changes for a post tonight?',
    "BBC South researcher here: we're putting together a report on delayed discharges for tonight's programme, can we have a statement by 5?",
    "Sky News desk: we're hearing reports of a lockdown at the hospital, can you confirm? We're on air now",
  ])('[INB-4] marks %j urgent (publishing or broadcasting today)', (text) =>
    expect(triage.triage({ text }).urgent).toBe(true),
  );
});
