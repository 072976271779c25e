import signal from './complaint.care_failure.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'I missed my appointment yesterday, can I rebook?', name: "the author's own doing" },
    {
      text: 'can you tell me what time my appointment is tomorrow, lost the letter',
      name: 'own paperwork lost, text-speak without a subject',
    },
    {
      text: 'We lost my mum in March and the nurses were wonderful',
      name: 'bereavement, not lost property',
    },
    {
      text: 'What is wrong with my son? He has had a temperature for 3 days',
      name: '"wrong with" is a symptom question',
    },
    {
      text: 'How many operations were cancelled on the day in December?',
      name: 'a question about figures',
    },
    {
      text: 'Thank you to Dr Okafor for finally taking my back pain seriously after 2 years of being fobbed off elsewhere',
      name: 'old failures as the background of thanks',
    },
    {
      text: "My child's NHS number is below. The red book's gone missing, can you check her jabs?",
      name: 'lost at home: no ward or staff named',
    },
    { text: 'If they cancel my op again I will be livid', name: 'hypothetical' },
  ],
  invalid: [
    {
      text: "my dad's been on ward 6 since Friday and hasnt had a wash once",
      name: 'absence worded failure',
    },
    {
      text: 'been waiting 9 months for my hip op at the orthopaedic clinic, still no sign of a date',
      name: 'long wait',
    },
    {
      text: 'My wife was discharged from Ward 12 at midnight with no transport and no one rang me',
      name: 'no + nobody',
    },
    {
      text: 'The consultant told my husband he had cancer in front of the whole bay on Tuesday',
      name: 'bad news in public',
    },
    {
      text: "her fall on ward 2 last week still hasn't been explained to us",
      name: 'fall in care',
    },
    { text: 'The physio department cancelled my knee appointment 3 times', spans: ['cancelled'] },
    {
      text: "Great job everyone, really great, losing my mum's hearing aids AND her dentures in one admission.",
      spans: ['losing'],
    },
    {
      text: 'Why has my prescription been changed without anyone telling me?',
      spans: ['been changed'],
    },
    {
      text: 'The phlebotomist today at Chippenham was really rough with my elderly dad',
      spans: ['rough with'],
    },
    { text: "Dad's hearing aids went missing on ward 22 during his stay", spans: ['went missing'] },
    {
      text: 'The security guard at the main entrance was so aggressive towards my disabled brother on Sunday.',
    },
    {
      text: "Brilliant!! Nothing says 'we care' like cancelling my op the morning of 😒",
      name: 'irony, not negation',
    },
    {
      text: 'i got charged twice for parking on friday at the main car park',
      spans: ['charged twice'],
    },
    {
      text: "My mam's been waiting for her referral letter since October, she's rung four times and keeps being told it's been sent",
    },
    {
      text: 'Thanks for nothing, PALS. 6 weeks and no reply',
      name: 'no answer on a case already with PALS',
    },
    {
      text: 'Rolled her eyes at me and told my 80 yr old mum to just use the internet',
      name: 'staff conduct towards a relative',
    },
  ],
});
