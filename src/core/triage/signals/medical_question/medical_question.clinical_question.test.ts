import signal from './medical_question.clinical_question.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    { text: 'Waiting 5 weeks for scan results, is that a normal wait?', name: 'a wait' },
    { text: 'How do I get a copy of my scan images?', name: 'service' },
    { text: 'where can I get a flu jab in Swindon?', name: 'where: a service question' },
    { text: 'Can I book my covid booster online?', name: 'booking' },
    { text: 'Do under 5s get the nasal flu vaccine at the GP or at nursery?', name: 'which place' },
    {
      text: 'Nobody has turned my grandma since last night. Her heel is going purple. Is this normal?',
      name: 'rhetorical "is this normal" about care',
    },
    {
      text: 'What is the average waiting time for an autism assessment, and how many children are on the list?',
      name: 'figures: an FOI',
    },
    {
      text: "A carer has been taking money from my nan's purse, she has dementia. What do I do?",
      name: '"what do I do" about people, not symptoms',
    },
    'Why has my prescription been changed without anyone telling me?',
    'Is the blood test clinic still walk-in on Mondays?',
    'Can my mum bring her own medication into hospital?',
  ],
  invalid: [
    { text: 'Is it OK to take ibuprofen with my sertraline?', spans: ['Is it OK'] },
    {
      text: 'how long should I leave it before taking another paracetamol? took 2 at 10am',
      spans: ['should I leave it'],
    },
    {
      text: "What's a normal blood pressure for a 70 year old? Mine was 165 over 95",
      spans: ["What's a normal blood pressure"],
    },
    {
      text: 'My GP put me on amlodipine and now my ankles are swollen, should I stop taking it?',
      spans: ['should I stop'],
    },
    {
      text: "My 6 month old's poo is a bit green and she's off her milk, is that normal with teething?",
      spans: ['is that normal'],
    },
    { text: 'My son has swallowed a button battery, what do I do??', spans: ['what do I do'] },
    { text: "should I get the flu jab if I'm pregnant?", spans: ['should I get the '] },
    {
      text: 'can u take paracetamol and ibuprofen together for a toothache',
      spans: ['can u take'],
    },
    { text: 'is 6.8 a normal blood sugar after eating?' },
    {
      text: "Quick q - I'm on the pill and was sick this morning, am I still covered?",
      spans: ['am I still covered'],
    },
    {
      text: 'hey can you tell me if my chest pain is anxiety or heart?',
      spans: ['anxiety or heart'],
    },
    { text: 'is a blood pressure of 150 over 95 too high for a 60 year old?' },
    {
      text: 'the hayfever tablets do nothing, is there anything stronger?',
      spans: ['is there anything stronger'],
    },
    { text: 'Do statins interfere with grapefruit?', spans: ['Do statins interfere'] },
    {
      text: 'is it true that antibiotics stop the pill working?',
      spans: ['is it true that antibiotics stop'],
    },
    {
      text: 'can you catch shingles off someone with chickenpox?',
      spans: ['can you catch shingles off'],
    },
  ],
});
