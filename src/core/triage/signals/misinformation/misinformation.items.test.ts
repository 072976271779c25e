/**
 * misinformation on whole items written in other styles than the development set (text-speak, dialect,
 * sarcasm, long posts, near misses), through the engine with the comms-desk signals only, so the
 * table checks this label's signals together: supporting evidence adding up, suppressors and
 * supersession.
 */
import { describe, expect, it } from 'vitest';
import { deskTriage } from '../../../../../test/helpers/desk-triage.js';

const triage = deskTriage();

const labelled = [
  "They're putting something in the flu jab to make people sick so they can sell more drugs. Wake up!!",
  "The covid vaccine alters your DNA, it's in the small print",
  "Rumour is the birth centre is shutting for good in the summer and they're not telling anyone",
  "My cousin works in admin there and says they're letting go half the nurses next month",
  "Garlic and lemon water cures high blood pressure, no need for tablets. Doctors don't want you knowing this",
  'SHARE BEFORE THEY DELETE: hospital caught hiding hundreds of deaths in the car park morgue',
  "Don't take your kids for the MMR, it causes bowel disease and autism, research it",
  "Heard the hospital's making people pay £50 to be seen in A&E now if you're not registered locally",
  "The hospital is secretly selling our medical records to American companies. Look into it before it's too late",
  "So the new 'virtual wards' are just a way to send people home to die and save money. Everyone knows it",
  'BREAKING: A&E to close permanently from Monday, all patients to go to Swindon!! Share!!!',
  'The flu jab has mercury in it that damages your brain. Do your research before you let them inject your kids',
  "Apparently they're stopping all non urgent ops for a year. My mate who's a porter told me",
  'Covid was never real, the hospitals were empty, I walked through them myself',
  "Bicarbonate of soda cures cancer, the NHS just won't admit it because chemo makes them money",
  "Don't let them give your baby the vitamin K injection, it causes leukaemia. Look it up",
  'Word is the trust is being taken over by an American health company next year',
  'Apparently the new hospital has no ICU and all the beds are for private patients',
  "Fluoride in the water is why everyone's ill. The NHS knows and does nothing",
  'Heard the maternity unit is only taking private patients from April. Spread the word',
  "They don't want you to know but the new cancer drugs are just chemo in disguise, it's all about profit",
  'My mate says the hospital are turning away anyone over 80 from intensive care now. Shocking if true',
  "PSA: all GP appointments are now phone only, they've banned face to face",
  'Masks cause more infections than they stop, look at the data',
  'The covid jab is killing young people and the NHS is hiding the numbers',
  "Vitamin C drips cure cancer, the hospital just won't offer them because they're cheap",
  "Apparently the new A&E won't have any doctors at night, just nurses. Spread the word",
  'The trust is selling patient data to Google, I read it on a forum',
  'The HPV jab causes infertility in girls, do your research',
];

const notLabelled = [
  'how much has the trust paid to agency doctors since april? breakdown by specialty would be great',
  'Asking on behalf of our residents group: how much did the ICB spend on management consultants in each of the last 5 years?',
  "DM from Sky: our correspondent is outside the hospital now and we'd like a statement for the 5 o'clock bulletin",
  'Tried ringing the surgery 47 times this morning. 47. Unreal.',
  'Top marks for the vaccine clinic at the football ground, so well organised',
  'Hiya, how do I change my appointment? The number on the letter just goes to voicemail',
  'hi could u tell me how many beds the hospital has and how many are closed due to norovirus at the moment',
  "journo here at the Echo - any chance of a quote about the new scanner for Thursday's edition?",
  "Another day, another 'we're experiencing high demand' message 🙄",
  'The pharmacist at Boots was so helpful today explaining my new meds, thank you',
  'Saw a post saying the birth centre is closing, is that true? Due in June and worried',
  'Im doing research for my dissertation, could you tell me the number of nurses who left within their first year, by year, since 2020',
  "I'll be contacting the local paper and my MP about this if nobody gets back to me",
  'How is it acceptable that people are waiting 2 days on trolleys?!',
  'Can I get my covid and flu jab at the same time?',
  'Earn 3000 weekly from your phone, no experience, message me',
  "I'm a presenter on BBC Radio Bristol, would your vaccination lead come on my show next week?",
  "Ty so much to the nurse who took my bloods today, didn't feel a thing 😊",
  "Is there a published list of the trust's board members and their declared interests?",
  'The state of the car park is shocking, potholes everywhere',
];

describe('[INB-17] misinformation on fresh items', () => {
  it.each(labelled)('labels %j', (text) =>
    expect(triage.triage({ text }).labels).toContain('misinformation'),
  );
  it.each(notLabelled)('does not label %j', (text) =>
    expect(triage.triage({ text }).labels).not.toContain('misinformation'),
  );
});
