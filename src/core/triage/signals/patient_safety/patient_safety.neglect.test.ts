import signal from './patient_safety.neglect.js';
import { signalTester } from '../../../../../test/helpers/signal-tester.js';

signalTester(signal, {
  valid: [
    {
      text: 'Our annual pressure ulcer awareness day is on Thursday, come and see the team',
      name: 'awareness, no one affected',
    },
    {
      text: "The doctor hasn't turned up for my appointment again",
      name: '"turned up" is not turning a patient',
    },
    { text: "I haven't had lunch yet lol, clinic running late", name: 'not someone in care' },
    {
      text: 'Had the best care on Ward 7 after my fall, thank you to all the nurses',
      name: 'praise',
    },
    'The food on ward 9 is terrible, cold every day',
    'Why are the toilets in outpatients always filthy?',
  ],
  invalid: [
    {
      text: "My dad is on Ward 12 and hasn't been given a drink since breakfast. The jug is out of his reach.",
      spans: ["hasn't been given a drink"],
    },
    {
      text: 'Nobody has turned my grandma since last night. Her heel is going purple.',
      spans: ['Nobody has turned', 'heel is going purple'],
    },
    {
      text: "mam's been on ward 23 since tues and nobody's give her a drink all day",
      spans: ["nobody's give her a drink"],
    },
    {
      text: "Visiting my aunt on the stroke ward, she's had the same pad on since last night",
      spans: ['same pad on since last night'],
    },
    { text: 'Ward 3 have left my mother in her own faeces AGAIN.', spans: ['in her own faeces'] },
    {
      text: "Dad's call bell has been going for 40 mins on Ward 6, he needs the toilet",
      spans: ['call bell has been going for 40 mins on Ward 6'],
    },
    {
      text: 'My father is on Ward 21. He has not been assisted with eating for several days and his meals are removed untouched.',
      spans: ['not been assisted with eating'],
    },
    {
      text: "She lives alone. She's now on the kitchen floor and can't get up",
      spans: ["She's now on the kitchen floor"],
    },
    {
      text: "The hoist on ward 2 is broken so they've left my husband in the chair since 8am",
      spans: ['left my husband in the chair since 8am'],
    },
    {
      text: 'They sent my 90 year old nan home at midnight in a taxi',
      spans: ['sent my 90 year old nan home at midnight'],
      name: 'night discharge of someone frail',
    },
    {
      text: "Patient on bay 3 has been lying in a wet bed since 2pm. He's got a pressure sore already.",
      spans: ['wet bed', 'pressure sore'],
    },
  ],
});
