import signal from './patient_safety.medication_error.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: "I'm allergic to penicillin, can I take amoxicillin?",
      name: 'a question about an allergy: medical question',
    },
    { text: "I've not had my medication review yet, is it due?", name: 'a review, not a dose' },
    'Why has my prescription been changed without anyone telling me?',
    'The pharmacy gave me the wrong change, can you believe it',
  ],
  invalid: [
    {
      text: "I was given someone else's discharge letter and medication bag on Ward 7 yesterday.",
      spans: ["someone else's discharge letter"],
    },
    {
      text: "Robert Allen, bed 6, is allergic to penicillin and I've just seen them hang an amoxicillin drip",
      spans: ['allergic'],
    },
    {
      text: "My brother is sectioned and he hasn't had his clozapine for 3 days",
      spans: ["hasn't had his clozapine"],
    },
    {
      text: 'She was discharged from Ward 4 yesterday without her insulin.',
      spans: ['without her insulin'],
    },
    {
      text: "They've given my mum the wrong insulin dose twice this week",
      spans: ['wrong insulin'],
    },
    {
      text: "They've given my 2yo an adult dose of antibiotics by mistake",
      spans: ['an adult dose'],
    },
    {
      text: 'Nurse gave my dad his morning insulin then another nurse gave it again an hour later',
      spans: ['gave it again'],
    },
    {
      text: "The nurse gave her double what's on the chart and she's barely breathing",
      spans: ["double what's on the chart"],
    },
    {
      text: "the nurse gave her insulin even though she'd not eaten lunch",
      spans: ["gave her insulin even though she'd not eaten"],
    },
  ],
});
