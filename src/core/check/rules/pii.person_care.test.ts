import { describe, expect, it } from 'vitest';
import rule from './pii.person_care.js';
import { ruleTester } from '../../../../test/helpers/rule-tester.js';
import { createChecker } from '../engine.js';
import { toDraft } from '../draft.js';
import { testProfile } from '../../../../test/helpers/profiles.js';

ruleTester(rule, {
  valid: [
    'Ward 5 is now open after its refurbishment. Visiting is 2pm to 8pm.',
    {
      text: 'Thank you to Nurse Priya on Ward 5 for her kindness.',
      name: 'a titled nurse on a ward is staff',
    },
    {
      text: 'Thank you to Priya on Ward 5 for her kindness.',
      name: 'thanked by name on a ward: staff, no care detail',
    },
    {
      text: 'Happy retirement to Sister Mary O’Connor after 40 years on our children’s ward! Thank you for everything.',
      name: 'fc-0084',
    },
    {
      text: 'Congratulations to Amir Hussain, our Volunteer of the Year, for five years of helping patients find their way around the hospital.',
      name: 'fc-0046: a volunteer and patients in general',
    },
    {
      text: 'Lovely to see baby Mia back for a visit to the neonatal unit with her parents Kate and Tom Fraser.',
      name: 'fc-0086: a visit to a unit is not being cared for there',
    },
    {
      text: 'Great to welcome colleagues from Scunthorpe General Hospital to share learning on virtual wards today.',
      name: 'places',
    },
    {
      text: 'Hi Sam, thanks for your feedback about parking. We’ve passed it on.',
      name: 'a greeting alone',
    },
    {
      text: 'Thanks Lisa, our PALS team will call you back this afternoon.',
      name: 'a greeting and a team, no care',
    },
    {
      text: 'Hi Sam, if you have chest pain call 999.',
      name: 'general advice to "you" is not the greeted person’s care',
    },
    {
      text: 'Hi Sam, sorry to hear about your experience on Ward 5. Please contact PALS.',
      name: 'a ward alone, with "your experience": too weak',
    },
    {
      text: 'Hi Jo, your appointment has been moved to Tuesday.',
      name: 'an appointment is not a care detail',
    },
    { text: 'Meet Dr Patel, our new cardiology consultant.', name: 'a doctor' },
    {
      text: 'Congratulations to Sarah Jones on her new role as diabetes specialist nurse.',
      name: 'a role, not a diagnosis',
    },
    {
      text: 'Join Sarah from our diabetes team for a talk on managing diabetes.',
      name: 'staff from a team',
    },
    {
      text: 'Jane Smith, chair of the Stroke Association, spoke about stroke recovery.',
      name: 'a role after the name',
    },
    { text: 'Professor Chris Whitty said flu cases are rising.', name: 'a professor' },
    { text: 'Our Florence Ward has been refurbished.', name: 'a ward named after a person' },
    {
      text: 'Mary Seacole Ward is moving to the new wing.',
      name: 'a ward named after a person, sentence start',
    },
    { text: 'St Thomas’ Hospital has a new cancer centre.', name: 'a saint' },
    {
      text: 'Visit the Queen Elizabeth Hospital stroke unit.',
      name: 'a hospital named after a person',
    },
    { text: 'Prince William visited our cancer centre today.', name: 'a public figure' },
    {
      text: 'Thanks to Sarah for caring for my dad, who was admitted with sepsis.',
      name: 'the patient is the unnamed dad; Sarah is thanked',
    },
    {
      text: 'Nurse Katie on Ward 9 went above and beyond for my dad, who has dementia.',
      name: 'the patient is unnamed',
    },
    {
      text: 'Happy retirement to Linda, who has worked on our cancer ward for 35 years.',
      name: 'staff on a ward',
    },
    {
      text: 'Our volunteer Margaret has been helping patients with dementia for 20 years.',
      name: 'a volunteer and patients in general',
    },
    { text: 'Hope you’re feeling better after your operation.', name: 'no name' },
    {
      text: 'Will you be coming to our cancer awareness event?',
      name: '"Will" is not a name here',
    },
    {
      text: 'May is Mental Health Awareness Month: look after yourself.',
      name: '"May" is a month',
    },
    {
      text: 'Grant funding for cancer research has been awarded to the trust.',
      name: '"Grant" is funding',
    },
    { text: 'Mark your calendars for our dementia friendly open day.', name: '"Mark" is a verb' },
    {
      text: 'Mr Patel, consultant surgeon, has performed 500 hip replacements.',
      name: 'a surgeon called Mr',
    },
    {
      text: 'Sam from our physio team shares tips for recovering after a hip replacement.',
      name: 'staff giving general advice',
    },
    {
      text: 'The Jenner Unit has a new dementia-friendly garden.',
      profile: 'pii-person-care-places',
      name: 'a unit the profile lists',
    },
    {
      text: 'Sarah Ward nurses are on the stroke unit today.',
      profile: 'pii-person-care-places',
      name: 'a ward named like a person, listed in the profile',
    },
    {
      text: 'Our diabetes nurse Helen will be at the Civic Centre on Friday.',
      name: 'a role before the name',
    },
    {
      text: 'Get your flu jab: Sarah and the team are at the clinic today.',
      name: 'a vaccination campaign',
    },
    { text: 'This is Dave. He works on Ward 7.', name: 'a pronoun carries only strong care cues' },
    {
      text: 'Sarah, who works on Ward 7, ran the marathon for our charity.',
      name: '"who works on" a ward',
    },
    { text: 'Meet Priya, a staff nurse on our stroke unit.', name: 'a role after the name' },
    {
      text: 'Say hello to Tom and Lucy, our new healthcare assistants on Ward 4!',
      name: 'a role after two names',
    },
    {
      text: 'Hi Karen, visiting on the children’s ward is 2pm to 8pm.',
      name: 'a greeting and ward visiting times',
    },
    {
      text: 'Reply to @kev_w: Kevin, we can’t discuss your care here. Please DM us.',
      name: 'refusing to discuss care',
    },
    {
      text: 'Dr Green and Sister Brown on Ward 3 are celebrating 20 years with the trust.',
      name: 'titled staff',
    },
    {
      text: 'Chris and Jenny from the stroke unit are running the London Marathon.',
      name: 'staff from a unit',
    },
    {
      text: 'Well done Tom Baker, on the ward since 6am and still smiling.',
      name: 'praised staff on the ward',
    },
    {
      text: 'Sarah Jones collapsed with laughter at the staff quiz.',
      audience: 'personal',
      name: 'an idiom, not a collapse',
    },
    {
      text: 'Thanks to Priya for her chest pain awareness talk today.',
      name: 'a talk about a condition',
    },
    {
      text: 'Thank you Michael for looking after Ward 5 so well this weekend.',
      name: 'looking after a ward, not a person',
    },
    {
      text: 'Our staff treated Sarah to a cake on her last day.',
      name: '"treated someone to" is not care',
    },
    {
      text: 'Meet Tom, our new porter. He loves football and is a keen cyclist.',
      name: 'staff introduced with hobbies',
    },
    {
      text: 'Sprained my ankle at parkrun this morning. Gutted!',
      audience: 'personal',
      name: 'the writer’s own injury, nobody named',
    },
    {
      text: 'Congratulations to Dr Patel, who has looked after patients here for 30 years.',
      name: 'a doctor who looks after patients',
    },
    {
      text: 'Please welcome Emma Jones to our team. She joins us from Leeds. Her hobbies include running.',
      name: 'a new starter: pronouns in later sentences with no care detail',
    },
  ],
  invalid: [
    {
      text: 'Hi Sam, we’ve passed this to the ward. Can you confirm Mr Jim Roberts on Ward 5 is still waiting for his hip X-ray results?',
      errors: [{ actual: 'Mr Jim Roberts', suggestion: '[name removed]', message: /care details/ }],
      name: 'fc-0004',
    },
    {
      text: 'We’ve checked with the ward and Mr Derek Hall is now on the cardiac unit receiving treatment for his heart failure.',
      errors: [{ actual: 'Mr Derek Hall' }],
    },
    {
      text: 'Get well soon to our former chair Alan Baxter, who is recovering on our oncology ward after his chemotherapy.',
      errors: [{ actual: 'Alan Baxter' }],
      name: 'a former officer who is plainly the patient',
    },
    {
      text: 'Sarah in bed 4 has sepsis.',
      errors: [{ actual: 'Sarah' }],
      name: 'a first name alone',
    },
    {
      text: 'We hope Mrs Patel recovers well from her chemotherapy.',
      errors: [{ actual: 'Mrs Patel' }],
    },
    {
      text: 'Hi Sam, your mum’s scan on Ward 3 is booked for Friday.',
      errors: [{ actual: 'Sam' }],
      name: 'the greeted person’s family’s care',
    },
    {
      text: 'Hi Margaret, your GP surgery will ring you about your insulin.',
      errors: [{ actual: 'Margaret' }],
    },
    {
      text: 'Thanks Robert. Hospital no. RH1029384 shows you’re booked into the fracture clinic on Monday at 10am.',
      errors: [{ actual: 'Robert' }],
    },
    {
      text: 'Hi Ellie’s mum, we’ve spoken to the team about Ellie Thompson and her operation is now booked.',
      errors: [{ actual: 'Ellie' }, { actual: 'Ellie Thompson' }],
    },
    { text: 'Get well soon Dave, hope the op went well!', errors: [{ actual: 'Dave' }] },
    {
      text: 'We saw Mrs Patel today. She has been admitted to Ward 7.',
      errors: [{ actual: 'Mrs Patel' }],
      name: 'a pronoun carries the name into the next sentence',
    },
    {
      text: 'John Smith was admitted to the cardiac unit last night.',
      errors: [{ actual: 'John Smith' }],
    },
    {
      text: 'Dr Patel performed Mrs Smith’s hip replacement yesterday.',
      errors: [{ actual: 'Mrs Smith' }],
      name: 'the patient, not the doctor',
    },
    {
      text: 'Mrs Green on Ward 8 is asking for her family to bring her glasses.',
      errors: [{ actual: 'Mrs Green' }],
      name: 'a ward alone with a patient title',
    },
    {
      text: 'Woman in the bed opposite my mum on Ward 3, Mrs Patricia Green, is calling out.',
      audience: 'personal',
      errors: [{ actual: 'Mrs Patricia Green' }],
    },
    { text: 'Peter was admitted to ICU on Monday with pneumonia.', errors: [{ actual: 'Peter' }] },
    { text: 'Mrs Ahmed in bay 3 needs her insulin at 6pm.', errors: [{ actual: 'Mrs Ahmed' }] },
    {
      text: 'Hi Tom, we hope your dad is recovering well after his operation.',
      errors: [{ actual: 'Tom' }],
    },
    {
      text: 'Dear Mr Clarke, we are sorry your wife’s discharge from Ward 12 was delayed.',
      errors: [{ actual: 'Mr Clarke' }],
    },
    {
      text: 'Amelia, aged 6, was treated in our children’s emergency department after a fall.',
      errors: [{ actual: 'Amelia' }],
    },
    {
      text: 'Meet Oliver, one of our cancer patients, who has just finished chemotherapy.',
      errors: [{ actual: 'Oliver' }],
      name: 'praise for someone named as a patient',
    },
    {
      text: 'Get well soon to Brian, one of our porters, who is in hospital after a heart attack.',
      errors: [{ actual: 'Brian' }],
      name: 'staff who are plainly patients',
    },
    {
      text: 'My brother Kevin Walsh is in the psychiatric unit under section.',
      audience: 'personal',
      errors: [{ actual: 'Kevin Walsh' }],
    },
    {
      text: 'Harry’s dad has heart failure and is on our cardiac ward.',
      errors: [{ actual: 'Harry' }],
      name: 'a relative identified through a named child',
    },
    {
      text: 'Ngozi Okafor’s surgery went well.',
      errors: [{ actual: 'Ngozi Okafor' }],
      name: 'possessive with a surgery',
    },
    {
      text: 'Dear Sarah, we’re sorry that your father’s discharge was delayed.',
      errors: [{ actual: 'Sarah' }],
    },
    {
      text: 'Our thoughts are with the family of John Smith, who died in our care on Ward 10.',
      errors: [{ actual: 'John Smith' }],
    },
    {
      text: '@janedoe we’re sorry your mum Doris had to wait so long in A&E.',
      errors: [{ actual: 'Doris' }],
    },
    {
      text: 'Hi Karen, I’ve checked and your son is now on the children’s ward.',
      errors: [{ actual: 'Karen' }],
    },
    {
      text: 'Our patient Maureen, 92, has been discharged home after a hip fracture.',
      errors: [{ actual: 'Maureen' }],
    },
    {
      text: 'Kate, you’ve been booked in for your scan on Thursday.',
      errors: [{ actual: 'Kate' }],
      name: 'a name addressed without "Hi"',
    },
    { text: 'Sophie had her baby on our labour ward last night!', errors: [{ actual: 'Sophie' }] },
    {
      text: 'Hi Ahmed, sorry to hear your daughter was kept waiting in A&E last night.',
      errors: [{ actual: 'Ahmed' }],
    },
    {
      text: 'Margaret Hughes was discharged from Ward 4 yesterday without her insulin.',
      errors: [{ actual: 'Margaret Hughes' }],
    },
    {
      text: 'Looked after Gemma Price from the local radio station today. Such a laugh. Fractured her wrist at the gym.',
      audience: 'personal',
      errors: [{ actual: 'Gemma Price' }],
      name: 'caring for a named person, injury two sentences later',
    },
    {
      text: 'Had Kevin Morris in my cubicle today. Dislocated his shoulder playing rugby.',
      audience: 'personal',
      errors: [{ actual: 'Kevin Morris' }],
      name: 'a named person in my cubicle',
    },
    {
      text: 'Met Lee Carter from the telly today when he came in with chest pain. What a gent!',
      audience: 'personal',
      errors: [{ actual: 'Lee Carter' }],
      name: 'a well-known person who came in with a symptom',
    },
    {
      text: 'Nursed Mrs Adeyemi through the night on the stroke unit.',
      audience: 'personal',
      errors: [{ actual: 'Mrs Adeyemi' }],
      name: 'nursed a titled person',
    },
    {
      text: 'Get well soon to Colin Barnes, who broke his left leg at the weekend.',
      errors: [{ actual: 'Colin Barnes' }],
      name: 'an injury tied to the named person',
    },
  ],
});

describe('[PUB-3] pii.person_care speed', () => {
  it('returns on a 1 MB input and pathological strings', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    const inputs = [
      'Hi Sam, your mum’s scan on Ward 3 is booked. Mr Jim Roberts on Ward 5 has sepsis. '.repeat(
        12_500,
      ),
      'Sarah has sepsis and Mr Jones on Ward 5 had his operation and '.repeat(16_000),
      'Sarah Jones '.repeat(80_000),
      'Mr '.repeat(50_000),
      'on the ward '.repeat(50_000),
      'A'.repeat(100_000),
      '#'.repeat(10_000),
      '. '.repeat(50_000),
    ];
    for (const text of inputs)
      expect(Array.isArray(checker.check(toDraft({ text })).findings)).toBe(true);
  });
});

describe('[PUB-3] pii.person_care on huge inputs with many matches', () => {
  it('returns', () => {
    const checker = createChecker(testProfile('nhs-default'), [rule]);
    for (const text of [
      'Mr Smith went home. He was fine. '.repeat(30_000),
      'Looked after Danny Marsh. Broke his ankle. '.repeat(20_000),
    ])
      for (const audience of ['corporate', 'personal'] as const)
        expect(Array.isArray(checker.check(toDraft({ text, audience })).findings)).toBe(true);
  });
});
