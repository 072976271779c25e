/**
 * praise on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  'Saw on BBC news the hospital is full again, hope the staff are ok ❤️',
  'Just want to say a massive thanks to the team in Day Surgery, you were all fab and made a scary day so much easier x',
  'big up the paramedics who came out to my grandad last nite, proper professional and sound as anything',
  "The new children's ward looks incredible, well done everyone involved 👏",
  'Had my first chemo today and honestly the nurses on the oncology unit were so lovely, kept me laughing the whole time. Feeling positive 💜',
  "Credit where it's due - the out of hours GP rang back within 20 mins and sorted my son's antibiotics. Thank you",
  'My twins were born 10 weeks early in 2019 and spent 8 weeks in your NICU. Today they started school. We will never forget what your team did for us. Thank you from the bottom of our hearts 💙',
  'Top marks for the vaccine clinic at the football ground, so well organised',
  'Proud to be part of this amazing trust #NHSThanks',
  'What a brilliant initiative, love the therapy dogs visiting the wards 🐶',
  'Thanks for sharing this, really useful info',
  'Just seen the hospital on the news, hope everyone is ok',
  "my mum was in ward 10 for a fortnight and the nurses were angels, especially the night staff. couldn't have asked for more x",
  'Just a quick note to say the phlebotomy team at Warminster were fantastic with my needle-phobic son',
  'Cracking job by the A&E lot last night, seen in under an hour and the doc was dead thorough',
  "So grateful for the midwife who stayed past the end of her shift to see our little girl arrive. You're a star",
  'Respect to all the staff working over Christmas 🎄💙',
  "can't fault the care at the hospice, they were brilliant with dad right to the end",
  'Wonderful news about the new cancer centre!',
  'The pharmacist at Boots was so helpful today explaining my new meds, thank you',
  'Have to say, the new online booking is miles better than ringing at 8am',
  "Long post sorry. My dad was admitted on Tuesday with chest pains and honestly the A&E team were incredible, got him straight in. But on the ward it's been a different story. His hearing aids were lost on the first night, nobody has told us when he's having his angiogram and the food is awful. I want someone from PALS to ring me please.",
  'I have been following your posts for a while and I think you do a great job of explaining things. Quick question though, does the minor injuries unit treat burns or do I need A&E?',
  'Brilliant care from the cardiology team this week. Thank you Dr Ahmed and the nurses on CCU',
  "Thank you thank you thank you to the crash team who saved my husband on Tuesday. We'll never be able to repay you ❤️❤️",
  'The hospital radio volunteers are absolute stars, mum loved the request show',
  'First time using the NHS app for a repeat prescription and it was dead easy. Well done',
  'Shoutout to the lady on the switchboard who stayed on the line with me when I was panicking, you were so kind',
  'Delighted to hear the minor injuries unit is staying open! Great news for the town',
  'My nan turned 100 on the ward today and the staff threw her a little party with cake and balloons. Made her week 🎂',
  "I don't usually post but I need to say something. My dad had his bypass at the heart unit in February and the surgeons were incredible. But since he came home, district nursing has been a nightmare - three missed visits in two weeks and nobody calls to say they aren't coming. We've complained twice. Please can someone sort this out.",
  'Quick one - is the cafe at the RUH open late? Also massive thanks to the oncology nurses for looking after my wife so well',
  'Absolute credit to the maternity team at the RUH, you made our first birth a really positive experience',
  'Just wanted to say the receptionist at Park Lane was lovely on the phone today',
  'Fair play to the A&E staff last night, rammed but they were still smiling',
  "Ty so much to the nurse who took my bloods today, didn't feel a thing 😊",
  'The new parking app is actually really good, well done whoever sorted that',
  'Such a shame the walk in centre is closing, the staff there were always lovely',
  'Just wanted to say a huge thank you to the district nurses who visited my mum every day. Angels the lot of you',
  "Cracking service at the minor injuries unit, in and out in 40 mins with my lad's wrist strapped up",
  'Really impressed with how quick the new appointment system is',
  'Congratulations to the maternity team on the award, well deserved 👏',
  'Our nan was in the end of life suite last week. The staff were so kind to all of us. Thank you for making it peaceful.',
];

const notLabelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'Can the trust confirm how many times the hospital declared OPEL 4 this winter?',
  "Any comment on the leaked report about the children's ward? We're running it on our front page tomorrow.",
  'Reception at Hillside practice hung up on me twice this morning when I tried to book for my daughter. Absolutely disgusting behaviour',
  'Nice one NHS, losing my referral AGAIN 👏👏',
  "Rumour is the birth centre is shutting for good in the summer and they're not telling anyone",
  'Loads of scam accounts messaging people pretending to be the NHS, careful everyone',
  'can you tell me what time my appointment is tomorrow, lost the letter',
  "The district nurses didn't turn up to dress my dad's leg ulcer yesterday or today. Nobody rang. We've been left to do it ourselves.",
  'Great, so now I have to drive 40 miles for a scan. Brilliant planning.',
  'The flu jab has mercury in it that damages your brain. Do your research before you let them inject your kids',
  'Please release details of all payments over £25,000 made by the trust in quarter 3',
  "my name is Sam, I write for a local community magazine and we'd like to feature your volunteers in our spring issue. who can I talk to?",
  'Shambles from start to finish',
  'is the hospital shop open on a sunday',
  'I was able to clear my debts thanks to Mr James investment program, contact him on Instagram @jamesfx_trader',
  "Afternoon, this is Helen from ITV News Central. We've had viewers contact us about the closure of ward 7. Is anyone available to talk on camera today?",
  "All these 'thank you NHS' posts and yet nobody can get seen",
  'SEO services for your website, first page of google guaranteed, contact us',
  "The nurse who took my bloods on Tuesday at Riverside left a massive bruise and was really short with me when I said it hurt. I'd like to complain.",
];

describe('[INB-6] praise on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('praise'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('praise'),
  );
});
