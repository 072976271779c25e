/**
 * negative_feedback on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  'My daughter is a journalist and she says this trust is the worst in the country',
  'Tried ringing the surgery 47 times this morning. 47. Unreal.',
  'honestly the nhs is on its knees and this trust is the worst of the lot',
  'Parking here is a total rip off, £3 for 20 mins??',
  "great another post about 'record investment' while my nan waits 14 months for a knee. wonderful",
  'Why is it impossible to get a GP appointment in this town',
  "Your new website is awful, can't find anything",
  'Same old story. Long waits, no beds, nobody cares',
  'Six hours in A&E last night. Six. I give up.',
  'what a joke this place is 😂😂',
  'Cheers for cancelling the clinic again lads, really helpful 🙃',
  'Thanks for nothing. 3 hours waiting and sent home with nothing',
  'well done, another cancelled op. you lot are brilliant at that',
  'Loads of scam accounts messaging people pretending to be the NHS, careful everyone',
  'How many people are in front of me in the A&E queue right now?? been here 3 hours',
  'the state of the toilets in outpatients is grim. sort it out',
  "Another day, another 'we're experiencing high demand' message 🙄",
  'Not impressed with the new system at all',
  'The NHS used to be something to be proud of. Now look at it.',
  'Absolute circus at the walk in centre today. Nobody knew what they were doing',
  'honestly what do we pay our taxes for',
  "bring back the old website, this one's a nightmare to use",
  'Meh, the food could be a lot better',
  '8 weeks for a blood test. EIGHT WEEKS. Is this a third world country?',
  'You lot are getting worse every year',
  'Lovely. Another 4 hour wait. Just what I needed on my day off',
  'Great, so now I have to drive 40 miles for a scan. Brilliant planning.',
  "I'll be contacting the local paper and my MP about this if nobody gets back to me",
  'My cousin is a reporter and she says you lot are hiding something',
  "every time I ring it's 'all our staff are busy'. what is the point",
  'Shambles from start to finish',
  'NHS dentistry round here is non existent. Disgrace',
  'The new one way system in the car park is a nightmare',
  'Staff were nice enough but the wait was ridiculous',
  "Your comms are so patronising. We're not children",
  'How is it acceptable that people are waiting 2 days on trolleys?!',
  'Terrible communication as usual',
  "Nobody ever answers at the surgery, it's like they don't want patients",
  'Good luck getting an appointment before Christmas lol',
  'Honestly the worst GP surgery in the county',
  "Been in the waiting room since 8. It's now 1. Absolute joke",
  'Why is everything online now? Not everyone has a smartphone you know',
  "Can't believe how run down the hospital looks these days",
  'Your phone system is a nightmare, pressed 3 options and got cut off',
  "All these 'thank you NHS' posts and yet nobody can get seen",
  'Been trying to ring the surgery since 8am. Still engaged. Every. Single. Day.',
  'The state of the car park is shocking, potholes everywhere',
  'Nobody cares about mental health in this area, waiting lists are a disgrace',
  'Lovely new website. Shame none of the links work 🙄',
  "Wow another 'exciting announcement'. How about answering the phone instead",
];

const notLabelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'Freedom of information request - copies of any emails between the chief executive and the council about the hospital car park',
  "We're a student radio show doing a segment on sexual health services, can we get someone from the clinic on air next Tuesday?",
  "Dad's hearing aids went missing on ward 22 during his stay last month. Staff just shrugged. How do we claim for them?",
  'thanks in advance, what time does the pharmacy open on sunday?',
  "They're putting something in the flu jab to make people sick so they can sell more drugs. Wake up!!",
  'Amazing post! 🔥 Follow my page for daily motivation quotes 💯',
  'How much money has been spent on the new logo and signage? Genuinely want to know',
  'Paid for parking on the app but still got a fine, ref ZX9981, and nobody is answering the appeals line. I want it cancelled.',
  "Thanks for the reply, but it doesn't answer my question. When is the clinic reopening?",
  'BREAKING: A&E to close permanently from Monday, all patients to go to Swindon!! Share!!!',
  "Long post sorry. My dad was admitted on Tuesday with chest pains and honestly the A&E team were incredible, got him straight in. But on the ward it's been a different story. His hearing aids were lost on the first night, nobody has told us when he's having his angiogram and the food is awful. I want someone from PALS to ring me please.",
  'could you send me a copy of my letter from the fracture clinic, the dog ate it lol',
  "I'd like to raise a concern about how long my neighbour was left on the floor before an ambulance came",
  'Whats the best number to call to cancel an appointment',
  'Need a loan fast? Bad credit OK! Apply now at quickcash4u.online',
  'Could you let me know the number of nurses on long term sickness absence at the moment?',
  'Just wanted to say the receptionist at Park Lane was lovely on the phone today',
  'The covid jab is killing young people and the NHS is hiding the numbers',
  'Hi, Ellie here from the Salisbury Journal. Is anyone free for a quick chat about the new scanner? Not urgent.',
];

describe('[INB-6] negative_feedback on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('negative_feedback'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('negative_feedback'),
  );
});
