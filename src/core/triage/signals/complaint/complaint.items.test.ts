/**
 * complaint on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  'Raising a concern about the treatment my nan got at the stroke unit on 12th Jan - left in soiled sheets for hours and nobody rang us when she fell',
  'i want 2 complain about the doctor i saw at the walk in on sat, he didnt even examine me just told me to take paracetamol and go home',
  "My son's appointment at the children's outpatients was cancelled by text the night before for the third time. Nobody can tell us why. Who do I complain to?",
  "The phlebotomist today at Chippenham was really rough with my elderly dad and made a comment about him being slow. Not acceptable. I'd like someone to look into this.",
  "Our kid's wheelchair was damaged by the patient transport crew on Tuesday and they wouldn't give us a name. Want it sorted.",
  "The consultant told my wife her scan was clear then we got a letter saying it wasn't. Nobody has explained anything. We're devastated and want answers.",
  "Dad's hearing aids went missing on ward 22 during his stay last month. Staff just shrugged. How do we claim for them?",
  'I was sent home from A&E on Friday with a sprained wrist and it turns out it was broken. Would like this investigated please',
  'Reception at Hillside practice hung up on me twice this morning when I tried to book for my daughter. Absolutely disgusting behaviour',
  "I'm not one to moan but the way the nurse spoke to my mum last night on ward 9 was disgraceful. She was crying when I arrived.",
  'Nice one NHS, losing my referral AGAIN 👏👏',
  'Went in for a routine op on the 3rd and came out with an infection nobody told me about. Had to find out from my GP. I want this looked into properly.',
  "My mam's been waiting for her referral letter to the memory clinic since October, she's rung four times and keeps being told it's been sent. It hasn't.",
  'The security guard at the main entrance was so aggressive towards my disabled brother on Sunday. Completely out of order.',
  'Paid for parking on the app but still got a fine, ref ZX9981, and nobody is answering the appeals line. I want it cancelled.',
  "I've had 4 different dates for my MRI and every single one has been cancelled the day before. I've taken unpaid leave every time. How do I make a formal complaint?",
  "The district nurses didn't turn up to dress my dad's leg ulcer yesterday or today. Nobody rang. We've been left to do it ourselves.",
  "My daughter was given the wrong dose of her antibiotics at the children's ward last week. Luckily I noticed. Who checks these things??",
  "I'm writing to complain about Dr Patel at the Lister surgery who refused to refer me despite months of symptoms",
  "Long post sorry. My dad was admitted on Tuesday with chest pains and honestly the A&E team were incredible, got him straight in. But on the ward it's been a different story. His hearing aids were lost on the first night, nobody has told us when he's having his angiogram and the food is awful. I want someone from PALS to ring me please.",
  'On the 9th my mum was discharged without any of her medication and the pharmacy said nobody sent the prescription. She went 3 days without her heart tablets.',
  'The paramedic who came to my husband last night was rude and refused to take him in, we had to drive him ourselves. I want to know why.',
  'i got charged twice for parking on friday at the main car park and the machine didnt give me a receipt, i want a refund',
  "The receptionist at Riverside told my daughter (16) she 'looked fine' and refused to book her in with the GP. Shocking attitude",
  "Our baby's 6 week check was cancelled without telling us and we only found out when we turned up. Whoever is in charge of bookings needs to sort this.",
  'Formal complaint re: the treatment of my father on Ward 4B between 2 and 9 March. Please pass to PALS.',
  "I'd like to raise a concern about how long my neighbour was left on the floor before an ambulance came",
  'Thanks for nothing, PALS. 6 weeks and no reply',
  'Perfect. My op is cancelled for the third time. Just perfect.',
  "I don't usually post but I need to say something. My dad had his bypass at the heart unit in February and the surgeons were incredible. But since he came home, district nursing has been a nightmare - three missed visits in two weeks and nobody calls to say they aren't coming. We've complained twice. Please can someone sort this out.",
  "Took my nan to her eye appointment on Monday and they said it had been cancelled, nobody told us. She's 91 and we waited in the cold for the bus for nothing.",
  "I was put in a mixed ward after my surgery last week despite asking not to be. Felt humiliated. I'd like someone from PALS to call me.",
  "The doctor at the UTC on Saturday told me I was wasting his time in front of everyone. I'd like to complain.",
  "Dad's been on ward 12 for 3 weeks and his glasses and phone charger have both disappeared. Staff say it's not their responsibility. Unacceptable.",
  "My son was sent home twice from A&E with 'a virus' and on the third visit they found appendicitis. I want answers.",
  "The nurse who took my bloods on Tuesday at Riverside left a massive bruise and was really short with me when I said it hurt. I'd like to complain.",
  "My wife's op was cancelled on the day after she'd been nil by mouth since midnight. Second time. Who is accountable for this?",
  'The pharmacy at the hospital gave my son the wrong strength inhaler last week and nobody has apologised',
];

const notLabelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'Can the trust confirm how many times the hospital declared OPEL 4 this winter?',
  "Any comment on the leaked report about the children's ward? We're running it on our front page tomorrow.",
  'what a joke this place is 😂😂',
  'wat time does the pharmacy shut sat',
  "My cousin works in admin there and says they're letting go half the nurses next month",
  'Is this link from you? Got a text saying I need to pay for a covid test',
  'How many people are in front of me in the A&E queue right now?? been here 3 hours',
  'honestly what do we pay our taxes for',
  "Thanks for the reply, but it doesn't answer my question. When is the clinic reopening?",
  'BREAKING: A&E to close permanently from Monday, all patients to go to Swindon!! Share!!!',
  'I have been following your posts for a while and I think you do a great job of explaining things. Quick question though, does the minor injuries unit treat burns or do I need A&E?',
  "Hi - I'm a health reporter with the Manchester Evening News, we're covering the cyber attack and wondered if the trust had a statement? We'd like to publish this afternoon",
  'Terrible communication as usual',
  'Whats the best number to call to cancel an appointment',
  'Need a loan fast? Bad credit OK! Apply now at quickcash4u.online',
  "Does the hospital keep records of how many patients are discharged without a care package? I'd like the numbers",
  'Fair play to the A&E staff last night, rammed but they were still smiling',
  'Congratulations! Your number was drawn in our NHS staff prize draw. Reply with your bank details to receive £1000',
  "BBC South researcher here: we're putting together a report on delayed discharges for tonight's programme, can we have a statement by 5?",
];

describe('[INB-8] complaint on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('complaint'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('complaint'),
  );
});
