/**
 * service_question on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  'can i get a copy of my discharge summary please, never got given one',
  "How do I get access to my late father's medical records?",
  'Could you send me my blood test results? Had them done on Monday',
  'how much does it cost to park for 3 hours at the RUH',
  'what are visiting hours on ward 5 please',
  'thanks in advance, what time does the pharmacy open on sunday?',
  'wat time does the pharmacy shut sat',
  'is the walk in centre open bank holiday monday',
  'Do I need to book for the covid jab or can I just turn up?',
  "Where's best to park for the maternity unit? Never been before",
  "How do I register with a GP if I've just moved here",
  'is there a bus from the station to the hospital',
  'Can my husband stay with me overnight on the labour ward?',
  'wondering if anyone knows whether the blood clinic at Trowbridge is still walk in',
  'Hiya, how do I change my appointment? The number on the letter just goes to voicemail',
  'Do you do flu jabs for 2 year olds at the surgery or is it the nasal one at nursery',
  'Who do I speak to about getting a copy of my scan?',
  "is there wifi on the wards? mum's going in next week",
  'Is it true the A&E is closing at night? My neighbour said so',
  'Is this link from you? Got a text saying I need to pay for a covid test',
  "I need my son's vaccination record for school, how do I get it?",
  'can you tell me what time my appointment is tomorrow, lost the letter',
  'How many people are in front of me in the A&E queue right now?? been here 3 hours',
  "Thanks for the reply, but it doesn't answer my question. When is the clinic reopening?",
  'thank you for your help, what number do I ring for the eye clinic?',
  'Any1 know if the x ray dept at the community hosp is open sundays',
  'How long does it take to get blood results back usually',
  'Do I need to bring my own towels when I come in for my op?',
  'where do i take a sample for testing, the surgery or the hospital lab',
  'Is there disabled parking near the eye clinic entrance?',
  "Can you get the covid booster if you're 60 or is it just over 75s now",
  "Struggling to log in to the NHS app, keeps saying my details don't match. Any ideas?",
  'is the 111 online service working, keeps crashing',
  'Hi, can I bring my 3 year old to my antenatal appointment?',
  "what's the number for patient transport? need to book for mum's dialysis",
  'Saw a post saying the birth centre is closing, is that true? Due in June and worried',
  'Got a text saying my NHS prescription payment failed and to click a link. Is this a scam?',
  'I have been following your posts for a while and I think you do a great job of explaining things. Quick question though, does the minor injuries unit treat burns or do I need A&E?',
  'can you tell me how many weeks until my hip op, been on the list since march',
  'could you send me a copy of my letter from the fracture clinic, the dog ate it lol',
  "Where can I find my son's red book information online?",
  'thank u, when do the results usually come back?',
  'Morning, does the phlebotomy at Paulton need an appointment or can you walk in?',
  'Can I get my covid and flu jab at the same time?',
  'Where do I park for the outpatients at the Great Western? Is it the multi storey?',
  'Whats the best number to call to cancel an appointment',
  'is the hospital shop open on a sunday',
  "How do I get a fit note if my GP won't give me one?",
  'are visitors allowed on the maternity ward after 8pm',
  "I need to change my mum's appointment at the eye clinic, she's in hospital that day. Who do I ring?",
  'Does anyone know if you can self refer to the talking therapies service?',
  "Hi, I've moved house, how do I update my address with the hospital?",
  'Is it true the walk in centre is shutting in the summer?',
  'Quick one - is the cafe at the RUH open late? Also massive thanks to the oncology nurses for looking after my wife so well',
  'Hiya is there a defibrillator at the village hall or do I need to contact the surgery about it?',
  "What are the visiting times on the children's ward?",
  'How do I get a copy of my vaccination record for travel?',
  'Are dogs allowed in the hospital grounds?',
  'Do you still do the Saturday morning blood clinic at Warminster?',
  'Which entrance is best for the fracture clinic? Coming by taxi',
  "I'm not complaining, just wondering whether the clinic is open on bank holiday Monday",
  "My son's appointment letter says Ward 4 but the website says Ward 6, which is right?",
  'Is the minor injuries unit open on Easter Sunday?',
  'how do i get my gp to send my records to my new surgery',
  'Where do I park for the breast clinic?',
  'Do I need to fast before a blood test?',
  "Can I bring my own food in for my dad on the ward, he's a fussy eater",
  'Can my partner come to the 20 week scan?',
  "I keep getting texts from 'NHS' asking for my bank details, is that you?",
];

const notLabelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'Freedom of information request - copies of any emails between the chief executive and the council about the hospital car park',
  'hiya im with the local paper, heard theres been an outbreak on one of the wards, is that right? need to know asap',
  "I'm not one to moan but the way the nurse spoke to my mum last night on ward 9 was disgraceful. She was crying when I arrived.",
  'Had my first chemo today and honestly the nurses on the oncology unit were so lovely, kept me laughing the whole time. Feeling positive 💜',
  "Garlic and lemon water cures high blood pressure, no need for tablets. Doctors don't want you knowing this",
  'hi could u tell me how many beds the hospital has and how many are closed due to norovirus at the moment',
  'Hey, we run a local news page with 40k followers and want to do a story on the A&E waits, can someone from the trust answer some questions?',
  "Another day, another 'we're experiencing high demand' message 🙄",
  "can't fault the care at the hospice, they were brilliant with dad right to the end",
  'Your parcel could not be delivered. Reschedule here: royalmail-redelivery.top',
  "please can you provide a list of all the companies the ICB has contracts with for patient transport and what they're paid",
  'i got charged twice for parking on friday at the main car park and the machine didnt give me a receipt, i want a refund',
  'Brilliant care from the cardiology team this week. Thank you Dr Ahmed and the nurses on CCU',
  'The NHS is paying GPs £500 for every patient they put on a do not resuscitate order. Disgusting',
  'Please could you publish the latest CQC action plan and progress report',
  "Dad's been on ward 12 for 3 weeks and his glasses and phone charger have both disappeared. Staff say it's not their responsibility. Unacceptable.",
  'My mate says the hospital are turning away anyone over 80 from intensive care now. Shocking if true',
  "Is the register of gifts and hospitality published anywhere? Can't find it",
  'Lovely new website. Shame none of the links work 🙄',
];

describe('[INB-1] service_question on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('service_question'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('service_question'),
  );
});
